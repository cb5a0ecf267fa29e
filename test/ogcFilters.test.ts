// OGC API - Features on the real data: filters (queryables as parameters and CQL2 text) checked
// against SQL, and the same limits as GraphQL (the analysis gate, cost) with CORS for integrators.
import { describe, expect, it } from 'vitest';
import { STORAGE_CRS } from '../api/src/modules/ogc/ogcOpenApi.ts';
import { useOgcSuite } from './harness/ogcSuite.ts';
import { startHttpServer } from './harness/httpServer.ts';

const ogc = useOgcSuite();
const { rows, get, json } = ogc;

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
      const page: any = await json(next.replace(ogc.server.url, ''));
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
    const busy = await startHttpServer(ogc.db.knex, { analysisSlots: 1, analysisQueue: 0 });
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
    const listed = await startHttpServer(ogc.db.knex, { corsOrigins: ['https://gis.example.org'] });
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
    const open = await fetch(`${ogc.server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://any.example.net' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
  });
});
