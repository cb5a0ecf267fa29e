// Coverage on the real data: the invariants every figure must keep.
import { describe, expect, it } from 'vitest';
import { useTestApi } from './harness/testApi.ts';

const t = useTestApi();

const ROWS = `areas { area { code } children { value } childrenWithin { value } childrenBeyond { value suppressed } shareWithin facilitiesInside supplyPer1000Children }
  city { children { value } childrenWithin { value } childrenBeyond { value suppressed } shareWithin }`;

const coverage = (level: string, target: string, ageBand: string) =>
  t.api.data(`{ coverage(level: ${level}, target: ${target}, ageBand: ${ageBand}) { method { thresholdMetres populationIsEstimate populationDates dataDate } ${ROWS} } }`);

describe('coverage on the real data', () => {
  it.each([
    ['kita, 0-5', '{ category: "kita" }', 'AGE_0_5'],
    ['playgrounds, 6-17', '{ category: "spielplatz" }', 'AGE_6_17'],
    ['youth work and leisure, 6-17', '{ fieldOfAction: JUGEND_FREIZEIT }', 'AGE_6_17'],
    ['secondary schools, 0-17', '{ category: "weiterfuehrende_schule" }', 'AGE_0_17'],
  ])('keeps within + beyond = children and shares in [0, 1] for every Aktionsraum (%s)', async (_, target, band) => {
    const { coverage: result } = await coverage('AKTIONSRAUM', target, band);
    expect(result.areas).toHaveLength(13);
    for (const row of [...result.areas, result.city]) {
      // A figure under 5 is suppressed (null): then the difference is that small figure.
      const beyond = row.childrenBeyond.value ?? row.children.value - row.childrenWithin.value;
      expect(Math.abs(row.childrenWithin.value + beyond - row.children.value)).toBeLessThanOrEqual(1);
      if (row.childrenBeyond.suppressed) expect(row.children.value - row.childrenWithin.value).toBeLessThan(5);
      expect(row.shareWithin).toBeGreaterThanOrEqual(0);
      expect(row.shareWithin).toBeLessThanOrEqual(1);
    }
    expect(result.method.populationIsEstimate).toBe(true);
    expect(result.method.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('gives city totals equal to the sum of the sub-districts', async () => {
    const { coverage: result } = await coverage('UBZ', '{ category: "kita" }', 'AGE_0_5');
    expect(result.areas).toHaveLength(170);
    const sum = (key: string) => result.areas.reduce((s: number, a: any) => s + (a[key].value ?? 0), 0);
    expect(Math.abs(sum('children') - result.city.children.value)).toBeLessThanOrEqual(170);
    expect(Math.abs(sum('childrenWithin') - result.city.childrenWithin.value)).toBeLessThanOrEqual(170);
    expect(result.city.children.value).toBeGreaterThan(30000);
    expect(result.city.children.value).toBeLessThan(40000);
  });

  it('credits a sub-district without a facility of its own with reach from its neighbours', async () => {
    const { coverage: result } = await coverage('UBZ', '{ category: "kita" }', 'AGE_0_5');
    const borrowed = result.areas.filter((a: any) => a.facilitiesInside === 0 && a.childrenWithin.value > 0);
    expect(borrowed.length).toBeGreaterThan(5);
    for (const a of borrowed) expect(a.supplyPer1000Children).toBeGreaterThan(0);
  });

  it('ranks need against provision with the inputs beside the result', async () => {
    const { needProvision } = await t.api.data(`{ needProvision(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) {
      rankingMethod cityChildPoverty2024 cityShareWithin
      rows { area { code } childPoverty2018 childPoverty2024 childPovertyChange shareWithin needPercentile gapPercentile priorityScore highNeedPoorProvision } } }`);
    expect(needProvision.rows).toHaveLength(13);
    const scores = needProvision.rows.map((r: any) => r.priorityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of needProvision.rows) {
      expect(r.childPoverty2024).toBeGreaterThan(needProvision.cityChildPoverty2024);
      expect(r.childPovertyChange).toBeCloseTo(r.childPoverty2024 - r.childPoverty2018, 5);
      expect(r.highNeedPoorProvision).toBe(r.shareWithin < needProvision.cityShareWithin);
    }
    expect(needProvision.rankingMethod).toContain('percent rank');
  });

  it('finds gap hotspots inside an Aktionsraum, each within its sub-districts', async () => {
    const { gaps } = await t.api.data(`{ gaps(target: { category: "spielplatz" }, ageBand: AGE_0_5, area: { level: AKTIONSRAUM, code: "022" }) {
      childrenBeyond { value } hotspots { rank children { value suppressed } subDistrictCodes } } }`);
    expect(gaps.hotspots.length).toBeGreaterThan(0);
    for (const h of gaps.hotspots) for (const code of h.subDistrictCodes) expect(['051', '052', '053', '054']).toContain(code);
    const shown = gaps.hotspots.map((h: any) => h.children.value ?? 0);
    expect(shown).toEqual([...shown].sort((a: number, b: number) => b - a));
  });

  it('counts all gap areas, also when it lists fewer (so that a summary and its list agree)', async () => {
    const query = (limit: number) => `{ gaps(target: { category: "spielplatz" }, ageBand: AGE_0_5, limit: ${limit}) { hotspotCount hotspots { rank } } }`;
    const all = (await t.api.data(query(200))).gaps;
    const first = (await t.api.data(query(2))).gaps;
    expect(all.hotspotCount).toBeGreaterThan(2);
    expect(first.hotspotCount).toBe(all.hotspotCount);
    expect(first.hotspots).toHaveLength(2);
    expect(all.hotspots).toHaveLength(Math.min(200, all.hotspotCount));
  });

  it('estimates sub-districts that add up to their district and districts that add up to their borough', async () => {
    const districts = (await t.db.knex.raw(`select e.inputs->>'districtCount' as expected, sum(e.count) as total
      from population_estimate e join area_membership m on m.ubz_id = e.ubz_id
      join area d on d.id = m.area_id and d.level = 'statistical_district'
      where e.age_band = 'total' group by d.code, e.inputs->>'districtCount'`)).rows;
    expect(districts).toHaveLength(62);
    for (const d of districts) expect(d.total).toBeCloseTo(Number(d.expected), 6);
    const boroughs = (await t.db.knex.raw(`select e.inputs->>'boroughCount' as expected, sum(e.count) as total
      from population_estimate e join area_membership m on m.ubz_id = e.ubz_id
      join area b on b.id = m.area_id and b.level = 'stadtbezirk'
      where e.age_band = 'total' group by b.code, e.inputs->>'boroughCount'`)).rows;
    expect(boroughs).toHaveLength(12);
    for (const b of boroughs) expect(Math.abs(b.total - Number(b.expected))).toBeLessThan(0.5);
  });

  it('marks every population figure as an estimate with its method and date', async () => {
    const { populationEstimates } = await t.api.data('{ populationEstimates { subDistrict { code } total { value } age0to5 { value } age6to17 { value } isEstimate refDate method } }');
    expect(populationEstimates).toHaveLength(170);
    for (const p of populationEstimates) {
      expect(p.isEstimate).toBe(true);
      expect(p.method).toMatch(/^Estimate/);
      expect(p.refDate).toMatch(/^20\d\d-12-31$/);
    }
  });
});
