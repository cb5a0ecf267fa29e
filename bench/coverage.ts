// Prints how long the coverage engine takes on the configured database (embedded by default,
// DATABASE_URL for a server): the precomputation, the full coverage table of the 13 Aktionsräume
// for every child-related category, and one gap layer; each beside the bare SQL doing the same
// work. Run: GEODATA_DIR=../shared/geodata/dortmund npm run bench
import { performance } from 'node:perf_hooks';
import { readConfig } from '../api/src/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { createApp } from '../api/src/server.ts';
import { defaultThreshold, CELL_SIZE_METRES, type AgeBand } from '../geodata/coverageThresholds.ts';
import { refreshReach } from '../geodata/import/importStore.ts';
import { reachCategories, categories } from '../geodata/taxonomy.ts';

const config = readConfig();
const { db } = await prepareDatabase(config, () => {});
const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null });
const knex = db.knex;

async function time<T>(run: () => Promise<T>, label = ''): Promise<number> {
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  if (label) console.error(`  ${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

const bandOf = (key: string): AgeBand => {
  const c = categories.find((x) => x.key === key)!;
  return c.ageMin !== null && c.ageMin >= 6 ? '6-17' : c.ageMax !== null && c.ageMax <= 5 ? '0-5' : '0-17';
};
const targets = reachCategories.map((key) => ({ key, band: bandOf(key), threshold: defaultThreshold(key, bandOf(key))?.metres ?? 1000 }));
const enumBand = { '0-5': 'AGE_0_5', '6-17': 'AGE_6_17', '0-17': 'AGE_0_17' } as const;

const graphql = async (query: string) => {
  const r = await app.apollo.executeOperation({ query }, { contextValue: app.contextFor() });
  if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body));
};
const coverageQuery = (t: (typeof targets)[number]) =>
  `{ coverage(level: AKTIONSRAUM, target: { category: "${t.key}" }, ageBand: ${enumBand[t.band]}, thresholdMetres: ${t.threshold}) {
     areas { childrenWithin { value } shareWithin medianDistanceMetres supplyPer1000Children } city { shareWithin } } }`;
const bareCoverage = (t: (typeof targets)[number]) =>
  knex.raw(
    `select au.area_id, sum(c.children), sum(c.children) filter (where c.distance_m <= ?),
            percentile_disc(0.5) within group (order by c.distance_m), sum(c.children * c.supply_per_1000)
       from va_cell_coverage(?::text[], ?, ?, 1.0) c
       join area_ubz au on au.ubz_id = c.ubz_id
       join current_area a on a.id = au.area_id and a.level in ('aktionsraum', 'city')
      group by au.area_id`,
    [t.threshold, [t.key], t.band, t.threshold],
  );

const rows: [string, number, number][] = [];

const precompute = await time(() => refreshReach(knex, CELL_SIZE_METRES, reachCategories));
const barePrecompute = await time(async () => {
  await knex.raw('select va_refresh_grid(?)', [CELL_SIZE_METRES]);
  await knex.raw('select va_refresh_reach(?::text[])', [reachCategories]);
});
rows.push([`precompute reach: grid + nearest facility, ${reachCategories.length} categories`, precompute, barePrecompute]);

await knex.raw('delete from coverage_cache');
const cold = await time(async () => {
  for (const t of targets) await time(() => graphql(coverageQuery(t)), `cold ${t.key}`);
});
const warm = await time(async () => {
  for (const t of targets) await time(() => graphql(coverageQuery(t)), `warm ${t.key}`);
});
const bare = await time(async () => {
  for (const t of targets) await time(() => bareCoverage(t), `bare ${t.key}`);
});
rows.push([`coverage table, 13 Aktionsräume x ${targets.length} categories, first (fills the cache)`, cold, bare]);
rows.push([`coverage table, 13 Aktionsräume x ${targets.length} categories, cached`, warm, bare]);
rows.push(['coverage, one category (kita), cached', warm / targets.length, bare / targets.length]);

const gapQuery = '{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, limit: 50) { hotspots { rank children { value } geometry } } }';
const gapApi = await time(() => graphql(gapQuery));
const gapBare = await time(() =>
  knex.raw(`with gap as (
      select g.geom, g.ubz_id, c.children from va_cell_coverage(array['kita'], '0-5', 500, 1.0) c join grid_cell g on g.id = c.cell_id
       where c.children > 0 and (c.distance_m is null or c.distance_m > 500)),
    clustered as (select gap.*, ST_ClusterDBSCAN(gap.geom, 0, 1) over (partition by gap.ubz_id) as cluster from gap)
    select ubz_id, cluster, sum(children), ST_AsGeoJSON(ST_Transform(ST_Union(geom, 0.01), 4326), 5)
      from clustered group by ubz_id, cluster order by 3 desc limit 50`),
);
rows.push(['gap layer, kita 0-5, whole city, cached cells', gapApi, gapBare]);

console.log(`database: ${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'}`);
console.log('what'.padEnd(80), 'atlas ms'.padStart(10), 'bare SQL ms'.padStart(12), 'ratio'.padStart(7));
for (const [what, atlas, bareMs] of rows) {
  console.log(what.padEnd(80), atlas.toFixed(0).padStart(10), bareMs.toFixed(0).padStart(12), (atlas / bareMs).toFixed(2).padStart(7));
}
await app.stop();
await db.close();
