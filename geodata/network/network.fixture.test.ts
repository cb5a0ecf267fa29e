// A hand-made walking network on the two squares (test/fixtures/twoSquares.ts), every figure
// checkable on squared paper. Coordinates are metres from square A's lower-left corner (EPSG:3035,
// where A's 100 pieces have their centres at 50 + 100 i, 50 + 100 j; each holds 10 children).
//
//   y=950  ====================  row streets through every row of piece centres, x 50..950
//    ...   ||    (north bank)        west spines x=50: y 550..950 (north) and y 50..450 (south)
//   y=550  ====================  <- row 5; a footway stub from (500,550) down to (500,520),
//                       |   ||       the Kita at (500,500) 20 m from its end (a Kita on a footway only)
//   ~~~~~~~~~ river ~~~~~~~~ ||  <- the only crossing: the bridge x=950, y 450..550
//   y=450  ====================  <- row 4
//    ...   ||    (south bank)
//   y=50   ====================
//
// Walk to the Kita from a piece on row j at x (access 0; the stub and the Kita's access: 30 + 20):
//   row 5: |x - 500| + 50;  rows 6-9: (x - 50) + (y - 550) + 450 + 50;
//   row 4: (950 - x) + 100 + 450 + 50;  rows 0-3: (x - 50) + (450 - y) + 900 + 100 + 450 + 50.
// The pieces (50, 450) and (50, 550) are 100 m apart by air and 1,500 m and 500 m from the Kita.
// Square B's first column (x = 1050) lies 100 m from the rows' east ends: attached, access 100.
// The rest of B and square C lie more than 150 m from any way: measured straight (and flagged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { reachCategories } from '../../domain/taxonomy.ts';
import { openEmptyTestDatabase } from '../../test/harness/database.ts';
import { createRunner } from '../../test/harness/graphqlRunner.ts';
import { loadTwoSquares, toLonLat, X, Y } from '../../test/fixtures/twoSquares.ts';
import { refreshReach } from '../import/refreshReach.ts';
import { type CoverageParams, ensureCellCoverage } from '../coverageCache.ts';
import { loadGraph, networkInUse, rememberGraph, replaceNetwork } from './networkStore.ts';
import { networkSupplyChanges } from './networkSupply.ts';
import type { NetworkFile } from './readNetworkFile.ts';
import { edgesOf, WalkGraph, type WayLine } from './walkGraph.ts';

type P = [number, number];
const rows: P[][] = Array.from({ length: 10 }, (_, j) => [[50, 50 + 100 * j], [950, 50 + 100 * j]]);
const HAND_WAYS: { coords: P[]; highway: string }[] = [
  ...rows.map((coords) => ({ coords, highway: 'residential' })),
  { coords: [[50, 50], [50, 150], [50, 250], [50, 350], [50, 450]], highway: 'residential' },
  { coords: [[50, 550], [50, 650], [50, 750], [50, 850], [50, 950]], highway: 'residential' },
  { coords: [[950, 450], [950, 550]], highway: 'footway' }, // the bridge
  { coords: [[500, 550], [500, 520]], highway: 'footway' }, // the stub to the Kita
];

/** The walk to the Kita from a piece of A at (x, y), by the formulas above. */
function handWalk(x: number, y: number): number {
  const j = Math.round((y - 50) / 100);
  if (j === 5) return Math.abs(x - 500) + 50;
  if (j > 5) return x - 50 + (y - 550) + 500;
  if (j === 4) return 950 - x + 600;
  return x - 50 + (450 - y) + 1500;
}

