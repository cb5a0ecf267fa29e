// Prints how long the coverage engine takes, each figure beside bare SQL doing the same work:
// a fresh import (with the census grid), a restart, then cold coverage tables for every default
// target at every level, the area profile as the dashboard asks for it, a non-default threshold,
// and how precompute and coverage grow with 10x the facilities and with 50 m cells.
// Embedded by default (a fresh data folder); DATABASE_URL for a server (a fresh database
// versorgungsatlas_bench on it). Run: GEODATA_DIR=../shared/geodata/dortmund npm run bench
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { type Knex } from 'knex';
import { readConfig, type DatabaseConfig } from '../config/config.ts';
import { createApp } from '../api/src/server.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { cacheKey, type CoverageParams } from '../geodata/coverageCache.ts';
import { migrate } from '../db/migrate.ts';
import { defaultCoverageSets } from '../domain/coverageRules.ts';
import { refreshDemand } from '../geodata/import/censusStore.ts';
import { refreshReach } from '../geodata/import/refreshReach.ts';
import { runImport } from '../geodata/import/runImport.ts';
import { reachCategories, targetCategories } from '../domain/taxonomy.ts';
import { profileQuery } from '../web/src/features/profile/profileQuery.ts';
import { profileIndicators } from '../web/src/features/profile/profileQuery.ts';

const config = readConfig();
const rows: [string, number | string, number | string][] = [];
const ms = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function freshDatabase(): Promise<DatabaseConfig> {
  if (config.database.kind === 'pglite') return { kind: 'pglite', dataDir: await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-bench-')) };
  const url = new URL(config.database.url);
  const admin = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
  await admin.raw('drop database if exists versorgungsatlas_bench with (force)');
  await admin.raw('create database versorgungsatlas_bench');
  await admin.destroy();
  url.pathname = '/versorgungsatlas_bench';
  return { kind: 'postgres', url: url.toString() };
}

// 1. Import into an empty database, then restart (a new process would do the same).
const target = await freshDatabase();
let db: Database = await openDatabase(target);
await migrate(db.knex);
let report!: Awaited<ReturnType<typeof runImport>>;
const importMs = await ms(async () => (report = await runImport(db.knex, { geodata: config.geodata })));
rows.push([`import: ${report.census.cells} census cells, ${report.reach?.cells} grid pieces, ${report.reach?.reachRows} reach rows, 16 defaults`, importMs, '']);
await db.close();
const restartMs = await ms(async () => (db = await openDatabase(target)));
rows.push(['restart: open the imported database', restartMs, '']);
const knex = db.knex;
const app = await createApp({ db: knex, basemapStyleUrl: null, webDistDir: null });
const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const r = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor() });
  if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body));
};

/** The same aggregation the atlas does over the cached cells, without GraphQL and shaping. */
const bareAreaSums = (level: string, p: CoverageParams) =>
  knex.raw(
    `with cell as (select * from coverage_cell_cache where key = ?)
     select au.area_id, sum(c.children), sum(c.children) filter (where c.distance_m <= ?),
            percentile_disc(0.5) within group (order by c.distance_m), sum(c.children * c.supply_per_1000) / sum(c.children)
       from current_area a join area_ubz au on au.area_id = a.id join cell c on c.ubz_id = au.ubz_id
      where a.level = ? group by au.area_id`,
    [cacheKey(p), p.threshold, level],
  );
const enumBand = { '0-5': 'AGE_0_5', '6-17': 'AGE_6_17', '0-17': 'AGE_0_17' } as const;
const coverageQuery = (level: string, p: (typeof sets)[number]) => {
  const isField = !reachCategories.includes(p.target);
  return `{ coverage(level: ${level}, target: { ${isField ? 'fieldOfAction' : 'category'}: ${isField ? p.target.toUpperCase() : `"${p.target}"`} },
    ageBand: ${enumBand[p.ageBand as keyof typeof enumBand]}) {
    method { thresholdMetres distribution } areas { area { code } childrenWithin { value } shareWithin medianDistanceMetres supplyPer1000Children }
    city { shareWithin } } }`;
};
const sets = defaultCoverageSets(targetCategories);

