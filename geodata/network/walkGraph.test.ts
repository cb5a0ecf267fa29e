// A hand-made walking network, every figure checkable on squared paper (metres, storage CRS):
//
//   y=150        F (footway end, Kita 2)
//                |
//   y=60   K     |                          K = Kita 1 on the far bank, 10 m from the north street
//   y=50   N=====+==================B       north street x 0..400, footway up from (100,50)
//   ~~~~~~~~~~~~~~~ river ~~~~~~~~~~~ |     bridge x=400 from y=-50 to y=50 (the only crossing)
//   y=-50  A=========+================S     south street x 0..400
//                    |                      dead end: a spur down from (200,-50) to (200,-150)
//   y=-150           D
//
// Piece A (0,-50) and piece P (0,50) are 100 m apart by air, 900 m on foot.
import { describe, expect, it } from 'vitest';
import { NETWORK_RULES } from '../../domain/distance.ts';
import { networkReach, snapAll } from './networkReach.ts';
import { edgesOf, WalkGraph, type WayLine } from './walkGraph.ts';
import { walksFrom } from './walksFrom.ts';

const way = (coords: [number, number][], highway = 'residential'): WayLine => ({ coords, nodeKeys: null, highway, wayId: null });

function riverTown() {
  const lines = [
    way([[0, -50], [200, -50], [400, -50]]),
    way([[400, -50], [400, 50]], 'footway'), // the bridge
    way([[400, 50], [100, 50], [0, 50]]),
    way([[200, -50], [200, -150]]), // dead end
    way([[100, 50], [100, 150]], 'footway'),
    way([[5000, 0], [5088, 0]], 'path'), // an isolated 88 m path far away
  ];
  const { edges, nodeCount } = edgesOf(lines);
  return new WalkGraph(edges, nodeCount);
}

describe('the walking graph', () => {
  it('splits ways at their junctions and keeps an isolated short path out of reach', () => {
    const g = riverTown();
    // South street split at the spur (2), bridge, north street split at the footway (2), spur, footway, isolated path.
    expect(g.edges.length).toBe(8);
    expect(g.totalMetres).toBeCloseTo(400 + 100 + 400 + 100 + 100 + 88, 9);
    expect(Array.from(g.usable)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(NETWORK_RULES.minComponentMetres).toBeGreaterThan(88);
    // A point beside the isolated path is not attached to it (and nothing else is within the limit).
    expect(g.snap(5040, 10)).toBeNull();
  });

  it('attaches a point to the nearest point of a way, the access leg measured straight', () => {
    const g = riverTown();
    const s = g.snap(0, 60)!;
    expect(s.access).toBeCloseTo(10, 9);
    expect(g.edges[s.edge].source === g.edges[s.edge].target).toBe(false);
    expect(g.snap(0, -1000)).toBeNull(); // far from any way
  });

  it('measures 900 m on foot between two pieces 100 m apart across the river', () => {
    const g = riverTown();
    const [walk] = walksFrom(g, { x: 0, y: -50 }, [{ x: 0, y: 50 }], 1, Number.POSITIVE_INFINITY);
    expect(walk).toEqual({ metres: expect.closeTo(900, 9), onNetwork: true });
  });

  it('gives each piece its walk to the nearest Kita, the far bank, the dead end and a piece off the network', () => {
    const g = riverTown();
    const pieces = [
      { id: 1, x: 0, y: -50 }, // A: south bank
      { id: 2, x: 0, y: 50 }, // P: north bank, 10 m from Kita 1
      { id: 3, x: 200, y: -150 }, // D: end of the spur
      { id: 4, x: 0, y: -1000 }, // far from any way
    ];
    const kitas = [{ id: 10, x: 0, y: 60 }, { id: 11, x: 100, y: 150 }];
    const reach = networkReach(g, pieces, snapAll(g, pieces), kitas);
    // Kita 1 is 110 m by air and 910 m on foot; Kita 2 up the footway is nearer on foot: 400 + 100 + 300 + 100.
    expect(reach.network[0]).toBeCloseTo(900, 9);
    expect(reach.network[1]).toBeCloseTo(10, 9); // same edge: along it and the access leg
    expect(reach.network[2]).toBeCloseTo(100 + 200 + 100 + 300 + 100, 9); // 800 m: up the spur, over the bridge, up the footway
    expect(reach.network[3]).toBeNaN(); // not attached: measured straight (SQL: straight x detour, flagged)
    expect(Array.from(reach.offnet)).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]); // every Kita attached
  });

  it('reaches a Kita on a footway only, and weighs a Kita off the network by the straight line', () => {
    const g = riverTown();
    const pieces = [{ id: 1, x: 400, y: 40 }];
    // Kita 2 stands at the footway's end; a third Kita stands 300 m from any way.
    const reach = networkReach(g, pieces, snapAll(g, pieces), [{ id: 11, x: 100, y: 150 }, { id: 12, x: 700, y: 400 }]);
    expect(reach.network[0]).toBeCloseTo(10 + 300 + 100, 9); // onto the bridge's end, west 300 m, up the footway 100 m
    expect(reach.offnet[0]).toBeCloseTo(Math.hypot(300, 360), 9);
  });

  it('measures straight x detour what the network cannot join to the origin', () => {
    const g = riverTown();
    const walks = walksFrom(g, { x: 0, y: -50 }, [{ x: 5040, y: 0 }, { x: 0, y: -1000 }], 1.3, Number.POSITIVE_INFINITY);
    expect(walks[0]).toEqual({ metres: expect.closeTo(Math.hypot(5040, 50) * 1.3, 6), onNetwork: false });
    expect(walks[1]).toEqual({ metres: expect.closeTo(950 * 1.3, 6), onNetwork: false });
    // Beyond the search bound: Infinity, not a made-up figure.
    expect(walksFrom(g, { x: 0, y: -50 }, [{ x: 0, y: 50 }], 1, 500)[0]).toEqual({ metres: Number.POSITIVE_INFINITY, onNetwork: true });
  });

  it('weighs a Kita on a network piece the child cannot walk to by the straight line', () => {
    // A second street of 600 m, 1 km east, joined to nothing: long enough to take points.
    const { edges, nodeCount } = edgesOf([
      way([[0, -50], [200, -50], [400, -50]]),
      way([[400, -50], [400, 50]], 'footway'),
      way([[400, 50], [100, 50], [0, 50]]),
      way([[1400, 0], [2000, 0]]),
    ]);
    const g = new WalkGraph(edges, nodeCount);
    const pieces = [{ id: 1, x: 400, y: -40 }];
    const reach = networkReach(g, pieces, snapAll(g, pieces), [{ id: 10, x: 1400, y: 10 }]);
    expect(reach.network[0]).toBeNaN();
    expect(reach.offnet[0]).toBeCloseTo(Math.hypot(1000, 50), 9);
  });
});

