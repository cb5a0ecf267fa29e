// The 2SFCA's catchments on a hand-made walking network (the river town of walkGraph.test.ts),
// checked on squared paper, and against one walk per pair on a larger jittered town.
import { describe, expect, it } from 'vitest';
import { catchments, floatingCatchmentSupply } from './catchments.ts';
import { snapAll } from './networkReach.ts';
import { edgesOf, WalkGraph, type WayLine } from './walkGraph.ts';
import { walksFrom } from './walksFrom.ts';

const way = (coords: [number, number][], highway = 'residential'): WayLine => ({ coords, nodeKeys: null, highway, wayId: null });

//   y=150        F(100,150)          footway up from (100,50); Kita 2 at its end
//   y=60   K1(0,60)
//   y=50   N=====+============B      north street x 0..400
//   ~~~~~~~~~~~~~~~~~~~~~~~~~ |      the only crossing: the bridge x=400
//   y=-50  A==========+=======S      south street; dead end down from (200,-50)
function riverTown() {
  const { edges, nodeCount } = edgesOf([
    way([[0, -50], [200, -50], [400, -50]]),
    way([[400, -50], [400, 50]], 'footway'),
    way([[400, 50], [100, 50], [0, 50]]),
    way([[200, -50], [200, -150]]),
    way([[100, 50], [100, 150]], 'footway'),
  ]);
  return new WalkGraph(edges, nodeCount);
}

const pieces = [
  { id: 1, x: 0, y: -50 }, // A: south bank, 110 m from Kita 1 by air, 910 m on foot
  { id: 2, x: 0, y: 50 }, // P: north bank, 10 m from Kita 1
  { id: 3, x: 100, y: 100 }, // Q: on the footway, 10 + 100 + 50 from Kita 1
  { id: 4, x: -140, y: 200 }, // O: 205 m from any way (not attached): straight
  { id: 5, x: 200, y: -150 }, // D: the dead end
];
const kitas = [{ id: 10, x: 0, y: 60 }, { id: 11, x: 100, y: 150 }];

describe('the 2SFCA catchments on the walking network', () => {
  it('holds the pieces within the threshold on foot, and those the network does not join within it straight x detour', () => {
    const g = riverTown();
    const within = catchments(g, pieces, snapAll(g, pieces), kitas, 500, 1);
    // Kita 1: P (10 m), Q (160 m), O straight (198 m); not A (910 m on foot, 110 m by air), not D (710 m).
    expect(within[0].map((j) => pieces[j].id).sort()).toEqual([2, 3, 4]);
    // Kita 2 at the footway's end: P (200 m), Q (50 m), O straight (245 m); A is 900 m on foot.
    expect(within[1].map((j) => pieces[j].id).sort()).toEqual([2, 3, 4]);
    // The detour applies to the straight pairs only: x2 keeps O for both (396 m, 490 m), x3 drops it.
    expect(catchments(g, pieces, snapAll(g, pieces), kitas, 500, 2).map((c) => c.length)).toEqual([3, 3]);
    expect(catchments(g, pieces, snapAll(g, pieces), kitas, 500, 3).map((c) => c.map((j) => pieces[j].id).sort())).toEqual([[2, 3], [2, 3]]);
    // A threshold of 910 m takes A into Kita 1's catchment: the walk itself, to the metre.
    expect(catchments(g, pieces, snapAll(g, pieces), kitas, 910, 1)[0].map((j) => pieces[j].id)).toContain(1);
    expect(catchments(g, pieces, snapAll(g, pieces), kitas, 909.9, 1)[0].map((j) => pieces[j].id)).not.toContain(1);
  });

  it("shares each Kita's places among the children in its catchment", () => {
    const g = riverTown();
    const within = catchments(g, pieces, snapAll(g, pieces), kitas, 500, 1);
    const supply = floatingCatchmentSupply([40, 10, 20, 5, 7], within, [30, 15]);
    // Both catchments hold P, Q and O: 35 children; 30 + 15 places over 35, per 1,000.
    expect(supply[1]).toBeCloseTo((45 / 35) * 1000, 9);
    expect(supply[3]).toBeCloseTo((45 / 35) * 1000, 9);
    expect(supply[0]).toBe(0); // A: across the river
    expect(supply[4]).toBe(0);
  });

  it('agrees with one walk per pair on a jittered town with a river and two bridges', () => {
    // A 20 x 20 street grid, 80 m apart, jittered; the river between rows 9 and 10, crossed at columns 4 and 15.
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const at = Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => [i * 80 + random() * 20, j * 80 + random() * 20] as [number, number]));
    const lines: WayLine[] = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        if (i < 19) lines.push(way([at[i][j], at[i + 1][j]]));
        if (j < 19 && (j !== 9 || i === 4 || i === 15)) lines.push(way([at[i][j], at[i][j + 1]]));
      }
    }
    const { edges, nodeCount } = edgesOf(lines);
    const g = new WalkGraph(edges, nodeCount);
    const places = Array.from({ length: 300 }, (_, k) => ({ id: k, x: random() * 1800 - 100, y: random() * 1800 - 100 }));
    const sources = Array.from({ length: 12 }, (_, k) => ({ id: 1000 + k, x: random() * 1600, y: random() * 1600 }));
    for (const [threshold, detour] of [[400, 1], [700, 1.3]]) {
      const within = catchments(g, places, snapAll(g, places), sources, threshold, detour);
      sources.forEach((s, k) => {
        const expected = walksFrom(g, s, places, detour, threshold)
          .map((w, j) => (w.metres <= threshold ? j : -1))
          .filter((j) => j >= 0);
        expect([...within[k]].sort((a, b) => a - b)).toEqual(expected);
      });
    }
  });
});
