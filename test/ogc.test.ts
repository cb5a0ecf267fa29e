// OGC API - Features on the real data, read by GDAL (the library under QGIS) as a GIS user's
// client would: the collections listed, the facilities copied to a GeoPackage with every
// attribute, a bbox and a property filter, the Aktionsräume in the city's storage CRS; and the
// documents, paging, bad parameters, ETags and the HTML view. Filters and limits: ogcFilters.test.ts.
import path from 'node:path';
import { validate as validateOpenApi, compileErrors } from '@readme/openapi-parser';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE, STORAGE_CRS } from '../api/src/modules/ogc/ogcOpenApi.ts';
import { inStorage, STORAGE_SRID, toStorage } from '../db/geometrySql.ts';
import { useOgcSuite } from './harness/ogcSuite.ts';

const ogc = useOgcSuite();
const { rows, get, json, gdal } = ogc;

describe('GDAL as the GIS client', () => {
  it('lists every collection: the areas of every level, the facilities and the coverage per level', async () => {
    // The list as a GIS client's browser shows it (without reading any features), then one layer of
    // each kind opened with its geometry type.
    const ids = ['aktionsraeume', 'sozialraeume', 'stadtbezirke', 'statistische-bezirke', 'unterbezirke', 'stadt', 'einrichtungen', 'versorgung-kita-0-5-aktionsraeume', 'versorgung-betreuung-0-5-unterbezirke'];
    const list = await gdal('ogrinfo', ['-ro', '-q', '-nogeomtype', `OAPIF:${ogc.server.url}/ogc`]);
    const { collections } = await json('/ogc/collections');
    expect([...list.matchAll(/^\d+: (\S+)/gm)].map((m) => m[1])).toEqual(collections.map((c: { id: string }) => c.id));
    for (const id of ids) expect(list).toContain(`: ${id} (`);
    const opened = await gdal('ogrinfo', ['-ro', '-so', '-nocount', '-noextent', `OAPIF:${ogc.server.url}/ogc`, ...ids]);
    const geometries = Object.fromEntries([...opened.matchAll(/^Layer name: (\S+)$[\s\S]*?^Geometry: (.+)$/gm)].map((m) => [m[1], m[2]]));
    for (const id of ids) expect(geometries[id], id).toMatch(id === 'einrichtungen' ? /Point/ : /Polygon/);
  }, 300_000);

  it('copies the facilities to a GeoPackage: every facility, with its attributes', async () => {
    const gpkg = path.join(ogc.dir, 'einrichtungen.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${ogc.server.url}/ogc`, 'einrichtungen']);
    const [{ n }] = await rows('select count(*)::int as n from facility');
    const summary = await gdal('ogrinfo', ['-ro', '-so', gpkg, 'einrichtungen']);
    expect(summary).toContain(`Feature Count: ${n}`);
    // Typed by the collection's JSON Schema (describedBy), not guessed from the first page.
    expect(summary).toMatch(/capacity: Integer/);
    expect(summary).toMatch(/imported_at: DateTime/);
    expect(summary).toMatch(/name: String/);
    const [f] = await rows(`select f.key, f.name, f.category, f.street, f.licence, ST_X(ST_Transform(f.geom, 4326)) as lon, ST_Y(ST_Transform(f.geom, 4326)) as lat
                             from facility f where f.category = 'kita' order by f.key limit 1`);
    const one = await gdal('ogrinfo', ['-ro', '-q', gpkg, '-sql', `select * from einrichtungen where key = '${f.key}'`]);
    expect(one).toContain(`name (String) = ${f.name}`);
    expect(one).toContain('category (String) = kita');
    expect(one).toContain(`licence (String) = ${f.licence}`);
    const point = /POINT \(([\d.]+) ([\d.]+)\)/.exec(one)!;
    expect(Number(point[1])).toBeCloseTo(f.lon, 5);
    expect(Number(point[2])).toBeCloseTo(f.lat, 5);
  }, 300_000);

  it('a bounding box and a property filter return exactly the expected facilities', async () => {
    const bbox = [7.44, 51.51, 7.48, 51.53];
    const [{ n }] = await rows(
      `select count(*)::int as n from facility where category = 'kita' and ST_Intersects(geom, ${toStorage('ST_MakeEnvelope(?, ?, ?, ?, 4326)')})`,
      bbox,
    );
    const page = await json(`/ogc/collections/einrichtungen/items?bbox=${bbox.join(',')}&category=kita&limit=1000`);
    expect(page.numberMatched).toBe(n);
    expect(page.features).toHaveLength(n);
    expect(page.features.every((f: any) => f.properties.category === 'kita')).toBe(true);
    const out = await gdal('ogrinfo', ['-ro', '-so', '-spat', ...bbox.map(String), '-where', "category = 'kita'", `OAPIF:${ogc.server.url}/ogc`, 'einrichtungen']);
    expect(out).toContain(`Feature Count: ${n}`);
  }, 300_000);

  it("copies the state's schools with pupils, social index and Startchancen; a filter picks the Startchancen schools", async () => {
    const gpkg = path.join(ogc.dir, 'schulen.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${ogc.server.url}/ogc`, 'schulen']);
    const summary = await gdal('ogrinfo', ['-ro', '-so', gpkg, 'schulen']);
    expect(summary).toContain('Feature Count: 169');
    expect(summary).toMatch(/social_index: Integer/);
    expect(summary).toMatch(/pupils: Integer/);
    const [{ n }] = await rows('select count(*)::int as n from school where startchancen');
    const page = await json('/ogc/collections/schulen/items?startchancen=true&limit=200');
    expect(page.numberMatched).toBe(n);
    expect(page.features.every((f: any) => f.properties.startchancen === true)).toBe(true);
    const high = await json(`/ogc/collections/schulen/items?limit=200&filter=${encodeURIComponent('social_index >= 7 AND childrens_provision = true')}`);
    const [{ m }] = await rows('select count(*)::int as m from school where social_index >= 7 and category is not null');
    expect(high.numberMatched).toBe(m);
    // The facilities carry their school's figures too.
    const kita = await json('/ogc/collections/einrichtungen/items?category=grundschule&limit=1');
    expect(Object.keys(kita.features[0].properties)).toEqual(expect.arrayContaining(['schulnummer', 'pupils', 'social_index', 'startchancen']));
  }, 300_000);

  it(`gives the Aktionsräume in EPSG:${STORAGE_SRID}, the same areas as the API`, async () => {
    // The items in the storage CRS (Part 2 CRS), read by GDAL from their URL.
    const out = path.join(ogc.dir, 'aktionsraeume.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', out, `${ogc.server.url}/ogc/collections/aktionsraeume/items?crs=${encodeURIComponent(STORAGE_CRS)}`, '-nln', 'aktionsraeume']);
    const info = await gdal('ogrinfo', ['-ro', '-so', out, 'aktionsraeume']);
    expect(info).toContain('Feature Count: 13');
    expect(info).toContain(`ID["EPSG",${STORAGE_SRID}]`);
    const area023 = await gdal('ogrinfo', ['-ro', '-q', out, '-sql', "select code, ST_Area(geom) as m2 from aktionsraeume where code = '023'", '-dialect', 'SQLite']);
    const gdalM2 = Number(/m2 \(Real\) = ([\d.]+)/.exec(area023)![1]);
    const page = await json(`/ogc/collections/aktionsraeume/items?crs=${encodeURIComponent(STORAGE_CRS)}`);
    const [area] = await rows(`select code, round(ST_Area(geom)) as m2 from area where level = 'aktionsraum' and code = '023'`);
    const borsig = page.features.find((f: any) => f.id === '023');
    expect(borsig.properties.name).toBe('Borsigplatz');
    const [{ m2 }] = await rows(`select round(ST_Area(${inStorage('ST_GeomFromGeoJSON(?)')})) as m2`, [JSON.stringify(borsig.geometry)]);
    expect(Math.abs(m2 - area.m2)).toBeLessThan(5);
    expect(Math.abs(gdalM2 - area.m2)).toBeLessThan(5);
    const api = await json('/ogc/collections/aktionsraeume/items');
    expect(page.features.map((f: any) => f.id)).toEqual(api.features.map((f: any) => f.id));
  }, 300_000);
});

describe('the OGC API documents and rules', () => {
  it('has a landing page, conformance and an OpenAPI 3.0 definition linked from it', async () => {
    const landing = await json('/ogc');
    const rels = Object.fromEntries(landing.links.map((l: any) => [l.rel, l]));
    expect(Object.keys(rels)).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    expect(rels['service-desc'].type).toBe('application/vnd.oai.openapi+json;version=3.0');
    expect((await json('/ogc/conformance')).conformsTo).toEqual(CONFORMANCE);
    const api = await get('/ogc/api');
    expect(api.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    const doc = JSON.parse(api.text);
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(doc.paths)).toEqual([
      '/',
      '/conformance',
      '/api',
      '/collections',
      '/collections/{collectionId}',
      '/collections/{collectionId}/queryables',
      '/collections/{collectionId}/schema',
      '/collections/{collectionId}/items',
      '/collections/{collectionId}/items/{featureId}',
    ]);
    // The definition validates against the OpenAPI 3.0 schema and its further rules.
    const result = await validateOpenApi(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('answers every endpoint with what its OpenAPI response schema says', async () => {
    const doc = JSON.parse((await get('/ogc/api')).text);
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'ogc', components: doc.components });
    const check = (schema: string, body: unknown) => {
      const valid = ajv.validate({ $ref: `ogc#/components/schemas/${schema}` }, body);
      expect(valid, `${schema}: ${ajv.errorsText()}`).toBe(true);
    };
    check('landingPage', await json('/ogc'));
    check('confClasses', await json('/ogc/conformance'));
    check('collections', await json('/ogc/collections'));
    check('collection', await json('/ogc/collections/einrichtungen'));
    check('featureCollectionGeoJSON', await json('/ogc/collections/einrichtungen/items?limit=50'));
    check('featureCollectionGeoJSON', await json('/ogc/collections/versorgung-kita-0-5-sozialraeume/items'));
    check('featureGeoJSON', await json('/ogc/collections/aktionsraeume/items/023'));
    check('jsonSchema', await json('/ogc/collections/unterbezirke/queryables'));
    const error = await get('/ogc/collections/einrichtungen/items?limit=0');
    check('exception', JSON.parse(error.text));
  });

  it('describes every collection with valid JSON Schemas: its queryables and its features', async () => {
    const ajv = new Ajv2020({ strict: false, formats: { 'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, date: /^\d{4}-\d{2}-\d{2}$/ } });
    const { collections } = await json('/ogc/collections');
    for (const c of collections) {
      const rels = Object.fromEntries(c.links.map((l: any) => [l.rel, l.href]));
      const queryables = await json(rels['http://www.opengis.net/def/rel/ogc/1.0/queryables'].replace(ogc.server.url, ''));
      expect(ajv.validateSchema(queryables), `${c.id} queryables`).toBe(true);
      expect(Object.keys(queryables.properties).length).toBeGreaterThan(0);
      const schema = await json(rels.describedBy.replace(ogc.server.url, ''));
      expect(ajv.validateSchema(schema), `${c.id} schema`).toBe(true);
      if (!['einrichtungen', 'unterbezirke', 'versorgung-kita-0-5-aktionsraeume'].includes(c.id)) continue;
      // Every value a feature has is of its property's type (null stands for unknown or withheld).
      const validateFeature = ajv.compile(schema);
      const page = await json(`/ogc/collections/${c.id}/items?limit=200`);
      for (const feature of page.features) {
        const known = { ...feature, properties: Object.fromEntries(Object.entries(feature.properties).filter(([, v]) => v !== null)) };
        expect(validateFeature(known), `${c.id} ${feature.id}: ${ajv.errorsText(validateFeature.errors)}`).toBe(true);
      }
    }
    const types = (await json('/ogc/collections/einrichtungen/queryables')).properties;
    expect(types.capacity.type).toBe('integer');
    expect(types.imported_at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(types.phone).toBeUndefined();
  });

  it('pages with next links until every feature is read once', async () => {
    const seen: string[] = [];
    let next: string | undefined = '/ogc/collections/unterbezirke/items?limit=50';
    while (next) {
      const page: any = await json(next.replace(ogc.server.url, ''));
      seen.push(...page.features.map((f: any) => f.id));
      next = page.links.find((l: any) => l.rel === 'next')?.href;
    }
    expect(seen).toHaveLength(170);
    expect(new Set(seen).size).toBe(170);
  });

  it('names the parents of an area once each: a statistical district its Stadtbezirk, a sub-district all of them', async () => {
    const districts = await json('/ogc/collections/statistische-bezirke/items?limit=100');
    expect(districts.numberMatched).toBe(62);
    for (const f of districts.features) expect(f.properties.stadtbezirk, f.id).toMatch(/^\d+$/);
    // The first sub-district of Borsigplatz, and its parents as the area tables hold them.
    const ubzCode = (await rows(`select u.code from area_ubz au join area a on a.id = au.area_id join area u on u.id = au.ubz_id where a.level = 'aktionsraum' and a.code = '023' order by u.code limit 1`))[0].code;
    const [expected] = await rows(
      `select string_agg(p.code, ',' order by p.code) filter (where p.level = 'stadtbezirk') as stadtbezirk,
              string_agg(p.code, ',' order by p.code) filter (where p.level = 'sozialraum') as sozialraum,
              string_agg(p.code, ',' order by p.code) filter (where p.level = 'aktionsraum') as aktionsraum
         from area u join area_ubz pu on pu.ubz_id = u.id join current_area p on p.id = pu.area_id
        where u.level = 'ubz' and u.code = ?`,
      [ubzCode],
    );
    expect(expected.aktionsraum).toBe('023');
    const ubz = (await json(`/ogc/collections/unterbezirke/items/${ubzCode}`)).properties;
    expect({ stadtbezirk: ubz.stadtbezirk, sozialraum: ubz.sozialraum, aktionsraum: ubz.aktionsraum }).toEqual(expected);
  });

  it('gives coverage per area with the method in the description; small counts are null', async () => {
    const collection = await json('/ogc/collections/versorgung-kita-0-5-aktionsraeume');
    expect(collection.description).toMatch(/estimates.*500 m.*2SFCA/);
    const page = await json('/ogc/collections/versorgung-kita-0-5-aktionsraeume/items');
    expect(page.numberMatched).toBe(13);
    const borsig = page.features.find((f: any) => f.id === '023').properties;
    expect(borsig.children_within + borsig.children_beyond).toBe(borsig.children);
    expect(borsig.share_within).toBeGreaterThan(0.9);
  });

  it('answers bad parameters with 400 and what is wrong', async () => {
    for (const [query, message] of [
      ['limit=0', /limit must be a whole number from 1 to 1000/],
      ['limit=5000', /limit must be/],
      ['bbox=1,2,3', /bbox must be four numbers/],
      ['bbox=8,52,7,51', /lower left to the upper right/],
      ['crs=EPSG:4326', /crs must be/],
      ['colour=red', /unknown parameter "colour"/],
      ['f=xml', /f must be json or html/],
    ] as const) {
      const r = await get(`/ogc/collections/einrichtungen/items?${query}`);
      expect(r.status, query).toBe(400);
      expect(JSON.parse(r.text).description).toMatch(message);
    }
    expect((await get('/ogc/collections/nirgends/items')).status).toBe(404);
    expect((await get('/ogc/collections/aktionsraeume/items/999')).status).toBe(404);
  });

  it('sends ETags (304 when unchanged), CORS and the CRS of the content; an HTML view for people', async () => {
    const first = await get('/ogc/collections/aktionsraeume/items/023');
    expect(first.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const again = await get('/ogc/collections/aktionsraeume/items/023', { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
    // An edit changes the ETag: the client's copy is stale and it gets the new one.
    const [kita] = await rows(`select key, name from facility where category = 'kita' order by key limit 1`);
    const before = await get(`/ogc/collections/einrichtungen/items/${kita.key}`);
    await rows('update facility_record set name = ? where key = ?', [`${kita.name} (umbenannt)`, kita.key]);
    try {
      const after = await get(`/ogc/collections/einrichtungen/items/${kita.key}`, { 'if-none-match': before.headers.get('etag')! });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      expect(JSON.parse(after.text).properties.name).toBe(`${kita.name} (umbenannt)`);
    } finally {
      await rows('update facility_record set name = ? where key = ?', [kita.name, kita.key]);
    }
    // A large page goes gzipped to a client that accepts it, with an ETag of its own.
    const zipped = await get('/ogc/collections/unterbezirke/items', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(zipped.text).features).toHaveLength(100);
    expect(zipped.headers.get('etag')).toMatch(/-gz"$/);
    expect((await get('/ogc/collections/unterbezirke/items', { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! })).status).toBe(304);
    const html = await get('/ogc/collections/einrichtungen/items?limit=5', { accept: 'text/html' });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<table>');
  });
});
