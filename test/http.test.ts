// A few requests over real HTTP: the API, its CSRF protection and error masking, and the map files.
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { openTestDatabase } from './harness/database.ts';
import { startHttpServer } from './harness/httpServer.ts';
import { ensureWebBuild } from '../api/src/ensureWebBuild.ts';
import { readConfig } from '../config/config.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startHttpServer>>;
beforeAll(async () => {
  // The map this server serves (built once; up to date, nothing happens).
  await ensureWebBuild(readConfig().webDistDir, () => {});
  db = await openTestDatabase();
  server = await startHttpServer(db.knex);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers, body });

describe('over HTTP', () => {
  it('answers a GraphQL POST', async () => {
    const response = await post(JSON.stringify({ query: '{ areas(level: AKTIONSRAUM) { code name } }' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.areas).toHaveLength(13);
  });

  it('gzips a large answer for a client that accepts it, and not for one that does not', async () => {
    const query = JSON.stringify({ query: '{ childrenGrid(ageBand: AGE_0_5, area: { level: STADTBEZIRK, code: "20" }) { cellCount geojson } }' });
    const zipped = await post(query, { 'content-type': 'application/json', 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const size = Number(zipped.headers.get('content-length'));
    const body = await zipped.json(); // fetch unzips
    expect(body.data.childrenGrid.cellCount).toBeGreaterThan(300);
    expect(size).toBeLessThan(JSON.stringify(body).length / 3);
    const plain = await post(query, { 'content-type': 'application/json', 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).data.childrenGrid.cellCount).toBe(body.data.childrenGrid.cellCount);
  });

  it('answers a GET that carries the preflight header and refuses one that does not (CSRF)', async () => {
    const query = encodeURIComponent('{ taxonomy { categories { key } } }');
    const refused = await fetch(`${server.url}/graphql?query=${query}`);
    expect(refused.status).toBe(400);
    const allowed = await fetch(`${server.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).data.taxonomy.categories.length).toBeGreaterThan(20);
  });

  it('says what is wrong with a body that is not JSON', async () => {
    const response = await post('{ not json');
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toBe('request body is not valid JSON');
  });

  it('returns BAD_USER_INPUT with its message for a bad argument', async () => {
    const response = await post(JSON.stringify({ query: '{ facilitiesNear(near: { point: { longitude: 200, latitude: 51 } }, radius: 100) { radiusMetres } }' }));
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('longitude must be from -180 to 180') });
  });

  it('gives method texts in German when the client asks for German, in English otherwise', async () => {
    const query = JSON.stringify({
      query: '{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) { method { thresholdSource distanceKind populationSource supplyMeasure spreadAssumption censusSource smallCountRule importedAt populationDates } } }',
    });
    const german = (await (await post(query, { 'content-type': 'application/json', 'accept-language': 'de-DE,de;q=0.9' })).json()).data.coverage.method;
    expect(german.thresholdSource).toMatch(/^Vom Atlas gewählter Richtwert/);
    expect(german.distanceKind).toContain('Luftlinie');
    expect(german.populationSource).toMatch(/^Schätzung: .*Keine Zahlen der Stadt\.$/);
    expect(german.supplyMeasure).toContain('Einrichtungen');
    expect(german.spreadAssumption).toMatch(/^Nach dem Zensus verortet/);
    expect(german.censusSource).toContain('Stichtag 09.05.2011');
    expect(german.smallCountRule).toContain('Datenschutz');
    const english = (await (await post(query)).json()).data.coverage.method;
    expect(english.thresholdSource).toMatch(/^Chosen default of the atlas/);
    expect(english.censusSource).toContain('reference date 2011-05-09');
    // The data's own dates, not the day of the import, date the figures.
    expect(english.populationDates.every((d: string) => d < '2025-01-01')).toBe(true);
    expect(english.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('serves the map at / and for shared links with a path, but not files outside', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect((await fetch(`${server.url}/karte/aktionsraum`)).status).toBe(200);
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2f..%2fpackage.json`)).status).not.toBe(200);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('keeps an idle connection open longer than a proxy or a pausing client would wait (no "socket closed")', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
    await response.body?.cancel();
  });
});

describe('errors that are not the client\'s', () => {
  it('reach the client as a generic internal error, without SQL or connection details', async () => {
    const broken = knexFactory({ client: 'pg', connection: 'postgres://nobody@127.0.0.1:1/nowhere', pool: { min: 0, max: 1 }, acquireConnectionTimeout: 2000 });
    const brokenServer = await startHttpServer(broken);
    try {
      const response = await fetch(`${brokenServer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ areas(level: UBZ) { code } }' }),
      });
      const text = await response.text();
      expect(JSON.parse(text).errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select/i);
      // Alive, but not ready: the database does not answer.
      expect((await fetch(`${brokenServer.url}/healthz/live`)).status).toBe(200);
      const ready = await fetch(`${brokenServer.url}/healthz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
    } finally {
      await brokenServer.stop();
      await broken.destroy();
    }
  });
});
