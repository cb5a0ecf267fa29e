// Each figure against a computation by hand.
import { describe, expect, it } from 'vitest';
import { areaFigures, concentrationIndex, greedyMaximalCoverage, palmaRatio, weightedGini, type Cell } from './cellFigures.ts';

describe('area figures from cells', () => {
  const cells: Cell[] = [
    { id: 1, ubz: 1, children: 10, distance: 100, supply: 2 },
    { id: 2, ubz: 1, children: 30, distance: 300, supply: 1 },
    { id: 3, ubz: 1, children: 60, distance: 700, supply: 0 },
  ];
  it('sums, takes the median and p90 the way the SQL does, and weights the supply by children', () => {
    // Cumulative 10, 40, 100: half (50) is reached at 700 m, 90 % too; within 500 m: 40.
    expect(areaFigures(7, cells, 500)).toEqual({
      area_id: 7, children: 100, children_within: 40, median_m: 700, p90_m: 700, supply_per_1000: (20 + 30) / 100, newly_within: 0, newly_beyond: 0, children_on_network: 0,
    });
  });
  it('counts the children who gain and lose reach against the cells before', () => {
    const before = new Map(cells.map((c) => [c.id, c]));
    const after = [{ ...cells[0], distance: 600 }, cells[1], { ...cells[2], distance: 450 }];
    expect(areaFigures(7, after, 500, before)).toMatchObject({ children_within: 90, newly_within: 60, newly_beyond: 10 });
  });
});

describe('equity measures', () => {
  it('Gini: equal values give 0; one of two equal weights holding all gives 1/2', () => {
    expect(weightedGini([{ value: 3, weight: 1 }, { value: 3, weight: 5 }])).toBeCloseTo(0, 10);
    expect(weightedGini([{ value: 0, weight: 1 }, { value: 10, weight: 1 }])).toBeCloseTo(0.5, 10);
    // Values 1, 2, 3 with weights 1: mean absolute difference (2 x (1 + 2 + 1)) / 9 = 8/9; G = (8/9) / (2 x 2) = 2/9.
    expect(weightedGini([{ value: 1, weight: 1 }, { value: 2, weight: 1 }, { value: 3, weight: 1 }])).toBeCloseTo(2 / 9, 10);
  });
  it('Palma: the best-served tenth over the worst-served four tenths, areas split where the tenths fall', () => {
    // Ten children in five areas of two: values 1, 1, 2, 2, 3, 3, 4, 4, 10, 10. Bottom 4: mean 1.5; top 1: 10.
    const areas = [1, 2, 3, 4, 10].map((value) => ({ value, weight: 2 }));
    expect(palmaRatio(areas)).toBeCloseTo(10 / 1.5, 10);
    expect(palmaRatio([{ value: 0, weight: 5 }, { value: 1, weight: 5 }])).toBeNull();
  });
  it('concentration index: negative when the value sits with the greatest need', () => {
    // Two equal groups: need 30 % gets 3, need 10 % gets 1. Ranks 0.25 and 0.75, mean 2:
    // cov = 0.5 (3 - 2)(0.25 - 0.5) + 0.5 (1 - 2)(0.75 - 0.5) = -0.25; CI = 2 x -0.25 / 2 = -0.25.
    expect(concentrationIndex([{ value: 3, weight: 1, need: 30 }, { value: 1, weight: 1, need: 10 }])).toBeCloseTo(-0.25, 10);
    expect(concentrationIndex([{ value: 1, weight: 1, need: 30 }, { value: 3, weight: 1, need: 10 }])).toBeCloseTo(0.25, 10);
    expect(concentrationIndex([{ value: 2, weight: 1, need: 30 }, { value: 2, weight: 1, need: 10 }])).toBeCloseTo(0, 10);
  });
});

describe('greedy maximal coverage', () => {
  // Demand a (10), b (10), c (8), d (5). Site 1 reaches a, b; site 2 reaches b, c, d; site 3 reaches c, d.
  const demand = new Map([
    [1, { children: 10, weight: 1 }],
    [2, { children: 10, weight: 1 }],
    [3, { children: 8, weight: 1 }],
    [4, { children: 5, weight: 1 }],
  ]);
  const reach = new Map([[101, [1, 2]], [102, [2, 3, 4]], [103, [3, 4]]]);
  it('picks site 2 (23), then site 1 for the 10 left at a, then stops', () => {
    const picks = greedyMaximalCoverage(reach, demand, 3);
    expect(picks.map((p) => [p.candidate, p.gain])).toEqual([[102, 23], [101, 10]]);
  });
  it('weights by need: doubling a makes site 1 first (30); sites 2 and 3 then tie at 13, the smaller id wins', () => {
    const weighted = new Map(demand);
    weighted.set(1, { children: 10, weight: 2 });
    const picks = greedyMaximalCoverage(reach, weighted, 2);
    expect(picks.map((p) => [p.candidate, p.gain, p.weightedGain])).toEqual([[101, 20, 30], [102, 13, 13]]);
  });
});
