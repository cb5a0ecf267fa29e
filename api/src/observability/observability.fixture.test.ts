// Metrics and logs as an operator meets them, over real HTTP on both databases: /metrics read by a
// Prometheus text-format parser after some requests, off or behind a token by configuration, its
// labels bounded whatever names clients send; one JSON log line per request with its id,
// operation, outcome and duration, a warning naming a slow operation, and no secrets in any line.
import { Writable } from 'node:stream';
import parsePrometheus, { type Family } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../../../test/harness/database.ts';
import { startHttpServer } from '../../../test/harness/httpServer.ts';
import { PASSWORD, startWriteSuite, type WriteSuite } from '../../../test/harness/writeSuite.ts';
import { createLogger } from './log.ts';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let suite: WriteSuite;
beforeAll(async () => {
  suite = await startWriteSuite({ database: openEmptyTestDatabase, server: { logger: createLogger('info', sink) } });
});
afterAll(() => suite?.stop());

const family = (families: Family[], name: string) => families.find((f) => f.name === name);

describe('metrics', () => {
  it('counts requests by interface, operation and outcome, with durations, the gate, the cache, the pool and the data version', async () => {
    // An import finished on 02.12.2026 at 09:01:05 Berlin time, 65 s long, its precompute 12.5 s.
    await suite.rows(`insert into import_run (started_at, finished_at, sources, report) values ('2026-12-02T08:00:00Z', '2026-12-02T08:01:05Z', '[]', '{"precomputeSeconds": 12.5}')`);
    await suite.post('query Probe { taxonomy { fieldsOfAction { key } } }');
    await suite.post('query Probe { taxonomy { fieldsOfAction { key } } }');
    await suite.post('query Broken { nothingHere }');
    await fetch(`${suite.server.url}/ogc/collections`);
    const response = await fetch(`${suite.server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const families = parsePrometheus(text);
    const requests = family(families, 'versorgungsatlas_requests_total')!;
    expect(requests.type).toBe('COUNTER');
    const probe = requests.metrics.find((m) => m.labels?.operation === 'Probe' && m.labels.outcome === 'ok');
    expect(probe).toMatchObject({ labels: { interface: 'graphql' }, value: '2' });
    expect(requests.metrics.find((m) => m.labels?.operation === 'Broken')?.labels?.outcome).toBe('client_error');
    expect(requests.metrics.some((m) => m.labels?.interface === 'ogc' && m.labels.outcome === 'ok')).toBe(true);
    const durations = family(families, 'versorgungsatlas_request_duration_seconds')!;
    expect(durations.type).toBe('HISTOGRAM');
    expect(durations.metrics.length).toBeGreaterThan(0);
    // (The parser keeps a histogram's buckets without their labels: the count line read as text.)
    expect(text).toMatch(/^versorgungsatlas_request_duration_seconds_count\{[^}]*operation="Probe"[^}]*outcome="ok"[^}]*\} 2$/m);
    for (const name of ['versorgungsatlas_analysis_queue', 'versorgungsatlas_analysis_running', 'versorgungsatlas_analysis_refused_total', 'versorgungsatlas_analysis_wait_seconds', 'versorgungsatlas_coverage_cache_total', 'versorgungsatlas_db_pool_connections', 'versorgungsatlas_process_cpu_seconds_total']) {
      expect(family(families, name), name).toBeDefined();
    }
    expect(family(families, 'versorgungsatlas_analysis_queue')!.metrics[0].value).toBe('0');
    expect(family(families, 'versorgungsatlas_last_import_seconds')!.metrics[0].value).toBe('65');
    expect(family(families, 'versorgungsatlas_last_precompute_seconds')!.metrics[0].value).toBe('12.5');
    expect(family(families, 'versorgungsatlas_data_version_timestamp_seconds')!.metrics[0].value).toBe(String(Date.UTC(2026, 11, 2, 8, 1, 5) / 1000));
  });

  it('keeps its labels bounded whatever operation names clients send', async () => {
    for (let i = 0; i < 260; i++) await suite.post(`query Op${i} { taxonomy { fieldsOfAction { key } } }`);
    await suite.post('{ taxonomy { fieldsOfAction { key } } }', {}, {});
    const families = parsePrometheus(await (await fetch(`${suite.server.url}/metrics`)).text());
    const operations = new Set(family(families, 'versorgungsatlas_requests_total')!.metrics.map((m) => m.labels?.operation));
    expect(operations.size).toBeLessThanOrEqual(203);
    expect(operations.has('other')).toBe(true);
    expect(operations.has('anonymous')).toBe(true);
  });

  it('is turned off, or put behind a token, by configuration', async () => {
    const off = await startHttpServer(suite.db.knex, { metrics: { enabled: false, token: null } });
    const guarded = await startHttpServer(suite.db.knex, { metrics: { enabled: true, token: 'a-long-random-metrics-token' } });
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
      const refused = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('versorgungsatlas_requests_total');
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-random-metrics-token' } });
      expect(ok.status).toBe(200);
    } finally {
      await off.stop();
      await guarded.stop();
    }
  });
});

describe('logs', () => {
  it('writes one JSON line per request with its id, operation, outcome and duration, and echoes the id', async () => {
    lines.length = 0;
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-0203' },
      body: JSON.stringify({ query: 'query Lookup { taxonomy { fieldsOfAction { key } } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-0203');
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'trace-0203');
    expect(line).toMatchObject({ level: 30, msg: 'request', interface: 'graphql', operation: 'Lookup', status: 200, outcome: 'ok', durationMs: expect.any(Number) });
    // A request id that is not a plain token is replaced.
    const odd = await fetch(`${suite.server.url}/healthz/live`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the operation of a slow request', async () => {
    const slow = await startHttpServer(suite.db.knex, { logger: createLogger('info', sink), slowRequestMs: 0 });
    try {
      lines.length = 0;
      await fetch(`${slow.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query SlowOne { taxonomy { fieldsOfAction { key } } }' }) });
      const line = lines.map((l) => JSON.parse(l)).find((l) => l.operation === 'SlowOne');
      expect(line).toMatchObject({ level: 40, msg: expect.stringMatching(/^slow request: SlowOne took \d+ ms$/) });
    } finally {
      await slow.stop();
    }
  });

  it('leaves out passwords, tokens, e-mail addresses, report texts and client addresses', async () => {
    lines.length = 0;
    await suite.post('mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { expiresAt } }', { l: 'someone@example.org', p: PASSWORD });
    const editor = await suite.signedIn('lena', 'Lena Log', 'editor');
    await suite.post('{ facilities(first: 1) { totalCount } }', {}, { cookie: editor.cookie, authorization: 'Bearer vaXYZsecrettoken1234567890' });
    await suite.post('mutation { reportFacilityProblem(key: "nope", message: "Mein Name ist Erika, erreichbar unter 0231 123456", contact: "erika@example.org") { id } }');
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [PASSWORD, 'someone@example.org', 'vaXYZsecrettoken', editor.cookie.split('=')[1], 'Erika', '0231 123456', 'erika@example.org', '127.0.0.1']) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
