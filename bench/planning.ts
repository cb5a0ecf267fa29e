// What planning costs: a scenario with a few changes evaluated against the baseline (every
// Sozialraum, the 13 Aktionsräume, the city, the difference layer and equity before and after),
// the site suggestions for one Aktionsraum and for the city, and equity alone; each beside bare
// SQL: the full cell coverage computed anew (what an evaluation without the cache and the local
// update would cost) and reading the cached cells. Nothing is written.
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:planning
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { performance } from 'node:perf_hooks';
import { readConfig } from '../config/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { createApp } from '../api/src/server.ts';
import { cacheKey } from '../geodata/coverageCache.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const KITA = { categories: ['kita'], ageBand: '0-5' as const, threshold: 500, detour: 1, distribution: 'census' as const };

async function main() {
  const { db } = await prepareDatabase(config, () => {});
  const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null });
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor() });
    if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body));
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields it asked for
    return r.body.singleResult.data as any;
  };
  const time = async (run: () => Promise<unknown>) => {
    const values: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      values.push(performance.now() - start);
    }
    return median(values);
  };
  const SITES = `query($area: AreaRef) { siteSuggestions(category: "kita", ageBand: AGE_0_5, area: $area, count: 3, weightByNeed: true) {
    suggestions { location { longitude latitude } childrenGained { value } } } }`;
  const borsigplatz = { level: 'AKTIONSRAUM', code: '023' };
  // Warm the cache of the default Kita target (as the dashboard does on its first answer).
  const first = (await graphql(SITES, { area: borsigplatz })).siteSuggestions.suggestions;
  const [closed, resized] = (await db.knex.raw("select key from facility where category = 'kita' order by key limit 2")).rows;
  const changes = [
    { kind: 'ADD', category: 'kita', capacity: 60, location: first[0].location },
    { kind: 'CLOSE', facilityKey: closed.key },
    { kind: 'CAPACITY', facilityKey: resized.key, capacity: 100 },
  ];
  const EFFECT = `query($changes: [ScenarioChangeInput!]!) { scenarioEffect(changes: $changes, target: { category: "kita" }, ageBand: AGE_0_5) {
    city { newlyWithin { value } } aktionsraeume { area { code } newlyWithin { value } newlyBeyond { value } rankBefore rankAfter } areas { area { code } rankAfter }
    difference { cellsGaining geojson } equity { before { giniSupply } after { giniSupply } } } }`;
  const effect = await time(() => graphql(EFFECT, { changes }));
  const sitesArea = await time(() => graphql(SITES, { area: borsigplatz }));
  const sitesCity = await time(() => graphql(SITES, {}));
  const equity = await time(() => graphql('{ equity(target: { category: "kita" }, ageBand: AGE_0_5) { equity { giniSupply palmaRatio } } }'));
  const bareFull = await time(() => db.knex.raw("select count(*), sum(supply_per_1000) from va_cell_coverage(array['kita'], '0-5', 500, 1.0, 'census')"));
  const bareRead = await time(() => db.knex.raw('select cell_id, ubz_id, children, distance_m, supply_per_1000 from coverage_cell_cache where key = ?', [cacheKey(KITA)]));
  const gained = (await graphql(EFFECT, { changes })).scenarioEffect.aktionsraeume.find((a: { area: { code: string } }) => a.area.code === '023');
  await app.stop();
  await db.close();
  const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);
  console.log(`\nPlanning on the ${kind}, median of ${RUNS} runs (Kita, 0-5, 500 m):`);
  console.log(`  scenarioEffect, 3 changes (add, close, capacity), 39 Sozialräume + 13 Aktionsräume + city, difference, equity : ${ms(effect)}`);
  console.log(`  siteSuggestions, Borsigplatz, 3 sites, weighted by need                                                  : ${ms(sitesArea)}`);
  console.log(`  siteSuggestions, whole city, 3 sites, weighted by need                                                   : ${ms(sitesCity)}`);
  console.log(`  equity (no scenario)                                                                                       : ${ms(equity)}`);
  console.log(`  bare SQL: the full cell coverage computed anew (va_cell_coverage)                                          : ${ms(bareFull)}`);
  console.log(`  bare SQL: reading the cached cells                                                                         : ${ms(bareRead)}`);
  console.log(
    `  (Borsigplatz: +${gained.newlyWithin.value} / -${gained.newlyBeyond.value} children within 500 m; rank among the 13 ${gained.rankBefore} -> ${gained.rankAfter}, 1 = most urgent)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
