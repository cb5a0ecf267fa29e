// OGC API - Features on the real data, read by GDAL (the library under QGIS) as a GIS user's
// client would: the collections listed, the facilities copied to a GeoPackage with every
// attribute, a bbox and a property filter, the Aktionsräume in the city's EPSG:25832; and the
// documents, paging, bad parameters, ETags and the HTML view.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { CONFORMANCE, EPSG25832 } from '../api/src/modules/ogc/ogcHandler.ts';
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
    expect(await gdal('ogrinfo', ['-ro', '-so', gpkg, 'einrichtungen'])).toContain(`Feature Count: ${n}`);
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
      `select count(*)::int as n from facility where category = 'kita' and ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 25832))`,
      bbox,
    );
    const page = await json(`/ogc/collections/einrichtungen/items?bbox=${bbox.join(',')}&category=kita&limit=1000`);
    expect(page.numberMatched).toBe(n);
    expect(page.features).toHaveLength(n);
    expect(page.features.every((f: any) => f.properties.category === 'kita')).toBe(true);
    const out = await gdal('ogrinfo', ['-ro', '-so', '-spat', ...bbox.map(String), '-where', "category = 'kita'", `OAPIF:${server.url}/ogc`, 'einrichtungen']);
    expect(out).toContain(`Feature Count: ${n}`);
  }, 300_000);

  it('gives the Aktionsräume in EPSG:25832, the same areas as the API', async () => {
    // The items in EPSG:25832 (Part 2 CRS), read by GDAL from their URL.
    const out = path.join(dir, 'aktionsraeume.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', out, `${server.url}/ogc/collections/aktionsraeume/items?crs=${encodeURIComponent(EPSG25832)}`, '-nln', 'aktionsraeume']);
    const info = await gdal('ogrinfo', ['-ro', '-so', out, 'aktionsraeume']);
    expect(info).toContain('Feature Count: 13');
    expect(info).toMatch(/ID\["EPSG",25832\]/);
    const area023 = await gdal('ogrinfo', ['-ro', '-q', out, '-sql', "select code, ST_Area(geom) as m2 from aktionsraeume where code = '023'", '-dialect', 'SQLite']);
    const gdalM2 = Number(/m2 \(Real\) = ([\d.]+)/.exec(area023)![1]);
    const page = await json(`/ogc/collections/aktionsraeume/items?crs=${encodeURIComponent(EPSG25832)}`);
    const [area] = await rows(`select code, round(ST_Area(geom)) as m2 from area where level = 'aktionsraum' and code = '023'`);
    const borsig = page.features.find((f: any) => f.id === '023');
    expect(borsig.properties.name).toBe('Borsigplatz');
    const [{ m2 }] = await rows('select round(ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(?), 25832))) as m2', [JSON.stringify(borsig.geometry)]);
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
    expect(Object.keys(doc.paths)).toEqual(['/', '/conformance', '/api', '/collections', '/collections/{collectionId}', '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}']);
    for (const item of Object.values<any>(doc.paths)) for (const op of Object.values<any>(item)) expect(op.responses['200']).toBeDefined();
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
    const html = await get('/ogc/collections/einrichtungen/items?limit=5', { accept: 'text/html' });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<table>');
  });
});
