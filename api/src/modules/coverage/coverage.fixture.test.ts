// Coverage figures on a world small enough to compute by hand (test/fixtures/twoSquares.ts).
//
// Square A (1 km, 100 cells of 100 m) holds 1,000 children under 6: 10 per cell. The Kita stands
// at its centre, so a cell's distance is that of its centre from (500, 500). Of the 100 centres
// (50 + 100 i, 50 + 100 j), 80 lie within 500 m and 52 within 400 m; sorted, the 50th distance is
// 380.79 m and the 90th 570.09 m. The 20 cells beyond 500 m form one L of 5 cells in each corner.
// Square B (500 children, 5 per cell) is at least 550 m from the Kita: nobody within reach.
// Square C (3 children) has no facility near and is a small count.
//
// 2SFCA: the Kita's catchment holds 800 children, so each of them has 1,000 / 800 = 1.25
// facilities per 1,000 children; A averages 800 x 1.25 / 1,000 = 1.0, AB 800 x 1.25 / 1,500 and
// the city 800 x 1.25 / 1,503.
//
// The squares are census-grid squares transformed to the storage CRS: their pieces differ in area by
// less than a millionth, so shares from the even spread are compared to 5 decimals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/connect.ts';
import { openEmptyTestDatabase } from '../../../../test/harness/database.ts';
import { createRunner } from '../../../../test/harness/graphqlRunner.ts';
import { KITA, loadTwoSquares, toLonLat } from '../../../../test/fixtures/twoSquares.ts';

let db: Database;
let api: Awaited<ReturnType<typeof createRunner>>;
beforeAll(async () => {
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex);
  api = await createRunner(db.knex);
});
afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const COVERAGE = `query($level: AreaLevel!, $threshold: Float, $detour: Float) {
  coverage(level: $level, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: $threshold, detourFactor: $detour) {
    method { categories thresholdMetres thresholdSource detourFactor populationIsEstimate populationSource cellSizeMetres supplyMeasure }
    areas { area { code } children { value display suppressed } childrenWithin { value } childrenBeyond { value }
            shareWithin facilitiesInside facilitiesPer1000Children medianDistanceMetres p90DistanceMetres supplyPer1000Children }
    city { children { value } childrenWithin { value } childrenBeyond { value } shareWithin supplyPer1000Children } } }`;

const byCode = (areas: any[]) => Object.fromEntries(areas.map((a) => [a.area.code, a]));

