// OGC API - Features on the real data, read by GDAL (the library under QGIS) as a GIS user's
// client would: the collections listed, the facilities copied to a GeoPackage with every
// attribute, a bbox and a property filter, the Aktionsräume in the city's storage CRS; and the
// documents, paging, bad parameters, ETags and the HTML view.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validate as validateOpenApi, compileErrors } from '@readme/openapi-parser';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { CONFORMANCE, STORAGE_CRS } from '../api/src/modules/ogc/ogcOpenApi.ts';
import { inStorage, STORAGE_SRID, toStorage } from '../db/geometrySql.ts';
import { openTestDatabase } from './harness/database.ts';
import { startHttpServer } from './harness/httpServer.ts';

const run = promisify(execFile);
let db: Database;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let dir: string;
const rows = async (sql: string, bindings: unknown[] = []) => (await db.knex.raw(sql, bindings as never)).rows;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startHttpServer(db.knex);
  dir = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-ogc-'));
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const get = async (p: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${p}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const json = async (p: string) => {
  const r = await get(p);
  expect(r.status, r.text).toBe(200);
  return JSON.parse(r.text);
};
const gdal = async (command: string, args: string[]) => (await run(command, args, { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 })).stdout;

describe('GDAL as the GIS client', () => {
  it('lists every collection: the areas of every level, the facilities and the coverage per level', async () => {
    const out = await gdal('ogrinfo', ['-ro', '-q', `OAPIF:${server.url}/ogc`]);
    for (const id of ['aktionsraeume', 'sozialraeume', 'stadtbezirke', 'statistische-bezirke', 'unterbezirke', 'stadt', 'einrichtungen', 'versorgung-kita-0-5-aktionsraeume', 'versorgung-betreuung-0-5-unterbezirke']) {
      expect(out).toContain(`: ${id} (`);
    }
  }, 300_000);

  it('copies the facilities to a GeoPackage: every facility, with its attributes', async () => {
    const gpkg = path.join(dir, 'einrichtungen.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${server.url}/ogc`, 'einrichtungen']);
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
    const out = await gdal('ogrinfo', ['-ro', '-so', '-spat', ...bbox.map(String), '-where', "category = 'kita'", `OAPIF:${server.url}/ogc`, 'einrichtungen']);
    expect(out).toContain(`Feature Count: ${n}`);
  }, 300_000);

  it(`gives the Aktionsräume in EPSG:${STORAGE_SRID}, the same areas as the API`, async () => {
    // The items in the storage CRS (Part 2 CRS), read by GDAL from their URL.
    const out = path.join(dir, 'aktionsraeume.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', out, `${server.url}/ogc/collections/aktionsraeume/items?crs=${encodeURIComponent(STORAGE_CRS)}`, '-nln', 'aktionsraeume']);
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
      const queryables = await json(rels['http://www.opengis.net/def/rel/ogc/1.0/queryables'].replace(server.url, ''));
      expect(ajv.validateSchema(queryables), `${c.id} queryables`).toBe(true);
      expect(Object.keys(queryables.properties).length).toBeGreaterThan(0);
      const schema = await json(rels.describedBy.replace(server.url, ''));
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
      const page: any = await json(next.replace(server.url, ''));
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

describe('filters: queryables as parameters and CQL2 text', () => {
  const items = (collection: string, params: Record<string, string>) => json(`/ogc/collections/${collection}/items?${new URLSearchParams(params)}`);

  it('gives exactly the facilities SQL finds for comparisons joined by AND, OR and NOT', async () => {
    const [{ code }] = await rows(`select u.code from facility f join area u on u.id = f.ubz_id where f.category = 'kita' group by u.code order by count(*) desc, u.code limit 1`);
    const [{ n }] = await rows(
      `select count(*)::int as n from facility f join area u on u.id = f.ubz_id where f.category in ('kita', 'grundschule') and u.code = ?`,
      [code],
    );
    const page = await items('einrichtungen', { filter: `(category = 'kita' OR category = 'grundschule') AND unterbezirk = '${code}'`, limit: '1000' });
    expect(n).toBeGreaterThan(3);
    expect(page.numberMatched).toBe(n);
    expect(new Set(page.features.map((f: any) => f.properties.category))).toEqual(new Set(['kita', 'grundschule']));
    // The same as query parameters (equality), which is what GDAL sends for -where category = 'kita'.
    const [{ kitas }] = await rows(`select count(*)::int as kitas from facility f join area u on u.id = f.ubz_id where f.category = 'kita' and u.code = ?`, [code]);
    expect((await items('einrichtungen', { category: 'kita', unterbezirk: code })).numberMatched).toBe(kitas);
    const [{ unknown }] = await rows(`select count(*)::int as unknown from facility where capacity is null and not category = 'spielplatz'`);
    expect((await items('einrichtungen', { filter: "capacity IS NULL AND NOT category = 'spielplatz'", limit: '1' })).numberMatched).toBe(unknown);
    const [{ before }] = await rows(`select count(*)::int as before from facility where imported_at < now() + interval '1 day'`);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    expect((await items('einrichtungen', { filter: `imported_at < TIMESTAMP('${tomorrow}Z')`, limit: '1' })).numberMatched).toBe(before);
  });

  it('filters areas by their indicators and coverage by its figures, and pages with the filter kept', async () => {
    const poor = await rows(
      `select a.code from area a join indicator_value v on v.area_id = a.id
        where a.level = 'ubz' and v.indicator_key = 'children_under_15_SGB_II_pct' and v.year = 2024 and round(v.value::numeric, 2) >= 40 order by a.code`,
    );
    expect(poor.length).toBeGreaterThan(5);
    const first = await items('unterbezirke', { filter: 'children_under_15_SGB_II_pct_2024 >= 40', limit: '5' });
    expect(first.numberMatched).toBe(poor.length);
    const seen = first.features.map((f: any) => f.id);
    let next = first.links.find((l: any) => l.rel === 'next')?.href;
    expect(decodeURIComponent(next.replaceAll('+', ' '))).toContain('filter=children_under_15_SGB_II_pct_2024 >= 40');
    while (next) {
      const page: any = await json(next.replace(server.url, ''));
      seen.push(...page.features.map((f: any) => f.id));
      next = page.links.find((l: any) => l.rel === 'next')?.href;
    }
    expect(seen).toEqual(poor.map((r: any) => r.code));

    const all = await items('versorgung-kita-0-5-unterbezirke', { limit: '1000' });
    const low = all.features.filter((f: any) => f.properties.share_within !== null && f.properties.share_within < 0.75).map((f: any) => f.id);
    const filtered = await items('versorgung-kita-0-5-unterbezirke', { filter: 'share_within < 0.75', limit: '1000' });
    expect(filtered.features.map((f: any) => f.id)).toEqual(low);
  });

  it('answers a bad filter with 400 and what is wrong', async () => {
    for (const [query, message] of [
      [{ filter: "colour = 'red'" }, /filter: "colour" \(position 1\) is not a queryable of this collection/],
      [{ filter: "capacity > 'viele'" }, /filter: cannot compare the integer property "capacity" with a string/],
      [{ filter: "category LIKE 'k%'" }, /filter: expected a comparison/],
      [{ filter: "category = 'kita'", 'filter-lang': 'cql2-json' }, /filter-lang must be cql2-text/],
      [{ filter: "category = 'kita'", 'filter-crs': STORAGE_CRS }, /filter-crs must be/],
      [{ capacity: 'viele' }, /capacity is a number/],
      [{ phone: '0231' }, /unknown parameter "phone"/],
    ] as const) {
      const r = await get(`/ogc/collections/einrichtungen/items?${new URLSearchParams(query as Record<string, string>)}`);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(JSON.parse(r.text).description).toMatch(message);
    }
    const twice = await get('/ogc/collections/einrichtungen/items?category=kita&category=spielplatz');
    expect(JSON.parse(twice.text).description).toMatch(/"category" is given more than once/);
  });
});

describe('the same limits as GraphQL, and CORS for integrators', () => {
  it('lets coverage pages wait for the same gate as GraphQL analyses, while plain reads go on', async () => {
    const busy = await startHttpServer(db.knex, { analysisSlots: 1, analysisQueue: 0 });
    try {
      const leave = await busy.app.gate.enter();
      try {
        const refused = await fetch(`${busy.url}/ogc/collections/versorgung-kita-0-5-aktionsraeume/items`);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect((await refused.json()).description).toMatch(/busy with other analyses/);
        const graphql = await fetch(`${busy.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) { areas { area { code } } } }' }),
        });
        expect((await graphql.json()).errors?.[0]?.extensions?.code).toBe('SERVER_BUSY');
        expect((await fetch(`${busy.url}/ogc/collections/aktionsraeume/items`)).status).toBe(200);
      } finally {
        leave();
      }
      expect((await fetch(`${busy.url}/ogc/collections/versorgung-kita-0-5-aktionsraeume/items`)).status).toBe(200);
    } finally {
      await busy.stop();
    }
  });

  it('allows the configured origins only, on the OGC API, the tiles and GraphQL', async () => {
    const listed = await startHttpServer(db.knex, { corsOrigins: ['https://gis.example.org'] });
    try {
      const from = (origin: string, p: string, init: RequestInit = {}) => fetch(`${listed.url}${p}`, { ...init, headers: { origin, ...(init.headers ?? {}) } });
      for (const p of ['/ogc/collections', '/tiles/gebiete.json']) {
        const allowed = await from('https://gis.example.org', p);
        expect(allowed.headers.get('access-control-allow-origin'), p).toBe('https://gis.example.org');
        expect(allowed.headers.get('vary'), p).toMatch(/Origin/);
        const other = await from('https://elsewhere.example.com', p);
        expect(other.status).toBe(200);
        expect(other.headers.get('access-control-allow-origin'), p).toBeNull();
      }
      const preflight = await from('https://gis.example.org', '/graphql', {
        method: 'OPTIONS',
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://gis.example.org');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const query = await from('https://gis.example.org', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ areas(level: AKTIONSRAUM) { code } }"}' });
      expect(query.status).toBe(200);
      expect(query.headers.get('access-control-allow-origin')).toBe('https://gis.example.org');
      expect((await from('https://elsewhere.example.com', '/graphql', { method: 'OPTIONS' })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listed.stop();
    }
    // The default: every origin may read (no credentials).
    const open = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://any.example.net' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
  });
});
