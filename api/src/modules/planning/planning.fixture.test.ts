// Scenarios, site suggestions and equity on the hand-made world of test/fixtures/twoSquares.ts.
//
// Even spread: A (1,000 children under 6, 10 per 100 m cell) has the Kita at its centre; 80 of its
// cells (800 children) lie within 500 m. B (500 children, 5 per cell) has none within reach; C has 3.
// A Kita at the centre of B reaches B's cells exactly as A's Kita reaches A's: 80 cells, 400
// children; no cell of A is within 500 m of it (the nearest centres are 550 m away).
// 2SFCA (per facility, no capacities): A's Kita 1 / 800 children, B's 1 / 400, so B averages
// 400 x 2.5 / 500 = 2.0 per 1,000 children, A stays at 1.0.
//
// Census spread (second world): A's children sit in two cells, 750 at (450, 450) (71 m from the
// Kita) and 250 at (50, 50) (636 m); B's 500 at (1050, 550) (552 m). Beyond reach in AB: 250 + 500.
// Candidates are the pieces with children: (1050, 550) reaches only itself (500), (50, 50) only
// itself (250), the others nothing new. So the greedy picks B's cell (500), then A's corner (250),
// then stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/connect.ts';
import { openEmptyTestDatabase } from '../../../../test/harness/database.ts';
import { createRunner } from '../../../../test/harness/graphqlRunner.ts';
import { X, Y, loadTwoSquares, toLonLat } from '../../../../test/fixtures/twoSquares.ts';
import { OUTSIDE_CITY } from '../../../../domain/city.ts';

let even: Database;
let census: Database;
let api: Awaited<ReturnType<typeof createRunner>>;
let censusApi: Awaited<ReturnType<typeof createRunner>>;
let centreOfB: { longitude: number; latitude: number };

beforeAll(async () => {
  even = await openEmptyTestDatabase();
  await loadTwoSquares(even.knex);
  api = await createRunner(even.knex);
  census = await openEmptyTestDatabase();
  await loadTwoSquares(census.knex, { census: true });
  censusApi = await createRunner(census.knex);
  centreOfB = await toLonLat(even.knex, X + 1500, Y + 500);
});
afterAll(async () => {
  await api?.stop();
  await censusApi?.stop();
  await even?.close();
  await census?.close();
});

const AREA = `area { code } newlyWithin { value } newlyBeyond { value } shareWithinChange supplyChange rankBefore rankAfter
  before { children { value } childrenWithin { value } medianDistanceMetres p90DistanceMetres supplyPer1000Children facilitiesInside shareWithin }
  after { children { value } childrenWithin { value } medianDistanceMetres p90DistanceMetres supplyPer1000Children facilitiesInside shareWithin }`;
const EFFECT = `query($changes: [ScenarioChangeInput!]!, $level: AreaLevel) {
  scenarioEffect(changes: $changes, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500, level: $level) {
    changes { applied otherCategories assumptions }
    city { ${AREA} } aktionsraeume { ${AREA} } areas { ${AREA} }
    difference { cellsGaining cellsLosing geojson }
    equity { before { giniSupply giniDistance palmaRatio concentrationIndex shareWithinAktionsraeume shareWithinRest shareGapPoints supplyAktionsraeume supplyRest }
             after { giniSupply palmaRatio shareWithinAktionsraeume shareGapPoints supplyAktionsraeume } method } } }`;
const COVERAGE = `{ coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500) {
  areas { area { code } children { value } childrenWithin { value } medianDistanceMetres p90DistanceMetres supplyPer1000Children facilitiesInside shareWithin } } }`;

const byCode = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.area.code, r]));
const effect = async (changes: unknown[], level = 'UBZ') => (await api.data(EFFECT, { changes, level })).scenarioEffect;