describe('coverage on two hand-made squares', () => {
  it('counts the children within and beyond 500 m of the Kita in each sub-district', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ', threshold: 500 });
    const { A01, B01, C01 } = byCode(coverage.areas);
    expect(A01).toMatchObject({
      children: { value: 1000 },
      childrenWithin: { value: 800 },
      childrenBeyond: { value: 200 },
      facilitiesInside: 1,
      medianDistanceMetres: 381,
      p90DistanceMetres: 570,
    });
    expect(A01.shareWithin).toBeCloseTo(0.8, 5);
    expect(A01.facilitiesPer1000Children).toBeCloseTo(1, 5);
    expect(A01.supplyPer1000Children).toBeCloseTo(1, 3);
    expect(B01).toMatchObject({ children: { value: 500 }, childrenWithin: { value: 0 }, childrenBeyond: { value: 500 }, shareWithin: 0, facilitiesInside: 0, supplyPer1000Children: 0 });
    expect(C01.children).toEqual({ value: null, display: '< 5', suppressed: true });
    expect(C01.shareWithin).toBeNull();
  });

  it('gives the city as the sum of its parts', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ', threshold: 500 });
    expect(coverage.city).toMatchObject({ children: { value: 1503 }, childrenWithin: { value: 800 }, childrenBeyond: { value: 703 } });
    expect(coverage.city.shareWithin).toBeCloseTo(800 / 1503, 5);
    expect(coverage.city.supplyPer1000Children).toBeCloseTo((800 * 1.25) / 1503, 3);
  });

  it('aggregates an Aktionsraum from its sub-districts', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'AKTIONSRAUM', threshold: 500 });
    const [ab] = coverage.areas;
    expect(ab.area.code).toBe('AB');
    expect(ab).toMatchObject({ children: { value: 1500 }, childrenWithin: { value: 800 }, facilitiesInside: 1 });
    expect(ab.shareWithin).toBeCloseTo(800 / 1500, 5);
    expect(ab.facilitiesPer1000Children).toBeCloseTo(1000 / 1500, 5);
    expect(ab.supplyPer1000Children).toBeCloseTo((800 * 1.25) / 1500, 3);
  });

  it('applies a detour factor to the distances and says so', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ', threshold: 500, detour: 1.25 });
    const { A01 } = byCode(coverage.areas);
    expect(A01.childrenWithin.value).toBe(520);
    expect(A01.medianDistanceMetres).toBe(476);
    expect(A01.supplyPer1000Children).toBe(1);
    expect(coverage.method).toMatchObject({ detourFactor: 1.25, thresholdMetres: 500, thresholdSource: 'set in the query' });
  });

  it('uses the documented default threshold and states the method', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ' });
    expect(coverage.method).toMatchObject({
      categories: ['kita'],
      thresholdMetres: 500,
      detourFactor: 1,
      populationIsEstimate: false,
      populationSource: expect.stringContaining('Imported counts'),
      cellSizeMetres: 100,
      supplyMeasure: expect.stringContaining('Facility count'),
    });
    expect(coverage.method.thresholdSource).toMatch(/Chosen default/);
  });

  it('finds the gaps: square B whole, then the four corners of A', async () => {
    const { gaps } = await api.data(`{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500) {
      childrenBeyond { value display } hotspots { rank children { value display } areaKm2 subDistrictCodes geometry } geojson } }`);
    expect(gaps.childrenBeyond.value).toBe(703);
    expect(gaps.hotspots.map((h: any) => [h.rank, h.subDistrictCodes.join(), h.children.display, h.areaKm2])).toEqual([
      [1, 'B01', '500', 1],
      [2, 'A01', '50', 0.05],
      [3, 'A01', '50', 0.05],
      [4, 'A01', '50', 0.05],
      [5, 'A01', '50', 0.05],
      [6, 'C01', '< 5', 1],
    ]);
    expect(gaps.hotspots[5].children.value).toBeNull();
    expect(gaps.geojson.features).toHaveLength(6);
    expect(gaps.hotspots[0].geometry.type).toMatch(/Polygon/);
  });

  it('limits the gaps to an area', async () => {
    const { gaps } = await api.data(`{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500, area: { level: UBZ, code: "A01" }) {
      childrenBeyond { value } hotspots { subDistrictCodes } } }`);
    expect(gaps.childrenBeyond.value).toBe(200);
    expect(gaps.hotspots).toHaveLength(4);
  });

  it('measures from a point to the nearest facility and compares with the threshold', async () => {
    const point = await toLonLat(db.knex, KITA.x + 300, KITA.y);
    const { reachAtPoint } = await api.data(`query($p: PointInput!) { reachAtPoint(point: $p, ageBand: AGE_0_5) {
      subDistrict { code } categories { category { key } distanceMetres thresholdMetres withinThreshold facilitiesWithin nearestFacility { key } } } }`, { p: point });
    expect(reachAtPoint.subDistrict.code).toBe('A01');
    const kita = reachAtPoint.categories.find((c: any) => c.category.key === 'kita');
    expect(kita).toEqual({ category: { key: 'kita' }, distanceMetres: 300, thresholdMetres: 500, withinThreshold: true, facilitiesWithin: 1, nearestFacility: { key: 'fixture:kita' } });
    const playground = reachAtPoint.categories.find((c: any) => c.category.key === 'spielplatz');
    expect(playground).toMatchObject({ distanceMetres: null, withinThreshold: false, facilitiesWithin: 0, nearestFacility: null });
  });

  it.each([
    ['a negative threshold', '{ coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: -5) { city { shareWithin } } }', 'thresholdMetres must be from 50 to 10000'],
    ['a huge threshold', '{ coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 1e6) { city { shareWithin } } }', 'thresholdMetres must be from 50 to 10000'],
    ['an unknown category', '{ coverage(level: UBZ, target: { category: "kitaa" }, ageBand: AGE_0_5) { city { shareWithin } } }', 'coverage is computed for the child-related categories'],
    ['a category not for children', '{ coverage(level: UBZ, target: { category: "wochenmarkt" }, ageBand: AGE_0_5) { city { shareWithin } } }', 'coverage is computed for the child-related categories'],
    ['two targets', '{ coverage(level: UBZ, target: { category: "kita", fieldOfAction: BETREUUNG }, ageBand: AGE_0_5) { city { shareWithin } } }', 'exactly one of category and fieldOfAction'],
    ['a detour below 1', '{ coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, detourFactor: 0.5) { city { shareWithin } } }', 'detourFactor must be from 1 to 3'],
    ['an unknown area for gaps', '{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, area: { level: UBZ, code: "Z99" }) { hotspots { rank } } }', 'there is no'],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, message) => {
    const result = await api.run(query);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(message);
  });
});

