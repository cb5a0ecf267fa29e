// The partner search's hot path: facilitiesNear (800 m around a point in the Nordstadt, all
// partner kinds) over HTTP with 10 clients, beside the same SQL over the database driver and a
// trivial GraphQL query over HTTP, in the same run. Target: facilitiesNear p50 within 1.5x of
// (bare SQL p50 + trivial GraphQL p50), and at least 1,500 requests/s on the server database.
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:hotpath
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { readConfig } from '../config/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { facilitiesNear } from '../api/src/modules/facilities/facilityStore.ts';
import { partnerQuery } from '../web/src/features/partners/partnerQuery.ts';
import { startAtlas } from './atlasProcess.ts';

const CLIENTS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POINT = { longitude: 7.4640, latitude: 51.5230 }; // Nordmarkt
const KINDS = ['kita', 'grundschule', 'weiterfuehrende_schule', 'foerderschule', 'jugendfreizeitstaette', 'beratungsstelle', 'bibliothek', 'hebamme'];
const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';

type Figures = { rps: number; p50: number; p99: number; errors: number };

/** The bare SQL with CLIENTS concurrent callers for SECONDS, straight over the driver. */
async function bareSql(): Promise<Figures> {
  // Migrated and imported as `npm start` would (on the first run only).
  const { db } = await prepareDatabase(config, () => {});
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        await facilitiesNear(db.knex, { kind: 'point', ...POINT }, 800, KINDS, 500);
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  await db.close();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)], errors };
}

async function http(url: string, body: unknown): Promise<Figures> {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CLIENTS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

console.log(`hot path on the ${kind}: ${CLIENTS} clients, ${SECONDS} s each\n`);
// Bare SQL first: an embedded data folder has one owner at a time, so the server starts after.
const bare = await bareSql();
const atlas = await startAtlas();
try {
  const variables = { near: { point: POINT }, radius: 800, categories: KINDS };
  const lean = `query ($near: NearInput!, $radius: Float!, $categories: [String!]) {
    facilitiesNear(near: $near, radius: $radius, categories: $categories) { items { distanceMetres facility { key name category { key } } } } }`;
  const check = await fetch(`${atlas.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: lean, variables }) });
  const found = (await check.json()).data.facilitiesNear.items.length;
  console.log(`${found} partners within 800 m of the point\n`);
  // Warm up (first requests compile and fill caches), then measure.
  await http(atlas.url, { query: partnerQuery.toString(), variables }).catch(() => null);
  const trivial = await http(atlas.url, { query: '{ __typename }' });
  const near = await http(atlas.url, { query: lean, variables });
  const dashboard = await http(atlas.url, { query: partnerQuery.toString(), variables });
  const row = (name: string, f: Figures) =>
    console.log(`${name.padEnd(44)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   errors ${f.errors}`);
  row('bare SQL over the driver (facilities.near)', bare);
  row('trivial GraphQL over HTTP ({ __typename })', trivial);
  row('facilitiesNear over HTTP (key, name, kind)', near);
  row('facilitiesNear as the dashboard asks (+GeoJSON)', dashboard);
  const budget = 1.5 * (bare.p50 + trivial.p50);
  console.log(`\nfacilitiesNear p50 ${near.p50.toFixed(1)} ms; target <= 1.5 x (bare + trivial) = ${budget.toFixed(1)} ms: ${near.p50 <= budget ? 'met' : 'not met'}`);
  if (config.database.kind === 'postgres') console.log(`facilitiesNear ${near.rps.toFixed(0)} req/s; target >= 1500: ${near.rps >= 1500 ? 'met' : 'not met'}`);
  console.log(`server memory (RSS): ${(await atlas.rssMb()).toFixed(0)} MB`);
} finally {
  await atlas.stop();
}