describe('a scenario on two hand-made squares', () => {
  it('a new Kita at the centre of B brings exactly B\'s 400 children within reach and nobody else', async () => {
    const e = await effect([{ kind: 'ADD', category: 'kita', name: 'Geplante Kita B', location: centreOfB }]);
    const { A01, B01, C01 } = byCode(e.areas);
    expect(B01).toMatchObject({ newlyWithin: { value: 400 }, newlyBeyond: { value: 0 }, before: { childrenWithin: { value: 0 }, facilitiesInside: 0 }, after: { childrenWithin: { value: 400 }, facilitiesInside: 1 } });
    expect(B01.shareWithinChange).toBeCloseTo(0.8, 5);
    expect(B01.after.supplyPer1000Children).toBeCloseTo(2.0, 3);
    expect(B01.supplyChange).toBeCloseTo(2.0, 3);
    expect(A01).toMatchObject({ newlyWithin: { value: 0 }, newlyBeyond: { value: 0 }, after: { childrenWithin: { value: 800 } } });
    expect(A01.after.supplyPer1000Children).toBeCloseTo(1.0, 3);
    expect(C01.newlyWithin.value).toBe(0);
    expect(e.city).toMatchObject({ newlyWithin: { value: 400 }, newlyBeyond: { value: 0 }, after: { childrenWithin: { value: 1200 } } });
    expect(e.aktionsraeume[0]).toMatchObject({ area: { code: 'AB' }, newlyWithin: { value: 400 } });
    expect(e.difference).toMatchObject({ cellsGaining: 80, cellsLosing: 0 });
    expect(e.difference.geojson.features.filter((f: any) => f.properties.change === 'GAIN')).toHaveLength(80);
    expect(e.changes).toEqual({ applied: 1, otherCategories: 0, assumptions: [] });
  });

  it('closing the Kita of A uncovers exactly its 800 children', async () => {
    const e = await effect([{ kind: 'CLOSE', facilityKey: 'fixture:kita' }]);
    const { A01 } = byCode(e.areas);
    expect(A01).toMatchObject({ newlyWithin: { value: 0 }, newlyBeyond: { value: 800 }, after: { childrenWithin: { value: 0 }, medianDistanceMetres: null, supplyPer1000Children: 0, facilitiesInside: 0 } });
    expect(e.city).toMatchObject({ newlyBeyond: { value: 800 }, after: { childrenWithin: { value: 0 } } });
    expect(e.difference).toMatchObject({ cellsGaining: 0, cellsLosing: 80 });
  });

  it('moving it to the centre of B trades A\'s 800 for B\'s 400', async () => {
    const e = await effect([{ kind: 'MOVE', facilityKey: 'fixture:kita', location: centreOfB }]);
    const { A01, B01 } = byCode(e.areas);
    expect(A01).toMatchObject({ newlyBeyond: { value: 800 }, after: { facilitiesInside: 0 } });
    expect(B01).toMatchObject({ newlyWithin: { value: 400 }, after: { facilitiesInside: 1 } });
    expect(e.city).toMatchObject({ newlyWithin: { value: 400 }, newlyBeyond: { value: 800 } });
  });

  it('leaves the other categories\' changes aside and says so', async () => {
    const e = await effect([{ kind: 'ADD', category: 'spielplatz', location: centreOfB }]);
    expect(e.changes).toMatchObject({ applied: 0, otherCategories: 1 });
    expect(e.city.newlyWithin.value).toBe(0);
  });

  it('gives as "before" exactly the coverage figures, and never changes them', async () => {
    const before = byCode((await api.data(COVERAGE)).coverage.areas);
    const e = await effect([{ kind: 'CLOSE', facilityKey: 'fixture:kita' }, { kind: 'ADD', category: 'kita', location: centreOfB }]);
    for (const row of e.areas) {
      const { area, ...figures } = before[row.area.code];
      expect(row.before).toMatchObject({ ...figures, supplyPer1000Children: expect.any(Number) });
      expect(row.before.supplyPer1000Children).toBeCloseTo(figures.supplyPer1000Children, 3);
    }
    expect(byCode((await api.data(COVERAGE)).coverage.areas)).toEqual(before);
    expect((await even.knex.raw("select count(*)::int as n from facility where category = 'kita'")).rows[0].n).toBe(1);
  });

  it('computes the equity figures by hand', async () => {
    const e = await effect([{ kind: 'ADD', category: 'kita', location: centreOfB }]);
    // Before: 800 of 1,503 children share all supply equally, the rest has none: Gini = 1 - 800/1503.
    expect(e.equity.before.giniSupply).toBeCloseTo(703 / 1503, 4);
    // Palma: sub-districts C (3 children, 0), B (500, 0), A (1,000, 1.0). The worst-served four
    // tenths (601.2 children) are C, B and 98.2 of A's: mean 98.2 / 601.2; the best tenth is in A: 1.0.
    expect(e.equity.before.palmaRatio).toBeCloseTo(1.0 / (98.2 / 601.2), 3);
    // No child poverty in the fixture: no concentration index.
    expect(e.equity.before.concentrationIndex).toBeNull();
    expect(e.equity.before.shareWithinAktionsraeume).toBeCloseTo(800 / 1500, 4);
    expect(e.equity.before.shareWithinRest).toBe(0);
    expect(e.equity.before.shareGapPoints).toBeCloseTo(53.33, 2);
    expect(e.equity.before.supplyAktionsraeume).toBeCloseTo(1000 / 1500, 3);
    // After: sub-districts C (3 children, 0), A (1,000, 1.0), B (500, 2.0). Worst four tenths:
    // 601.2 children = C's 3 and 598.2 of A's: mean 598.2 / 601.2; best tenth (150.3) in B: 2.0.
    expect(e.equity.after.palmaRatio).toBeCloseTo(2.0 / (598.2 / 601.2), 3);
    expect(e.equity.after.shareWithinAktionsraeume).toBeCloseTo(1200 / 1500, 4);
    expect(e.equity.after.supplyAktionsraeume).toBeCloseTo((800 * 1.25 + 400 * 2.5) / 1500, 3);
    expect(e.equity.method).toMatch(/Gini/);
  });

  it('refuses bad changes with a clear message', async () => {
    const outside = await api.run(EFFECT, { changes: [{ kind: 'ADD', category: 'kita', location: { longitude: 13.4, latitude: 52.5 } }] });
    expect(outside.errors?.[0].message).toContain(OUTSIDE_CITY);
    const unknown = await api.run(EFFECT, { changes: [{ kind: 'CLOSE', facilityKey: 'no-such-kita' }] });
    expect(unknown.errors?.[0].message).toMatch(/no facility in service with key "no-such-kita"/);
    const twice = await api.run(EFFECT, { changes: [{ kind: 'CLOSE', facilityKey: 'fixture:kita' }, { kind: 'CAPACITY', facilityKey: 'fixture:kita', capacity: 40 }] });
    expect(twice.errors?.[0].message).toMatch(/changed twice/);
    const many = await api.run(EFFECT, { changes: Array.from({ length: 51 }, () => ({ kind: 'ADD', category: 'kita', location: centreOfB })) });
    expect(many.errors?.[0].message).toMatch(/at most 50 changes/);
    const noCategory = await api.run(EFFECT, { changes: [{ kind: 'ADD', category: 'castle', location: centreOfB }] });
    expect(noCategory.errors?.[0].message).toMatch(/category "castle"/);
  });
});