// 2. Cold coverage tables: the first request for every default target at every level.
for (const level of ['AKTIONSRAUM', 'SOZIALRAUM', 'STATISTICAL_DISTRICT', 'STADTBEZIRK', 'UBZ']) {
  const atlas: number[] = [];
  const bare: number[] = [];
  for (const p of sets) {
    atlas.push(await ms(() => graphql(coverageQuery(level, p))));
    bare.push(await ms(() => bareAreaSums(level.toLowerCase(), p)));
  }
  rows.push([`coverage table ${level}, ${sets.length} default targets, first request: median`, median(atlas), median(bare)]);
  rows.push([`coverage table ${level}, ${sets.length} default targets, first request: slowest`, Math.max(...atlas), Math.max(...bare)]);
}

// 3. The area profile, as the dashboard sends it (Aktionsraum Nordmarkt), first and again.
const profileVariables = (level: string, code: string) => ({
  level, code, ref: { level, code }, near: { level, code, metres: 500 }, indicators: profileIndicators,
  target: { category: 'kita' }, ageBand: 'AGE_0_5', threshold: null,
});
const profileBare = () => Promise.all(sets.slice(0, 6).map((p) => bareAreaSums('aktionsraum', p)));
rows.push(['area profile, Aktionsraum Nordmarkt, first request', await ms(() => graphql(profileQuery.toString(), profileVariables('AKTIONSRAUM', '022'))), await ms(profileBare)]);
rows.push(['area profile, Sozialraum 061, first request', await ms(() => graphql(profileQuery.toString(), profileVariables('SOZIALRAUM', '061'))), await ms(profileBare)]);

// 4. A threshold that is not a default: computed from the reach table on first use, then cached.
const odd = { ...sets.find((p) => p.categories.join() === 'kita')!, threshold: 650 };
const oddQuery = `{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 650) { areas { shareWithin } } }`;
const oddBare = () => knex.raw(`select sum(children) filter (where distance_m <= 650) / sum(children) from va_cell_coverage(array['kita'], '0-5', 650, 1.0, 'census')`);
rows.push(['coverage AKTIONSRAUM, Kita at 650 m (not a default), first request', await ms(() => graphql(oddQuery)), await ms(oddBare)]);
rows.push(['coverage AKTIONSRAUM, Kita at 650 m, again (cached)', await ms(() => graphql(oddQuery)), await ms(() => bareAreaSums('aktionsraum', odd))]);

// 5. Growth: precompute and a coverage computation with 10x the facilities and with 50 m cells,
// each inside a transaction that is rolled back.
const coverageWork = (trx: Knex.Transaction) =>
  ms(() => trx.raw(`select sum(children), sum(supply_per_1000) from va_cell_coverage(array['kita'], '0-5', 500, 1.0, 'census')`));
async function scenario(label: string, change: (trx: Knex.Transaction) => Promise<unknown>) {
  await knex
    .transaction(async (trx) => {
      const changeMs = await ms(() => change(trx));
      const reachMs = await ms(() => refreshReach(trx, reachCategories));
      const [{ pieces, facilities }] = (await trx.raw('select (select count(*) from grid_cell)::int as pieces, (select count(*) from facility)::int as facilities')).rows;
      rows.push([`${label}: ${pieces} pieces, ${facilities} facilities: change`, changeMs, '']);
      rows.push([`${label}: nearest facility of ${reachCategories.length} categories for every piece`, reachMs, '']);
      rows.push([`${label}: cell coverage Kita 0-5 500 m with 2SFCA (uncached)`, await coverageWork(trx), '']);
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
}
await scenario('as imported', async () => {});
await scenario('10x facilities', async (trx) => {
  await trx.raw('select setseed(0.42)');
  await trx.raw(`insert into facility (key, name, category, geom, ubz_id, source_dataset, source_file, source_sha256, licence, attribution, properties)
    select f.key || ':copy' || n, f.name, f.category, ST_Translate(f.geom, (random() - 0.5) * 1000, (random() - 0.5) * 1000),
           f.ubz_id, f.source_dataset, f.source_file, f.source_sha256, f.licence, f.attribution, f.properties
      from facility f cross join generate_series(1, 9) as n`);
});
await scenario('50 m cells', async (trx) => {
  await trx.raw('select va_refresh_grid(50)');
  await refreshDemand(trx);
});

console.log(`\ndatabase: ${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'}; cold = first request after import and restart`);
console.log('what'.padEnd(92), 'atlas ms'.padStart(9), 'bare SQL ms'.padStart(12));
const fmt = (v: number | string) => (typeof v === 'number' ? v.toFixed(0) : v);
for (const [what, atlas, bare] of rows) console.log(what.padEnd(92), fmt(atlas).padStart(9), fmt(bare).padStart(12));
await app.stop();
await db.close();
