import { describe, expect, it } from 'vitest';
import { AREA_LEVELS } from '../../../../domain/areaLevels.ts';
import { useTestApi } from '../../../../test/harness/testApi.ts';
import { CITY } from '../../../../domain/city.ts';

const t = useTestApi();

describe('areas', () => {
  it.each([
    ['UBZ', 170],
    ['STATISTICAL_DISTRICT', 62],
    ['STADTBEZIRK', 12],
    ['SOZIALRAUM', 39],
    ['AKTIONSRAUM', 13],
    ['CITY', 1],
  ])('lists all %s areas', async (level, count) => {
    const data = await t.api.data(`query($level: AreaLevel!) { areas(level: $level) { code name } }`, { level });
    expect(data.areas).toHaveLength(count);
    // The counts the cost model and the OGC titles use are the city's.
    expect(AREA_LEVELS.find((l) => l.graphql === level)?.count).toBe(count);
  });

  it('gives one Aktionsraum with its parents, size, sub-districts and validity', async () => {
    const { area } = await t.api.data(`{ area(level: AKTIONSRAUM, code: "022") {
      name level code areaKm2 validFrom validTo parents { level code name } subDistricts { code } membershipInferred } }`);
    expect(area).toMatchObject({ name: 'Nordmarkt', level: 'AKTIONSRAUM', validFrom: '2021-01-01', validTo: null, membershipInferred: false });
    expect(area.areaKm2).toBeGreaterThan(1);
    expect(area.areaKm2).toBeLessThan(5);
    expect(area.subDistricts.map((s: { code: string }) => s.code)).toEqual(['051', '052', '053', '054']);
    expect(area.parents).toEqual([
      { level: 'SOZIALRAUM', code: '022', name: 'Nordmarkt' },
      { level: 'STADTBEZIRK', code: '20', name: 'Innenstadt-Nord' },
      { level: 'CITY', code: CITY.code, name: CITY.name },
    ]);
  });

  it('gives a sub-district its district, Aktionsraum, Sozialraum, borough and city', async () => {
    const { area } = await t.api.data(`{ area(level: UBZ, code: "532") { name parents { level code } } }`);
    expect(area.name).toBe('Hörde');
    expect(area.parents.map((p: { level: string; code: string }) => `${p.level}:${p.code}`)).toEqual([
      'STATISTICAL_DISTRICT:530', 'AKTIONSRAUM:082', 'SOZIALRAUM:082', 'STADTBEZIRK:5', 'CITY:DO',
    ]);
  });

  it('gives "Arbeitslose unter 25" of Eving for both releases without calling the difference a change', async () => {
    const { area } = await t.api.data(`{ area(level: AKTIONSRAUM, code: "043") { name indicators(keys: ["unemployed_under_25_pct", "unemployed_pct"]) {
      year value indicator { key comparableAcrossYears comparabilityNote releases { year denominator } } } } }`);
    expect(area.name).toMatch(/Eving/);
    const u25 = area.indicators.filter((i: any) => i.indicator.key === 'unemployed_under_25_pct');
    expect(u25.map((i: any) => i.year).sort()).toEqual([2018, 2024]);
    expect(u25[0].indicator).toMatchObject({ comparableAcrossYears: false, comparabilityNote: expect.stringMatching(/different populations/) });
    expect(u25[0].indicator.releases[0].denominator).not.toBe(u25[0].indicator.releases[1].denominator);
    const all = area.indicators.find((i: any) => i.indicator.key === 'unemployed_pct');
    expect(all.indicator).toMatchObject({ comparableAcrossYears: true, comparabilityNote: null });
  });

  it('returns null for an unknown code', async () => {
    expect((await t.api.data(`{ area(level: AKTIONSRAUM, code: "999") { name } }`)).area).toBeNull();
  });

  it('rounds coordinates to the requested precision and simplifies in metres', async () => {
    const query = `query($p: Int!, $s: Float!) { area(level: UBZ, code: "051") { geometry(precision: $p, simplify: $s) } }`;
    const fine = (await t.api.data(query, { p: 6, s: 0 })).area.geometry;
    const coarse = (await t.api.data(query, { p: 3, s: 50 })).area.geometry;
    const positions = (g: any): number[][] => JSON.stringify(g.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g)!.map((p) => p.split(',').map(Number));
    expect(positions(coarse).every(([x, y]) => Math.round(x * 1000) / 1000 === x && Math.round(y * 1000) / 1000 === y)).toBe(true);
    expect(positions(coarse).length).toBeLessThan(positions(fine).length);
    const [lon, lat] = positions(fine)[0];
    expect(lon).toBeGreaterThan(7.4);
    expect(lat).toBeGreaterThan(51.5);
  });

  it('rejects a precision or tolerance out of range with BAD_USER_INPUT', async () => {
    const result = await t.api.run(`{ areasGeoJSON(level: UBZ, precision: 12) }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('precision must be a whole number from 2 to 8');
    const simplify = await t.api.run(`{ area(level: UBZ, code: "051") { geometry(simplify: -1) } }`);
    expect(simplify.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives areas as a GeoJSON FeatureCollection for maps and GIS tools', async () => {
    const { areasGeoJSON } = await t.api.data(`{ areasGeoJSON(level: AKTIONSRAUM, precision: 5, simplify: 10) }`);
    expect(areasGeoJSON.type).toBe('FeatureCollection');
    expect(areasGeoJSON.features).toHaveLength(13);
    expect(areasGeoJSON.features[0]).toMatchObject({ type: 'Feature', id: '013', properties: { code: '013', name: 'Dorstfelder Brücke', level: 'aktionsraum' } });
    expect(['Polygon', 'MultiPolygon']).toContain(areasGeoJSON.features[0].geometry.type);
  });

  it('counts facilities per category so that the counts add up to the facilities listed in the area', async () => {
    const data = await t.api.data(`{
      area(level: AKTIONSRAUM, code: "082") { facilityCounts { category { key } count } betreuung: facilityCounts(fieldOfAction: BETREUUNG) { category { key } count } }
      facilities(filter: { area: { level: AKTIONSRAUM, code: "082" } }) { totalCount }
      kitas: facilities(filter: { area: { level: AKTIONSRAUM, code: "082" }, categories: ["kita"] }) { totalCount } }`);
    const sum = data.area.facilityCounts.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(sum).toBe(data.facilities.totalCount);
    const kita = data.area.betreuung.find((c: { category: { key: string } }) => c.category.key === 'kita');
    expect(kita.count).toBe(data.kitas.totalCount);
    expect(data.area.betreuung.every((c: { category: { key: string } }) => ['kita', 'kinderbetreuung_kurzzeit'].includes(c.category.key))).toBe(true);
  });

  it('gives published indicator values for a sub-district and labelled estimates for larger areas', async () => {
    const query = `query($level: AreaLevel!, $code: String!) { area(level: $level, code: $code) {
      indicators(keys: ["children_under_15_SGB_II_pct"]) { year value isEstimate method subDistrictCount min max indicator { unit labelDe } } } }`;
    const ubz = (await t.api.data(query, { level: 'UBZ', code: '051' })).area.indicators;
    expect(ubz.map((v: any) => [v.year, v.value, v.isEstimate])).toEqual([[2018, 57.6, false], [2024, 58.7, false]]);
    const aktionsraum = (await t.api.data(query, { level: 'AKTIONSRAUM', code: '022' })).area.indicators;
    expect(aktionsraum).toHaveLength(2);
    for (const v of aktionsraum) {
      expect(v.isEstimate).toBe(true);
      expect(v.method).toMatch(/^Estimate: unweighted mean/);
      expect(v.subDistrictCount).toBe(4);
      expect(v.value).toBeGreaterThanOrEqual(v.min);
      expect(v.value).toBeLessThanOrEqual(v.max);
      expect(v.indicator.unit).toBe('percent');
    }
  });

  it('rejects an unknown indicator year with the allowed years', async () => {
    const result = await t.api.run(`{ area(level: UBZ, code: "051") { indicators(year: 2020) { value } } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'year must be one of 2018, 2024 (got 2020)', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