describe('reads do not grow the database without bound', () => {
  it('keeps at most the bounded number of computed thresholds, however many a client asks for', async () => {
    const { MAX_UNPINNED_CACHE_ENTRIES } = await import('../../../../geodata/coverageCache.ts');
    const cached = async () => {
      const r = await db.knex.raw('select count(*)::int as sets, (select count(*)::int from coverage_cell_cache) as cells from coverage_cache where not pinned');
      return r.rows[0] as { sets: number; cells: number };
    };
    let largest = 0;
    for (let i = 0; i < MAX_UNPINNED_CACHE_ENTRIES + 6; i++) {
      const { coverage } = await api.data(COVERAGE, { level: 'UBZ', threshold: 300 + i * 7, detour: 1 });
      expect(coverage.method.thresholdMetres).toBe(300 + i * 7);
      largest = Math.max(largest, (await cached()).sets);
    }
    expect(largest).toBe(MAX_UNPINNED_CACHE_ENTRIES);
    // The cells kept belong to the kept sets only: the table does not grow with the questions.
    const { sets, cells } = await cached();
    expect(sets).toBe(MAX_UNPINNED_CACHE_ENTRIES);
    const perSet = (await db.knex.raw('select count(*)::int as n from coverage_cell_cache group by key limit 1')).rows[0].n;
    expect(cells).toBeLessThanOrEqual(perSet * (MAX_UNPINNED_CACHE_ENTRIES + 16));
  });
});

describe('the coverage question, asked once', () => {
  const figures = 'areas { area { code } childrenWithin { value } } method { thresholdMetres detourFactor distribution }';
  it('answers the question object exactly as the separate (deprecated) arguments', async () => {
    const asked = await api.data(`{ coverage(level: UBZ, question: { target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 400 }) { ${figures} } }`);
    const separate = await api.data(`{ coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 400) { ${figures} } }`);
    expect(asked).toEqual(separate);
    expect(byCode(asked.coverage.areas).A01.childrenWithin.value).toBe(520);
    expect(asked.coverage.method).toEqual({ thresholdMetres: 400, detourFactor: 1, distribution: 'CENSUS' });
    const gaps = await api.data('{ gaps(question: { target: { category: "kita" }, ageBand: AGE_0_5 }) { childrenBeyond { value } } }');
    expect(gaps.gaps.childrenBeyond.value).toBe(703);
  });

  it('says what is wrong when the question is missing, incomplete or given twice', async () => {
    const messages = async (args: string) => (await api.run(`{ coverage(level: UBZ, ${args}) { city { shareWithin } } }`)).errors?.map((e) => [e.extensions?.code, e.message]);
    expect(await messages('detourFactor: 1.2')).toEqual([['BAD_USER_INPUT', 'question.target is missing: a category or a field of action']]);
    expect(await messages('target: { category: "kita" }')).toEqual([['BAD_USER_INPUT', 'question.ageBand is missing: AGE_0_5, AGE_6_17 or AGE_0_17']]);
    expect(await messages('question: { target: { category: "kita" }, ageBand: AGE_0_5 }, ageBand: AGE_6_17')).toEqual([
      ['BAD_USER_INPUT', 'give the coverage question either as question or as separate arguments, not both (also given: ageBand)'],
    ]);
  });

  it('marks the separate arguments deprecated for integrators, on every analysis that takes the question', async () => {
    const { __schema } = await api.data('{ __schema { queryType { fields { name args(includeDeprecated: true) { name isDeprecated } } } } }');
    const analyses = __schema.queryType.fields.filter((f: any) => f.args.some((a: any) => a.name === 'question'));
    expect(analyses.map((f: any) => f.name).sort()).toEqual(['coverage', 'equity', 'gaps', 'needProvision', 'scenarioEffect', 'siteSuggestions']);
    for (const field of analyses) {
      const deprecated = field.args.filter((a: any) => a.isDeprecated).map((a: any) => a.name);
      // Site suggestions are for one category: its old argument was the category itself.
      const target = field.name === 'siteSuggestions' ? 'category' : 'target';
      expect(deprecated.sort(), field.name).toEqual(['ageBand', 'detourFactor', 'distribution', target, 'thresholdMetres'].sort());
    }
  });
});
