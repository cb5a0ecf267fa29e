// Census-located demand on the hand-made squares (test/fixtures/twoSquares.ts, with census cells).
//
// A's 1,000 children are placed like its 40 census persons: 30/40 = 750 on the cell 71 m from the
// Kita, 10/40 = 250 on the corner cell 636 m away. So 750 are within 500 m (share 0.75), the
// median distance is 71 m and the 90th percentile 636 m. B's 500 children all sit on its one
// census cell, 552 m from the Kita: none within reach. C has no census persons: its 3 children
// are spread evenly, and C is flagged. 2SFCA: the Kita's catchment holds 750 children, so each
// has 1,000 / 750 per 1,000; A averages 750 x (1,000 / 750) / 1,000 = 1.0, AB 1,000 / 1,500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/connect.ts';
import { openEmptyTestDatabase } from '../../../../test/harness/database.ts';
import { createRunner } from '../../../../test/harness/graphqlRunner.ts';
import { loadTwoSquares } from '../../../../test/fixtures/twoSquares.ts';

let db: Database;
let api: Awaited<ReturnType<typeof createRunner>>;
beforeAll(async () => {
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex, { census: true });
  api = await createRunner(db.knex);
});
afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const COVERAGE = `query($level: AreaLevel!, $distribution: DemandDistribution) {
  coverage(level: $level, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500, distribution: $distribution) {
    method { distribution spreadAssumption censusSource evenSpreadSubDistricts }
    areas { area { code } children { value } childrenWithin { value } childrenBeyond { value } shareWithin
            medianDistanceMetres p90DistanceMetres supplyPer1000Children }
    city { children { value } childrenWithin { value } shareWithin } } }`;

const byCode = (areas: any[]) => Object.fromEntries(areas.map((a) => [a.area.code, a]));

describe('children placed by the census grid', () => {
  it('places each sub-district\'s children on its census cells', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ' });
    const { A01, B01, C01 } = byCode(coverage.areas);
    expect(A01).toMatchObject({ children: { value: 1000 }, childrenWithin: { value: 750 }, childrenBeyond: { value: 250 }, shareWithin: 0.75 });
    expect(A01.medianDistanceMetres).toBe(71);
    expect(A01.p90DistanceMetres).toBe(636);
    expect(A01.supplyPer1000Children).toBeCloseTo(1, 3);
    expect(B01).toMatchObject({ children: { value: 500 }, childrenWithin: { value: 0 }, shareWithin: 0, medianDistanceMetres: 552 });
    expect(C01.children.value).toBeNull();
    expect(coverage.city).toMatchObject({ children: { value: 1503 }, childrenWithin: { value: 750 } });
  });

  it('states the census source and flags the sub-district spread evenly for want of census persons', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ' });
    expect(coverage.method.distribution).toBe('CENSUS');
    expect(coverage.method.censusSource).toContain('fixture_census');
    expect(coverage.method.evenSpreadSubDistricts).toEqual(['C01']);
    expect(coverage.method.spreadAssumption).toMatch(/Census-located/);
  });

  it('aggregates an Aktionsraum and keeps the 2SFCA exact', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'AKTIONSRAUM' });
    expect(coverage.areas[0]).toMatchObject({ children: { value: 1500 }, childrenWithin: { value: 750 } });
    expect(coverage.areas[0].shareWithin).toBeCloseTo(0.5, 10);
    expect(coverage.areas[0].supplyPer1000Children).toBeCloseTo(1000 / 1500, 3);
  });

  it('gives the even spread for comparison when asked', async () => {
    const { coverage } = await api.data(COVERAGE, { level: 'UBZ', distribution: 'EVEN' });
    const { A01 } = byCode(coverage.areas);
    expect(A01).toMatchObject({ childrenWithin: { value: 800 }, medianDistanceMetres: 381 });
    expect(A01.shareWithin).toBeCloseTo(0.8, 5);
    expect(coverage.method).toMatchObject({ distribution: 'EVEN', censusSource: null, evenSpreadSubDistricts: [] });
  });

  it('finds gaps only where children live', async () => {
    const { gaps } = await api.data(`{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 500) {
      childrenBeyond { value } hotspots { rank children { display } areaKm2 subDistrictCodes } } }`);
    expect(gaps.childrenBeyond.value).toBe(753);
    expect(gaps.hotspots.map((h: any) => [h.subDistrictCodes.join(), h.children.display, h.areaKm2])).toEqual([
      ['B01', '500', 0.01],
      ['A01', '250', 0.01],
      ['C01', '< 5', 1],
    ]);
  });

  it('maps where children live: one piece per census cell, the fallback spread evenly', async () => {
    const { childrenGrid } = await api.data(`{ childrenGrid(ageBand: AGE_0_5) {
      children { value } cellCount method { distribution evenSpreadSubDistricts } geojson } }`);
    expect(childrenGrid.children.value).toBe(1503);
    expect(childrenGrid.cellCount).toBe(3 + 100);
    const props = childrenGrid.geojson.features.map((f: any) => f.properties);
    expect(props.filter((p: any) => p.subDistrictCode === 'A01').map((p: any) => p.children).sort()).toEqual([250, 750]);
    expect(props.filter((p: any) => p.subDistrictCode === 'C01').every((p: any) => p.spread === 'EVEN' && p.children === 0.03)).toBe(true);
  });

  it('limits the children map to an area', async () => {
    const { childrenGrid } = await api.data(`{ childrenGrid(ageBand: AGE_0_5, area: { level: UBZ, code: "B01" }) { children { value } cellCount } }`);
    expect(childrenGrid).toEqual({ children: { value: 500 }, cellCount: 1 });
  });

  it('reports the spread and census persons per sub-district', async () => {
    const { populationEstimates } = await api.data('{ populationEstimates { subDistrict { code } spread censusPersons } }');
    expect(Object.fromEntries(populationEstimates.map((p: any) => [p.subDistrict.code, [p.spread, p.censusPersons]]))).toEqual({
      A01: ['CENSUS', 40],
      B01: ['CENSUS', 20],
      C01: ['EVEN', 0],
    });
  });
});
