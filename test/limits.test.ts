// Requests shaped to hurt, over real HTTP on the real data: each gets a clear client error before
// any SQL runs, and nothing grows the database or stops the server from answering.
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { IMPORT_LOCK_KEY, takeImportLock } from '../geodata/import/importStore.ts';
import { importPopulationCounts } from '../geodata/population/importPopulationCounts.ts';
import { LIMITS } from '../api/src/queryLimits.ts';
import { openTestDatabase } from './harness/database.ts';
import { startHttpServer } from './harness/httpServer.ts';
import { withDatabase } from './harness/testDatabaseUrl.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startHttpServer>>;
beforeAll(async () => {
  db = await openTestDatabase();
  server = await startHttpServer(db.knex);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const post = async (body: unknown) => {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};
const cacheEntries = async () => Number((await db.knex.raw('select count(*) as n from coverage_cache')).rows[0].n);

describe('cost limits', () => {
  it('refuses a query nested too deep, naming the limit', async () => {
    const deep = '{ area(level: CITY, code: "0") { subDistricts { parents { subDistricts { parents { subDistricts { parents { subDistricts { code } } } } } } } } }';
    const { status, body } = await post({ query: deep });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining(`depth limit of ${LIMITS.depth} exceeded`) });
    expect(body.data).toBeUndefined();
  });

  it('refuses too many aliases, naming the limit', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) { city { shareWithin } }`);
    const { status, body } = await post({ query: `{ ${aliases.join(' ')} }` });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining(`Aliases limit of ${LIMITS.aliases} exceeded, found 100`) });
  });

  it('refuses a request over the cost budget before computing anything', async () => {
    const before = await cacheEntries();
    const aliases = Array.from({ length: 25 }, (_, i) => `c${i}: coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: ${411 + i}) { areas { shareWithin area { code } children { value } } }`);
    const { status, body } = await post({ query: `{ ${aliases.join(' ')} }` });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_EXPENSIVE', limit: LIMITS.cost } });
    expect(body.errors[0].message).toMatch(/too expensive: it costs \d+, the limit is/);
    expect(await cacheEntries()).toBe(before);
  });

  it('refuses a chain of nested lists that would answer megabytes', async () => {
    const { body } = await post({ query: '{ area(level: CITY, code: "0") { subDistricts { parents { subDistricts { code name } } } } }' });
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('refuses query text longer than the limit', async () => {
    const { status, body } = await post({ query: `{ taxonomy { categories { key } } } ${'#'.repeat(LIMITS.queryChars)}` });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain(`longer than ${LIMITS.queryChars} characters`);
  });
});

describe('client mistakes are client errors', () => {
  it('refuses NUL characters in variables and in the query text', async () => {
    const variables = await post({ query: 'query ($key: String!) { facility(key: $key) { name } }', variables: { key: 'kita\u0000x' } });
    expect(variables.status).toBe(400);
    expect(variables.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('NUL characters (found in variable $key)') });
    const literal = await post({ query: '{ facilities(filter: { search: "ab\\u0000c" }) { totalCount } }' });
    expect(literal.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('a string in the query') });
  });

  it('refuses subscriptions and unknown mutations as client errors', async () => {
    const subscription = await post({ query: 'subscription { taxonomy { categories { key } } }' });
    expect(subscription.status).toBe(400);
    expect(subscription.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    const mutation = await post({ query: 'mutation { dropEverything }' });
    expect(mutation.status).toBe(400);
    expect(mutation.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers 400 to a malformed percent-encoding in a path', async () => {
    const response = await fetch(`${server.url}/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('malformed percent-encoding');
  });

  it('refuses needProvision for the city (there is nothing to rank)', async () => {
    const { body } = await post({ query: '{ needProvision(level: CITY, target: { category: "kita" }, ageBand: AGE_0_5) { rows { priorityScore } } }' });
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('got CITY') });
  });
});

describe('headers and pages', () => {
  it('sends security headers with the map', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('has no landing page that loads scripts from a CDN', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/cdn\.|apollographql\.com|<script/i);
  });
});

describe('the server keeps answering', () => {
  it('answers cheap requests and /healthz while analyses run', async () => {
    const analyses = [300, 350, 400, 450].map((t) =>
      post({ query: `{ coverage(level: UBZ, target: { category: "spielplatz" }, ageBand: AGE_6_17, thresholdMetres: ${t}) { city { shareWithin } } }` }),
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const cheap = await post({ query: '{ areas(level: AKTIONSRAUM) { code } }' });
    expect(cheap.body.data.areas).toHaveLength(13);
    for (const { body } of await Promise.all(analyses)) expect(body.data.coverage.city.shareWithin).toBeGreaterThan(0);
  });
});

describe('imports', () => {
  const heldImportLocks = async (trx: { raw: typeof db.knex.raw }) =>
    Number((await trx.raw("select count(*) as n from pg_locks where locktype = 'advisory' and objid = ? and granted", [IMPORT_LOCK_KEY])).rows[0].n);

  it('hold the import lock for their whole transaction', async () => {
    await db.knex.transaction(async (trx) => {
      expect(await heldImportLocks(trx)).toBe(0);
      await takeImportLock(trx);
      expect(await heldImportLocks(trx)).toBe(1);
    });
    expect(await heldImportLocks(db.knex)).toBe(0);
  });

  it('run one at a time: while another session imports, a second is refused and the data stays', async () => {
    // The embedded database has a single connection: a second process cannot open its folder at
    // all (the data-folder lock tests show that), so a second session exists only on a server.
    const url = inject('databaseUrl');
    const counts = 'area,year,age_band,count,source\n011,2024,0-5,123,second import\n';
    const countsOf = async () => Number((await db.knex.raw("select count(*) as n from population_count where source = 'second import'")).rows[0].n);
    if (db.kind !== 'postgres' || !url) {
      expect(db.kind).toBe('pglite');
      return;
    }
    const name = (await db.knex.raw('select current_database() as d')).rows[0].d;
    const other = knexFactory({ client: 'pg', connection: withDatabase(url, name), pool: { min: 1, max: 1 } });
    try {
      await other.transaction(async (trx) => {
        await takeImportLock(trx);
        await expect(importPopulationCounts(db.knex, counts, 'counts.csv')).rejects.toThrow(/another import is running on this database/);
      });
    } finally {
      await other.destroy();
    }
    expect(await countsOf()).toBe(0);
  });
});