let db: Database;
let api: Awaited<ReturnType<typeof createRunner>>;
beforeAll(async () => {
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex);
  // The junctions must meet exactly: the ways are split at every row's crossing with a spine.
  const split = HAND_WAYS.flatMap((w) =>
    w.coords.length === 2 && w.coords[0][1] === w.coords[1][1]
      ? [{ ...w, coords: [w.coords[0], [500, w.coords[0][1]] as P, w.coords[1]] }]
      : [w],
  );
  const lines: WayLine[] = [];
  for (const w of split) {
    const result = await db.knex.raw(
      `select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(ST_SetSRID(ST_MakePoint(c.x, c.y), 3035), 25832) as p, c.i
         from unnest(?::float8[], ?::float8[]) with ordinality as c(x, y, i)) as t order by i`,
      [w.coords.map((c) => X + c[0]), w.coords.map((c) => Y + c[1])],
    );
    lines.push({ coords: result.rows.map((r: { x: number; y: number }) => [r.x, r.y]), nodeKeys: null, highway: w.highway, wayId: null });
  }
  const { edges, nodeCount } = edgesOf(lines);
  const graph = new WalkGraph(edges, nodeCount);
  const file: NetworkFile = { path: 'hand-made.geojson', format: 'geojson', sha256: '0'.repeat(64), bytes: 0, dataDate: null, lines, waysRead: lines.length };
  await replaceNetwork(db.knex, file, graph.edges, { licence: 'none', attribution: 'hand-made <img src=x onerror=alert(1)>' });
  rememberGraph((await networkInUse(db.knex))!, graph);
  await refreshReach(db.knex, reachCategories);
  await db.knex.raw('delete from coverage_cache');
  api = await createRunner(db.knex);
});
afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const COVERAGE = `{ coverage(level: UBZ, question: { target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500 }) {
  method { distanceModel detourSource supplyMeasure } areas { area { code } childrenWithin { value } shareWithin shareOnNetwork medianDistanceMetres p90DistanceMetres supplyPer1000Children }
  city { childrenWithin { value } shareOnNetwork } } }`;

