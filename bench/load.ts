// Load on a running atlas (loopback only, bounded in time): 50 clients for 60 s, 40 asking cheap
// questions (areas, a partner search, the taxonomy, /healthz) and 10 asking analyses (coverage
// tables with changing thresholds, area profiles) at the same time. Prints throughput, p50/p99,
// errors and connection resets per class, and the server's memory. Target: no errors, no resets,
// cheap p99 under 500 ms while the analyses run.
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:load
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench
import autocannon from 'autocannon';
import { readConfig } from '../config/config.ts';
import { partnerQuery } from '../web/src/features/partners/partnerQuery.ts';
import { profileQuery, profileIndicators } from '../web/src/features/profile/profileQuery.ts';
import { startAtlas } from './atlasProcess.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CHEAP_CLIENTS = 40;
const EXPENSIVE_CLIENTS = 10;
const kind = readConfig().database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';

const gql = (query: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

const cheap = [
  gql('{ areas(level: AKTIONSRAUM) { code name } }'),
  gql(partnerQuery.toString(), { near: { point: { longitude: 7.464, latitude: 51.523 } }, radius: 800, categories: ['kita', 'grundschule', 'jugendfreizeitstaette'] }),
  gql('{ taxonomy { categories { key labelDe facilityCount } } }'),
  { method: 'GET' as const, path: '/healthz' },
];

// Thresholds the dashboard's field offers; each new one is computed once, then cached (bounded).
const thresholds = [300, 400, 500, 600, 700, 800, 1000, 1200];
const areas = ['022', '021', '023', '161', '091'];
const expensive = [
  ...thresholds.map((t) =>
    gql('query ($t: Float) { coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: $t) { city { shareWithin } areas { shareWithin } } }', { t }),
  ),
  ...areas.map((code) => {
    const area = { level: 'AKTIONSRAUM', code };
    return gql(profileQuery.toString(), {
      ...area,
      ref: area,
      near: { ...area, metres: 500 },
      indicators: profileIndicators,
      target: { category: 'kita' },
      ageBand: 'AGE_0_5',
      threshold: null,
    });
  }),
];

type Result = autocannon.Result;

type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

function run(url: string, clients: number, requests: Request[], timeout: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: clients,
    duration: SECONDS,
    timeout,
    requests: [{ setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }) }],
  });
}

const atlas = await startAtlas();
try {
  console.log(`load on the ${kind}: ${CHEAP_CLIENTS} cheap + ${EXPENSIVE_CLIENTS} expensive clients for ${SECONDS} s\n`);
  let peakRss = 0;
  const sampler = setInterval(async () => (peakRss = Math.max(peakRss, await atlas.rssMb())), 1000);
  const [cheapResult, expensiveResult] = await Promise.all([run(atlas.url, CHEAP_CLIENTS, cheap, 30), run(atlas.url, EXPENSIVE_CLIENTS, expensive, 120)]);
  clearInterval(sampler);
  const row = (name: string, r: Result) =>
    console.log(
      `${name.padEnd(10)} ${String(r.requests.total).padStart(7)} requests  ${r.requests.average.toFixed(0).padStart(5)} req/s  ` +
        `p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(6)} ms  ` +
        `errors ${r.errors}  non-2xx ${r.non2xx}  timeouts ${r.timeouts}  resets ${r.resets ?? 0}`,
    );
  row('cheap', cheapResult);
  row('analyses', expensiveResult);
  console.log(`\nserver memory (RSS): peak ${peakRss.toFixed(0)} MB, at the end ${(await atlas.rssMb()).toFixed(0)} MB`);
  const failures = cheapResult.errors + cheapResult.non2xx + expensiveResult.errors + expensiveResult.non2xx;
  console.log(`target: 0 errors and resets (${failures === 0 ? 'met' : `not met: ${failures}`}), cheap p99 < 500 ms (${cheapResult.latency.p99 < 500 ? 'met' : 'not met'})`);
} finally {
  await atlas.stop();
}
