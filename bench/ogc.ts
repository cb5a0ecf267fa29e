// What a GIS client waits for at the OGC API: the collections, every facility in pages of 1,000
// (what ogr2ogr does), a CQL2-filtered page, and a coverage collection, each beside the same
// store query run directly (no HTTP, no JSON text), in the same run. Median of 5, first run shown.
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:ogc
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { performance } from 'node:perf_hooks';
import { readConfig } from '../config/config.ts';
import { startBenchServer } from './benchServer.ts';
import { facilityItems, type ItemQuery } from '../api/src/modules/ogc/ogcStore.ts';
import { cql2ToSql } from '../api/src/modules/ogc/cql2.ts';
import { facilityColumns } from '../api/src/modules/ogc/ogcStore.ts';
import { areaCoverage } from '../api/src/modules/coverage/coverageStore.ts';
import { collectionById } from '../api/src/modules/ogc/ogcCollections.ts';

const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const bench = await startBenchServer(config);
  const { db } = bench;
  const base = `${bench.url}/ogc`;
  const runs = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    return { first: times[0], ms: median(times) };
  };
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const page = (q: Partial<ItemQuery>): ItemQuery => ({ limit: 1000, offset: 0, bbox: null, bboxSrid: 4326, srid: 4326, where: [], ...q });
  const filter = "(category = 'kita' OR category = 'grundschule') AND capacity IS NULL";
  const queryables = Object.fromEntries(Object.entries(facilityColumns).map(([name, c]) => [name, { type: c.type, sql: c.filterSql ?? c.sql }]));
  const coverage = collectionById.get('versorgung-kita-0-5-unterbezirke')!;
  if (coverage.kind !== 'coverage') throw new Error('not a coverage collection');

  const rows: [string, Awaited<ReturnType<typeof runs>>][] = [
    ['collections (101, with extents)', await runs(() => get('/collections'))],
    [
      'every facility, 2 pages of 1,000 (ogr2ogr)',
      await runs(async () => {
        for (let next: string | undefined = '/collections/einrichtungen/items?limit=1000'; next; ) {
          const p = await get(next);
          next = p.links.find((l: { rel: string }) => l.rel === 'next')?.href.replace(base, '');
        }
      }),
    ],
    ['  the same pages from the store directly', await runs(async () => Promise.all([facilityItems(db.knex, page({})), facilityItems(db.knex, page({ offset: 1000 }))]))],
    ['CQL2 filter: Kitas or primary schools without places', await runs(() => get(`/collections/einrichtungen/items?${new URLSearchParams({ filter, limit: '1000' })}`))],
    ['  the same from the store directly', await runs(() => facilityItems(db.knex, page({ where: [cql2ToSql(filter, queryables)] })))],
    ['coverage: Kita 0-5 per sub-district (170)', await runs(() => get('/collections/versorgung-kita-0-5-unterbezirke/items?limit=1000'))],
    ['  the sub-districts alone, with geometries (170)', await runs(() => get('/collections/unterbezirke/items?limit=1000'))],
    ['  the coverage rows alone, from the store (no geometries)', await runs(() => areaCoverage(db.knex, ['ubz'], { categories: coverage.set.categories, ageBand: coverage.set.ageBand, threshold: coverage.set.threshold, detour: coverage.set.detour, distribution: coverage.set.distribution }))],
  ];
  await bench.stop();
  console.log(`\nOGC API - Features on the ${kind}, median of 5 (first run in brackets):`);
  for (const [label, r] of rows) console.log(`  ${label.padEnd(56)} ${Math.round(r.ms).toString().padStart(6)} ms  (${Math.round(r.first)} ms)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
