import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness/testApi.ts';
import { storagePoint } from '../../../../db/geometrySql.ts';
import { CITY } from '../../../../domain/city.ts';

const t = useTestApi();

const NORDMARKT = { longitude: 7.4652, latitude: 51.5236 };

describe('facilities', () => {
  it('filters by category and area and gives address, areas, Aktionsraum and provenance', async () => {
    const { facilities } = await t.api.data(`{ facilities(filter: { categories: ["kita"], area: { level: AKTIONSRAUM, code: "022" } }, first: 100) {
      totalCount nodes { key name category { key labelDe labelEn fieldOfAction } address { street formatted } location { longitude latitude }
        areas { level code } aktionsraum { code name } provenance { dataset file sha256 licence attribution importedAt } } } }`);
    expect(facilities.totalCount).toBe(facilities.nodes.length);
    expect(facilities.totalCount).toBeGreaterThan(10);
    for (const f of facilities.nodes) {
      expect(f.category).toEqual({ key: 'kita', labelDe: 'Kita', labelEn: 'Day-care centre', fieldOfAction: 'BETREUUNG' });
      expect(f.aktionsraum).toEqual({ code: '022', name: 'Nordmarkt' });
      expect(f.areas.map((a: { level: string }) => a.level)).toEqual(['UBZ', 'STATISTICAL_DISTRICT', 'AKTIONSRAUM', 'SOZIALRAUM', 'STADTBEZIRK', 'CITY']);
      expect(f.provenance).toMatchObject({ dataset: 'kindergarten', file: 'kindergarten.geojson', licence: expect.stringContaining('dl-de/zero-2.0') });
      expect(f.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.address.formatted).toContain(CITY.name);
    }
  });

  it('finds the facilities around an area: outside it, within the distance of its boundary', async () => {
    const query = `query($metres: Float!) { facilities(filter: { nearArea: { level: AKTIONSRAUM, code: "022", metres: $metres } }, first: 1000) {
      totalCount nodes { aktionsraum { code } } } }`;
    const near = (await t.api.data(query, { metres: 300 })).facilities;
    const wider = (await t.api.data(query, { metres: 1000 })).facilities;
    expect(near.totalCount).toBeGreaterThan(0);
    expect(wider.totalCount).toBeGreaterThan(near.totalCount);
    for (const f of wider.nodes) expect(f.aktionsraum?.code).not.toBe('022');
    const result = await t.api.run(query, { metres: 5000 });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('nearArea.metres must be from 1 to 2000');
  });

  it('reads the operator from the name where it shows', async () => {
    const { facilities } = await t.api.data(`{ facilities(filter: { search: "FABIDO" }, first: 5) { nodes { name operator } } }`);
    expect(facilities.nodes.length).toBeGreaterThan(0);
    for (const f of facilities.nodes) expect(f.operator).toBe(`FABIDO (${CITY.officialName.de})`);
  });

  it('filters by field of action and bounding box', async () => {
    const bbox = [7.45, 51.515, 7.48, 51.53];
    const { facilities } = await t.api.data(`query($bbox: [Float!]) { facilities(filter: { fieldsOfAction: [JUGEND_FREIZEIT], bbox: $bbox }, first: 1000) {
      totalCount nodes { category { fieldOfAction } location { longitude latitude } } } }`, { bbox });
    expect(facilities.totalCount).toBeGreaterThan(0);
    for (const f of facilities.nodes) {
      expect(f.category.fieldOfAction).toBe('JUGEND_FREIZEIT');
      expect(f.location.longitude).toBeGreaterThanOrEqual(bbox[0]);
      expect(f.location.latitude).toBeLessThanOrEqual(bbox[3]);
    }
  });

  it('pages through all facilities with cursors, each exactly once', async () => {
    const query = `query($after: String) { facilities(first: 400, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } }`;
    const keys: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const { facilities }: any = await t.api.data(query, { after });
      total = facilities.totalCount;
      keys.push(...facilities.nodes.map((n: { key: string }) => n.key));
      if (!facilities.pageInfo.hasNextPage) break;
      after = facilities.pageInfo.endCursor;
    }
    expect(total).toBe(1741);
    expect(keys).toHaveLength(1741);
    expect(new Set(keys).size).toBe(1741);
  });

  it('rejects a page size out of range and a forged cursor with BAD_USER_INPUT', async () => {
    // A cursor of the right length but with the wrong content, and one with a NUL byte in the name.
    const forged = [['x', 5, 'y'], [1, 'Kita\u0000', 2]].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    const queries = ['{ facilities(first: 0) { totalCount } }', '{ facilities(after: "nonsense") { totalCount } }', ...forged.map((c) => `{ facilities(after: "${c}") { totalCount } }`)];
    for (const q of queries) {
      const result = await t.api.run(q);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('gives the facility list as GeoJSON', async () => {
    const { facilitiesGeoJSON } = await t.api.data(`{ facilitiesGeoJSON(filter: { categories: ["jugendfreizeitstaette"] }, precision: 5) }`);
    expect(facilitiesGeoJSON.features).toHaveLength(83);
    const [feature] = facilitiesGeoJSON.features;
    expect(feature.geometry.type).toBe('Point');
    expect(feature.properties).toMatchObject({ category: 'jugendfreizeitstaette', key: expect.any(String), name: expect.any(String) });
  });

  it('finds facilities near a point, nearest first, within the radius, with distances in metres', async () => {
    const { facilitiesNear } = await t.api.data(`query($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 600, categories: ["kita", "grundschule"], limit: 100) {
      radiusMetres distanceKind items { distanceMetres facility { key category { key } } } geojson } }`, { p: NORDMARKT });
    const distances = facilitiesNear.items.map((i: { distanceMetres: number }) => i.distanceMetres);
    expect(distances.length).toBeGreaterThan(5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(600);
    expect(facilitiesNear.distanceKind).toMatch(/straight line/);
    expect(facilitiesNear.geojson.features[0].properties.distanceMetres).toBe(distances[0]);
    for (const i of facilitiesNear.items) expect(['kita', 'grundschule']).toContain(i.facility.category.key);
  });

  it('agrees with a brute-force distance computed in the database', async () => {
    const { facilitiesNear } = await t.api.data(`query($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 1500, limit: 500) {
      items { distanceMetres facility { key } } } }`, { p: NORDMARKT });
    const expected = await t.db.knex.raw(`select key, round(ST_Distance(geom, ${storagePoint()}))::int as d
      from facility where ST_Distance(geom, ${storagePoint()}) <= 1500 order by d`,
    [NORDMARKT.longitude, NORDMARKT.latitude, NORDMARKT.longitude, NORDMARKT.latitude]);
    expect(facilitiesNear.items).toHaveLength(expected.rows.length);
    const byKey = new Map(expected.rows.map((r: { key: string; d: number }) => [r.key, r.d]));
    for (const item of facilitiesNear.items) expect(byKey.get(item.facility.key)).toBe(item.distanceMetres);
  });

  it('finds partners near a facility, leaving the facility itself out', async () => {
    const { facilities } = await t.api.data(`{ facilities(filter: { categories: ["jugendfreizeitstaette"] }, first: 1) { nodes { key } } }`);
    const key = facilities.nodes[0].key;
    const { facilitiesNear } = await t.api.data(`query($key: String!) { facilitiesNear(near: { facilityKey: $key }, radius: 1000, limit: 20) {
      origin { longitude latitude } items { facility { key } } } }`, { key });
    expect(facilitiesNear.items.map((i: { facility: { key: string } }) => i.facility.key)).not.toContain(key);
    expect(facilitiesNear.origin.latitude).toBeGreaterThan(51.4);
  });

  it.each([
    ['a latitude out of range', '{ facilitiesNear(near: { point: { longitude: 7.4, latitude: 95 } }, radius: 500) { radiusMetres } }', 'latitude must be from -90 to 90'],
    ['a radius over 10 km', '{ facilitiesNear(near: { point: { longitude: 7.4, latitude: 51.5 } }, radius: 50000) { radiusMetres } }', 'radius must be from 1 to 10000'],
    ['both a point and a facility', '{ facilitiesNear(near: { point: { longitude: 7.4, latitude: 51.5 }, facilityKey: "x" }, radius: 500) { radiusMetres } }', 'exactly one of point and facilityKey'],
    ['an unknown facility', '{ facilitiesNear(near: { facilityKey: "nope" }, radius: 500) { radiusMetres } }', 'no facility with key "nope"'],
    ['an unknown category', '{ facilitiesNear(near: { point: { longitude: 7.4, latitude: 51.5 } }, radius: 500, categories: ["kitaa"]) { radiusMetres } }', 'unknown category "kitaa"; allowed: kita,'],
    ['too many results', '{ facilitiesNear(near: { point: { longitude: 7.4, latitude: 51.5 } }, radius: 500, limit: 501) { radiusMetres } }', 'limit must be from 1 to 500'],
    ['a reversed bounding box', '{ facilities(filter: { bbox: [7.5, 51.5, 7.4, 51.6] }) { totalCount } }', 'west < east'],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, message) => {
    const result = await t.api.run(query);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(message);
  });

  it('returns null for an unknown facility key', async () => {
    expect((await t.api.data('{ facility(key: "none") { name } }')).facility).toBeNull();
  });
});

describe('taxonomy and sources', () => {
  it('lists categories with German and English labels, field of action and counts', async () => {
    const { taxonomy } = await t.api.data('{ taxonomy { categories { key labelDe labelEn fieldOfAction ageMin ageMax facilityCount } fieldsOfAction { key labelDe labelEn } } }');
    expect(taxonomy.fieldsOfAction).toHaveLength(5);
    const kita = taxonomy.categories.find((c: { key: string }) => c.key === 'kita');
    expect(kita).toEqual({ key: 'kita', labelDe: 'Kita', labelEn: 'Day-care centre', fieldOfAction: 'BETREUUNG', ageMin: 0, ageMax: 5, facilityCount: 330 });
    const total = taxonomy.categories.reduce((s: number, c: { facilityCount: number }) => s + c.facilityCount, 0);
    expect(total).toBe(1741);
  });

  it('names every source file with URL, checksum and licence, and the last import', async () => {
    const { dataSources } = await t.api.data('{ dataSources { files { file url sha256 licence attribution } lastImport { facilities skipped warnings } } }');
    expect(dataSources.files).toHaveLength(19);
    // The state's school files: pinned to their repositories' commits, dl-de/by-2-0 with the credit SOURCES.md names.
    const schools = dataSources.files.filter((x: { file: string }) => ['as_bs_2024_25_sozialindex.csv', 'schuldaten_2021.csv'].includes(x.file));
    expect(schools.map((x: { url: string }) => x.url)).toEqual([
      expect.stringMatching(/^https:\/\/raw\.githubusercontent\.com\/homlador\/schulsozialindex-karte\/6a0fab50/),
      expect.stringMatching(/^https:\/\/raw\.githubusercontent\.com\/auchtetraborat\/nrw-school-scraper-compare\/dd4420ab/),
    ]);
    for (const f of schools) expect(f.licence).toContain('dl-de/by-2-0');
    const census = dataSources.files.find((x: { file: string }) => x.file === 'demography_ALTER_10JG_1.parquet');
    expect(census).toMatchObject({ licence: expect.stringContaining('dl-de/by-2-0'), attribution: '© Statistisches Bundesamt (Destatis), Zensus 2011' });
    expect(census.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/JsLth\/z22data\/b6c927bd/);
    for (const f of dataSources.files.filter((x: { file: string }) => !['population.csv', census.file, ...schools.map((y: { file: string }) => y.file)].includes(x.file))) {
      expect(f.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/anienabe\/SpatialJustice\/6abb6663/);
    }
    const population = dataSources.files.find((x: { file: string }) => x.file === 'population.csv');
    expect(population).toMatchObject({ url: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(dataSources.lastImport).toEqual({ facilities: 1741, skipped: 0, warnings: [] });
  });
});