const SITES = `query($area: AreaRef, $count: Int, $weight: Boolean, $changes: [ScenarioChangeInput!]) {
  siteSuggestions(question: { target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500 }, area: $area, count: $count, weightByNeed: $weight, changes: $changes) {
    siteMethod childrenBeyond { value } suggestions { rank location { longitude latitude } subDistrict { code } childrenGained { value } weightedGain cumulativeChildren { value } } geojson } }`;

describe('site suggestions on the census-spread squares', () => {
  it('picks B\'s populated cell (500), then A\'s corner (250), then stops', async () => {
    const { siteSuggestions: s } = await censusApi.data(SITES, { area: { level: 'AKTIONSRAUM', code: 'AB' }, count: 3 });
    expect(s.childrenBeyond.value).toBe(750);
    expect(s.suggestions.map((x: any) => [x.subDistrict.code, x.childrenGained.value, x.cumulativeChildren.value])).toEqual([['B01', 500, 500], ['A01', 250, 750]]);
    const bCell = await toLonLat(census.knex, X + 1050, Y + 550);
    const aCorner = await toLonLat(census.knex, X + 50, Y + 50);
    expect(s.suggestions[0].location.longitude).toBeCloseTo(bCell.longitude, 5);
    expect(s.suggestions[0].location.latitude).toBeCloseTo(bCell.latitude, 5);
    expect(s.suggestions[1].location.longitude).toBeCloseTo(aCorner.longitude, 5);
    expect(s.geojson.features).toHaveLength(2);
    expect(s.siteMethod).toMatch(/grid pieces where children live/);
  });

  it('a suggestion added to a scenario gains exactly what it promised; the next suggestion builds on it', async () => {
    const { siteSuggestions: s } = await censusApi.data(SITES, { area: { level: 'AKTIONSRAUM', code: 'AB' }, count: 1 });
    const add = { kind: 'ADD', category: 'kita', location: s.suggestions[0].location };
    const { scenarioEffect: e } = await censusApi.data(EFFECT, { changes: [add], level: 'UBZ' });
    expect(e.aktionsraeume[0].newlyWithin.value).toBe(s.suggestions[0].childrenGained.value);
    const next = (await censusApi.data(SITES, { area: { level: 'AKTIONSRAUM', code: 'AB' }, count: 1, changes: [add] })).siteSuggestions;
    expect(next.childrenBeyond.value).toBe(250);
    expect(next.suggestions.map((x: any) => [x.subDistrict.code, x.childrenGained.value])).toEqual([['A01', 250]]);
  });

  it('refuses a count beyond 10 and a category without reach', async () => {
    expect((await censusApi.run(SITES, { count: 11 })).errors?.[0].message).toMatch(/count/);
    const other = await censusApi.run('{ siteSuggestions(question: { target: { category: "castle" }, ageBand: AGE_0_5 }) { suggestions { rank } } }');
    expect(other.errors?.[0].message).toMatch(/child-related categories/);
    const field = await censusApi.run('{ siteSuggestions(question: { target: { fieldOfAction: BETREUUNG }, ageBand: AGE_0_5 }) { suggestions { rank } } }');
    expect(field.errors?.[0].message).toMatch(/one of the child-related categories .* \(got a field of action\)/);
  });

  it('still answers the deprecated separate arguments, the same as the question', async () => {
    const area = { level: 'AKTIONSRAUM', code: 'AB' };
    const asQuestion = (await censusApi.data(SITES, { area, count: 3 })).siteSuggestions;
    const separate = await censusApi.data(
      `query($area: AreaRef) { siteSuggestions(category: "kita", ageBand: AGE_0_5, thresholdMetres: 500, area: $area, count: 3) {
        childrenBeyond { value } suggestions { subDistrict { code } childrenGained { value } } } }`,
      { area },
    );
    expect(separate.siteSuggestions.childrenBeyond).toEqual(asQuestion.childrenBeyond);
    expect(separate.siteSuggestions.suggestions).toEqual(asQuestion.suggestions.map((x: any) => ({ subDistrict: x.subDistrict, childrenGained: x.childrenGained })));
    const both = await censusApi.run('{ siteSuggestions(question: { target: { category: "kita" }, ageBand: AGE_0_5 }, category: "kita") { suggestions { rank } } }');
    expect(both.errors?.[0].message).toMatch(/either as question or as separate arguments/);
  });
});