describe('a hand-made network: a river with one bridge, a Kita on a footway on the far bank', () => {
  it('credits the network on the map as text, never as markup', async () => {
    const { mapConfig } = await api.data('{ mapConfig { attributions } }');
    expect(mapConfig.attributions.at(-1)).toBe('hand-made &#60;img src=x onerror=alert(1)&#62;');
  });

  it('measures two pieces 100 m apart by air at 1,500 m and 500 m from the Kita', async () => {
    const reach = async (x: number, y: number) => {
      const { reachAtPoint } = await api.data(`query($p: PointInput!) { reachAtPoint(point: $p, ageBand: AGE_0_5) {
        categories { category { key } distanceMetres measuredOn } } }`, { p: await toLonLat(db.knex, X + x, Y + y) });
      return reachAtPoint.categories.find((c: { category: { key: string } }) => c.category.key === 'kita');
    };
    expect(await reach(50, 450)).toMatchObject({ distanceMetres: 1500, measuredOn: 'NETWORK' });
    expect(await reach(50, 550)).toMatchObject({ distanceMetres: 500, measuredOn: 'NETWORK' });
    expect(await reach(640, 350)).toMatchObject({ distanceMetres: 590 + 100 + 900 + 600, measuredOn: 'NETWORK' }); // row 3 at 640 (access 0)
    // Square B's far side is 150 m and more from any way: the straight line to the Kita.
    expect(await reach(1550, 550)).toMatchObject({ distanceMetres: Math.round(Math.hypot(1050, 50)), measuredOn: 'STRAIGHT' });
  });

  it('counts the children within 500 m on foot: row 5 only, where straight lines reach 80 of 100 pieces', async () => {
    const { coverage } = await api.data(COVERAGE);
    const area = (code: string) => coverage.areas.find((a: { area: { code: string } }) => a.area.code === code);
    expect(coverage.method.distanceModel).toBe('NETWORK');
    expect(coverage.method.detourSource).toMatch(/default.*applies only where a distance is not measured on the walking network/);
    expect(coverage.method.supplyMeasure).toMatch(/Catchments of the 2SFCA ratio: the walk on the walking network/);
    const walks = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) walks.push(handWalk(50 + 100 * i, 50 + 100 * j));
    walks.sort((a, b) => a - b);
    expect(area('A01')).toMatchObject({ childrenWithin: { value: 100 }, shareOnNetwork: 1 });
    expect(area('A01').shareWithin).toBeCloseTo(0.1, 5);
    // Median: the 50th of the sorted walks (each piece 10 children), p90 the 90th.
    expect(area('A01').medianDistanceMetres).toBe(Math.round(walks[49]));
    expect(area('A01').p90DistanceMetres).toBe(Math.round(walks[89]));
    // B: its first column (50 children) on the network, 100 m from the rows' ends: none within 500 m.
    expect(area('B01')).toMatchObject({ childrenWithin: { value: 0 }, shareOnNetwork: 0.1 });
    expect(area('C01').shareOnNetwork).toBe(0);
    expect(coverage.city.childrenWithin.value).toBe(100);
  });

  it('finds the gaps on either bank: the south bank, the north bank beyond row 5, and square B', async () => {
    const { gaps } = await api.data(`{ gaps(question: { target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500 }) {
      childrenBeyond { value } hotspots { children { value display } subDistrictCodes } } }`);
    const rounded = gaps.hotspots.map((h: { children: { value: number | null; display: string }; subDistrictCodes: string[] }) => [Math.round(h.children.value ?? 0), h.children.display, h.subDistrictCodes]);
    expect(rounded.slice(0, 3)).toEqual([
      [500, expect.any(String), ['A01']], // rows 0-4
      [500, expect.any(String), ['B01']],
      [400, expect.any(String), ['A01']], // rows 6-9
    ]);
    expect(Math.round(gaps.childrenBeyond.value)).toBe(1403);
  });

  it('shares the Kita among the children within 500 m on foot (2SFCA), and a planned one among those it reaches', async () => {
    const params: CoverageParams = { categories: ['kita'], ageBand: '0-5', threshold: 500, detour: 1, distribution: 'census' };
    const key = await ensureCellCoverage(db.knex, params);
    const served = await db.knex.raw('select supply_per_1000, count(*)::int as n from coverage_cell_cache where key = ? and supply_per_1000 > 0 group by 1', [key]);
    // Row 5's ten pieces (100 children) are its catchment: 1 Kita per 100 children; straight lines would take 80 pieces.
    expect(served.rows).toEqual([{ supply_per_1000: expect.closeTo(10, 3), n: 10 }]);
    // A Kita planned on the south bank's west spine at (50, 440), 10 m below row 4: within 500 m on
    // foot row 4 up to x = 540, row 3 to 460, row 2 to 360, row 1 to 260, row 0 to 160: 5 + 5 + 4 + 3 + 2
    // pieces, 190 children; not the north bank's (50, 550), 110 m by air and 1,010 m on foot.
    const [p] = (await db.knex.raw('select ST_X(p) as x, ST_Y(p) as y from ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 3035), 25832) as p', [X + 50, Y + 440])).rows;
    const graph = (await loadGraph(db.knex))!;
    const delta = await networkSupplyChanges(db.knex, graph, { key, threshold: 500, detour: 1, items: [{ x: p.x, y: p.y, amount: 1 }] });
    expect(delta.length).toBe(19);
    for (const d of delta) expect(d.delta).toBeCloseTo(1000 / 190, 3);
    const { coverage } = await api.data(COVERAGE);
    expect(coverage.areas.find((a: { area: { code: string } }) => a.area.code === 'A01').supplyPer1000Children).toBeCloseTo(1, 3);
  });

  it('after an edit writes only the pieces whose walks changed: the Kita moved to the south bank', async () => {
    // Moved to (500, 440): attached to row 4 at (500, 450), access 10 m.
    await db.knex.raw(`update facility set geom = ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 3035), 25832) where key = 'fixture:kita'`, [X + 500, Y + 440]);
    const changed = await refreshReach(db.knex, ['kita'], { replaceAll: false });
    expect(changed).toBeGreaterThan(100); // every piece of A and B's first column walks elsewhere now
    expect(await refreshReach(db.knex, ['kita'], { replaceAll: false })).toBe(0); // nothing left to change
    await db.knex.raw('delete from coverage_cache');
    const { coverage } = await api.data(COVERAGE);
    const a = coverage.areas.find((r: { area: { code: string } }) => r.area.code === 'A01');
    expect(a.childrenWithin.value).toBe(100); // row 4: |x - 500| + 10; row 3 at x = 50 is 560 m away
    const { reachAtPoint } = await api.data(`query($p: PointInput!) { reachAtPoint(point: $p, ageBand: AGE_0_5) { categories { category { key } distanceMetres } } }`, {
      p: await toLonLat(db.knex, X + 50, Y + 450),
    });
    expect(reachAtPoint.categories.find((c: { category: { key: string } }) => c.category.key === 'kita').distanceMetres).toBe(460);
  });
});

