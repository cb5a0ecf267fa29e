// Hostile and careless requests over real HTTP on an empty database: mistyped variables, what an
// integrator asks first, headers that try to reach a page, the order of the audit trail and what
// anonymous readers learn about the staff.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { openEmptyTestDatabase } from '../../test/harness/database.ts';
import { startHttpServer } from '../../test/harness/httpServer.ts';
import { startWriteSuite, type WriteSuite } from '../../test/harness/writeSuite.ts';
import { audit } from './modules/accounts/accountStore.ts';
import { insertScenario } from './modules/planning/planRecordStore.ts';

let suite: WriteSuite;
let admin: { cookie: string };
let editor: { cookie: string };

beforeAll(async () => {
  suite = await startWriteSuite({ database: openEmptyTestDatabase });
  admin = await suite.signedIn('ada', 'Ada Admin', 'admin');
  editor = await suite.signedIn('eda', 'Eda Editor', 'editor');
});
afterAll(() => suite?.stop());

describe('variables of the wrong type', () => {
  const NEAR = 'query ($r: Float!, $n: Int) { facilitiesNear(near: { point: { longitude: 7.46, latitude: 51.52 } }, radius: $r, limit: $n) { items { distanceMetres } } }';

  it('get 400 BAD_USER_INPUT naming the variable, and leave no stack trace in the log', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const cases = [
        [NEAR, { r: 'far' }, /^Variable "\$r" got invalid value "far"; Float cannot represent non numeric value/],
        [NEAR, { r: 500, n: 1.5 }, /^Variable "\$n" got invalid value 1\.5; Int cannot represent non-integer value/],
        [NEAR, { r: 500, n: 2 ** 31 }, /^Variable "\$n" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value/],
        ['query ($l: AreaLevel!) { areas(level: $l) { code } }', { l: 'DISTRICT' }, /^Variable "\$l" got invalid value "DISTRICT"; Value "DISTRICT" does not exist in "AreaLevel" enum/],
      ] as const;
      for (const [query, variables, message] of cases) {
        const { status, body } = await suite.post(query, variables);
        expect(status, JSON.stringify(variables)).toBe(400);
        expect(body.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

describe('what integrators ask first', () => {
  it('answers the standard introspection query of GraphiQL, Code Generator, Apollo and Postman', async () => {
    const { status, body } = await suite.post(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Area', 'Facility', 'CoverageResult']));
  });

  it('answers the areas of a level with their facility counts, and the first page of facilities', async () => {
    for (const query of [
      '{ areas(level: AKTIONSRAUM) { code name areaKm2 facilityCounts { category { key } count } } }',
      '{ areas(level: SOZIALRAUM) { code name parents { level code } indicators { indicator { key } year value } } }',
      '{ facilities(first: 100) { nodes { key name category { key } location { longitude latitude } } } }',
      '{ taxonomy { categories { key labelDe fieldOfAction } } }',
    ]) {
      const { status, body } = await suite.post(query);
      expect(body.errors, query).toBeUndefined();
      expect(status).toBe(200);
    }
  });
});

describe('request headers never reach a page', () => {
  const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const markup = '"><script>alert(document.cookie)</script>';

  it('ignores X-Forwarded-Host from a client that is no trusted proxy, and sends a content policy without script', async () => {
    const response = await get(suite.server.url, '/ogc/collections?f=html', { 'x-forwarded-host': `evil.example${markup}`, 'x-forwarded-proto': 'https' });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('evil.example');
    expect(html).toContain(`href="${suite.server.url}/ogc/collections/`);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const json = await (await get(suite.server.url, '/ogc', { 'x-forwarded-host': 'evil.example' })).text();
    expect(json).not.toContain('evil.example');
    const tiles = await (await get(suite.server.url, '/tiles', { 'x-forwarded-host': 'evil.example' })).text();
    expect(tiles).not.toContain('evil.example');
  });

  it('refuses a Host header that is no host name', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${suite.server.url}/ogc?f=html`, { headers: { host: `a${markup}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('believes a trusted proxy\'s forwarded host when it is a host name, and says so in Vary', async () => {
    const proxied = await startHttpServer(suite.db.knex, { trustProxy: ['127.0.0.1', '::1'] });
    try {
      const good = await get(proxied.url, '/ogc/collections?f=html', { 'x-forwarded-host': 'versorgungsatlas.example.org', 'x-forwarded-proto': 'https' });
      expect(await good.text()).toContain('href="https://versorgungsatlas.example.org/ogc/collections/');
      expect(good.headers.get('vary')).toBe('Accept, Accept-Encoding, X-Forwarded-Proto, X-Forwarded-Host');
      const bad = await get(proxied.url, '/ogc/collections?f=html', { 'x-forwarded-host': `evil.example${markup}`, 'x-forwarded-proto': 'https' });
      const html = await bad.text();
      expect(html).not.toContain('<script');
      expect(html).toContain(`href="${proxied.url}/ogc/collections/`);
      const tileJson = await (await get(proxied.url, '/tiles', { 'x-forwarded-host': 'versorgungsatlas.example.org', 'x-forwarded-proto': 'https' })).json();
      expect(tileJson.tilesets[0].tilejson).toMatch(/^https:\/\/versorgungsatlas\.example\.org\/tiles\//);
    } finally {
      await proxied.stop();
    }
  });

  it('builds every link from PUBLIC_URL when it is set', async () => {
    const configured = await startHttpServer(suite.db.knex, { publicUrl: 'https://versorgungsatlas.example.org', trustProxy: ['127.0.0.1'] });
    try {
      const response = await get(configured.url, '/ogc?f=json', { 'x-forwarded-host': 'other.example' });
      const landing = await response.json();
      expect(landing.links.every((l: { href: string }) => l.href.startsWith('https://versorgungsatlas.example.org/ogc'))).toBe(true);
      expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
    } finally {
      await configured.stop();
    }
  });
});

describe('the audit trail', () => {
  it('lists the newest first by number, across a digit boundary (…, 100, 99, …)', async () => {
    const before = Number((await suite.rows('select coalesce(max(id), 0)::int as n from audit_log'))[0].n);
    for (let i = 1; i <= 120 - before; i++) {
      await audit(suite.db.knex, { accountId: null, actor: 'eda', action: 'facility.update', entity: 'facility', entityKey: 'fixture-kita', after: { step: i } });
    }
    const history = await suite.data('{ facilityHistory(key: "fixture-kita", first: 3) { id } }');
    expect(history.facilityHistory.map((r: { id: string }) => r.id)).toEqual(['120', '119', '118']);
    const log = await suite.data('{ auditLog(first: 25) { id } }', {}, admin);
    const ids = log.auditLog.map((r: { id: string }) => Number(r.id));
    expect(ids[0]).toBe(120);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids).toContain(99);
  });
});

describe('what anonymous readers learn about the staff', () => {
  it('sees roles, never sign-in names, in a facility\'s history and a shared scenario; staff see the names', async () => {
    await audit(suite.db.knex, { accountId: null, actor: 'eda', action: 'facility.confirm', entity: 'facility', entityKey: 'fixture-hort', before: { verifiedBy: null }, after: { verifiedBy: 'eda' } });
    await audit(suite.db.knex, { accountId: null, actor: 'oidc:u-42', action: 'facility.update', entity: 'facility', entityKey: 'fixture-hort' });
    await audit(suite.db.knex, { accountId: null, actor: 'token:review-bot', action: 'facility.update', entity: 'facility', entityKey: 'fixture-hort' });
    const query = '{ facilityHistory(key: "fixture-hort") { actor after } }';
    const anonymous = (await suite.data(query)).facilityHistory;
    expect(anonymous.map((r: { actor: string }) => r.actor)).toEqual(['integration', 'staff', 'editor']);
    expect(anonymous[2].after).toEqual({ verifiedBy: 'editor' });
    expect(JSON.stringify(anonymous)).not.toContain('eda');
    const staff = (await suite.data(query, {}, editor)).facilityHistory;
    expect(staff.map((r: { actor: string }) => r.actor)).toEqual(['token:review-bot', 'oidc:u-42', 'eda']);

    await insertScenario(suite.db.knex, { key: 'shared-link-key', title: 'Kita am Nordmarkt', description: '', ownerAccountId: null, owner: 'ada' });
    expect((await suite.data('{ scenario(key: "shared-link-key") { owner } }')).scenario.owner).toBe('admin');
    expect((await suite.data('{ scenario(key: "shared-link-key") { owner } }', {}, editor)).scenario.owner).toBe('ada');
  });
});

describe('API tokens', () => {
  it('keep their names unique, revoked ones included, so that no token inherits another\'s scenarios', async () => {
    const create = (name: string) => suite.post('mutation ($n: String!) { createApiToken(name: $n, role: PLANNER) { apiToken { id } } }', { n: name }, admin);
    const first = await create('Planungs-Bot');
    expect(first.body.errors).toBeUndefined();
    await suite.post('mutation ($id: Int!) { revokeApiToken(id: $id) { revokedAt } }', { id: first.body.data.createApiToken.apiToken.id }, admin);
    const second = await create('planungs-bot');
    expect(second.body.data).toBeNull();
    expect(second.body.errors![0]).toMatchObject({ message: expect.stringContaining('exists already'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
