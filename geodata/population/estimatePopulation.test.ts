import { describe, expect, it } from 'vitest';
import { estimatePopulation, type UbzInput } from './estimatePopulation.ts';
import type { PopulationRow } from './readPopulationCsv.ts';

const ubz = (code: string, districtCode: string, areaHa: number, density: number, censusPersons: number | null = null): UbzInput => ({
  code, districtCode, boroughName: 'North', areaHa, density, share0to5: 10, share6to17: 20, censusPersons,
});
const row = (level: PopulationRow['level'], nr: string, population: number, name = nr): PopulationRow => ({
  level, nr, name, stadtbezirk: 'North', refDate: '2023-12-31', population, source: 'test',
});

describe('estimatePopulation', () => {
  // Borough North: 10,000. District 110 publishes 6,000 and 120 none; 130 publishes 2,000.
  const inputs = [ubz('111', '110', 100, 10), ubz('112', '110', 100, 30), ubz('121', '120', 50, 20), ubz('131', '130', 10, 10)];
  const rows = [row('stadtbezirk', 'N', 10000, 'North'), row('statbez', '110', 6000), row('statbez', '130', 2000)];
  const result = Object.fromEntries(estimatePopulation(inputs, rows).map((e) => [e.code, e]));

  it('gives a district without a figure the rest of its borough', () => {
    expect(result['121'].total).toBeCloseTo(2000, 6);
    expect(result['121'].inputs.districtBasis).toBe('remainder of the borough');
  });

  it('shares a district among its sub-districts by density x area and keeps the district total', () => {
    expect(result['111'].total + result['112'].total).toBeCloseTo(6000, 6);
    expect(result['112'].total / result['111'].total).toBeCloseTo(3, 6);
  });

  it('makes the districts add up to the borough', () => {
    expect(Object.values(result).reduce((s, e) => s + e.total, 0)).toBeCloseTo(10000, 6);
  });

  it('splits age bands by the published shares', () => {
    expect(result['131'].age0to5).toBeCloseTo(200, 6);
    expect(result['131'].age6to17).toBeCloseTo(400, 6);
  });

  it('uses a published sub-district figure and scales the district to its count', () => {
    const withUbz = estimatePopulation(inputs, [...rows, row('ubz', '111', 1000)]);
    const e111 = withUbz.find((e) => e.code === '111')!;
    const e112 = withUbz.find((e) => e.code === '112')!;
    expect(e111.inputs.ubzBasis).toBe('published sub-district figure');
    expect(e111.total).toBeCloseTo(1000, 6);
    expect(e112.total).toBeCloseTo(5000, 6);
  });

  it('shares by census persons when the district has any, and says so', () => {
    const withCensus = [ubz('111', '110', 100, 10, 30), ubz('112', '110', 100, 30, 10), ubz('121', '120', 50, 20, 5), ubz('131', '130', 10, 10, 1)];
    const e = Object.fromEntries(estimatePopulation(withCensus, rows).map((x) => [x.code, x]));
    expect(e['111'].total).toBeCloseTo(4500, 6);
    expect(e['112'].total).toBeCloseTo(1500, 6);
    expect(e['111'].inputs).toMatchObject({ ubzBasis: 'census persons', weight: 30 });
  });

  it('falls back to density x area in a district without census persons', () => {
    const noCensus = [ubz('111', '110', 100, 10, 0), ubz('112', '110', 100, 30, 0), ubz('121', '120', 50, 20, 5), ubz('131', '130', 10, 10, 1)];
    const e = Object.fromEntries(estimatePopulation(noCensus, rows).map((x) => [x.code, x]));
    expect(e['112'].total / e['111'].total).toBeCloseTo(3, 6);
    expect(e['111'].inputs.ubzBasis).toBe('density x area');
  });

  it('scales districts whose figures are of other years to the borough', () => {
    const scaled = estimatePopulation(inputs.filter((u) => u.districtCode !== '120'), [row('stadtbezirk', 'N', 8800, 'North'), row('statbez', '110', 6000), row('statbez', '130', 2000)]);
    const total = scaled.reduce((s, e) => s + e.total, 0);
    expect(total).toBeCloseTo(8800, 6);
    expect(scaled.find((e) => e.code === '131')!.total).toBeCloseTo(2200, 6);
  });
});
