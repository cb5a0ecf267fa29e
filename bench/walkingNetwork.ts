// What the walking network costs, beside the straight-line model in the same run: a synthetic
// network the size of Dortmund's (a jittered street grid over the city's box, about 200,000 edges,
// with a river across it and five bridges) read from a GeoJSON file, written, and the reach of every
// default target computed on it; a scenario with three changes and the partner search, each with and
// without the network; and how the cost grows with the network's size (in memory). The straight
// state is restored at the end (the network removed, the reach and the pinned coverage recomputed).
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:network
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import proj4 from 'proj4';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { createApp } from '../api/src/server.ts';
import { readConfig } from '../config/config.ts';
import { precomputeCoverage } from '../geodata/coverageCache.ts';
import { CITY } from '../domain/city.ts';
import { defaultCoverageSets } from '../domain/coverageRules.ts';
import { reachCategories, targetCategories } from '../domain/taxonomy.ts';
import { refreshReach } from '../geodata/import/refreshReach.ts';
import { networkReach, snapAll } from '../geodata/network/networkReach.ts';
import { clearNetwork, replaceNetwork, rememberGraph, networkInUse } from '../geodata/network/networkStore.ts';
import { readNetworkFile } from '../geodata/network/readNetworkFile.ts';
import { edgesOf, WalkGraph } from '../geodata/network/walkGraph.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toLonLat = proj4(UTM32, 'EPSG:4326');
const toUtm = proj4('EPSG:4326', UTM32);

/** A jittered street grid over the city's box with spacing `s` metres; a river along the middle crossed by five bridges. */
function syntheticStreets(s: number): [number, number][][] {
  const [x0, y0] = toUtm.forward([CITY.bounds.west, CITY.bounds.south]);
  const [x1, y1] = toUtm.forward([CITY.bounds.east, CITY.bounds.north]);
  const nx = Math.floor((x1 - x0) / s);
  const ny = Math.floor((y1 - y0) / s);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  const node: [number, number][][] = [];
  for (let i = 0; i <= nx; i++) {
    node.push([]);
    for (let j = 0; j <= ny; j++) node[i].push(toLonLat.forward([x0 + i * s + random() * s * 0.3, y0 + j * s + random() * s * 0.3]) as [number, number]);
  }
  const river = Math.floor(ny / 2);
  const bridges = new Set([1, 2, 3, 4, 5].map((k) => Math.floor((k * nx) / 6)));
  const lines: [number, number][][] = [];
  for (let i = 0; i <= nx; i++) {
    for (let j = 0; j <= ny; j++) {
      if (i < nx) lines.push([node[i][j], node[i + 1][j]]);
      if (j < ny && (j !== river || bridges.has(i))) lines.push([node[i][j], node[i][j + 1]]);
    }
  }
  return lines;
}

async function writeStreets(s: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-network-'));
  const file = path.join(dir, `grid-${s}m.geojson`);
  const features = syntheticStreets(s).map((coordinates) => ({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates } }));
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

async function main() {
  const { db } = await prepareDatabase(config, () => {});
  const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null });
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor() });
    if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body));
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields it asked for
    return r.body.singleResult.data as any;
  };
  const time = async (run: () => Promise<unknown>, runs = RUNS) => {
    const values: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      values.push(performance.now() - start);
    }
    return median(values);
  };
  const once = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const value = await run();
    return [value, performance.now() - start];
  };
  if (await networkInUse(db.knex)) throw new Error('a walking network is in use: the bench measures on a database without one');
  const [closed, resized, added] = (await db.knex.raw("select key, ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat from facility where category = 'kita' order by key limit 3")).rows;
  const changes = [
    { kind: 'ADD', category: 'kita', capacity: 60, location: { longitude: added.lon + 0.004, latitude: added.lat } },
    { kind: 'CLOSE', facilityKey: closed.key },
    { kind: 'MOVE', facilityKey: resized.key, location: { longitude: resized.lon + 0.003, latitude: resized.lat + 0.002 } },
  ];
  const EFFECT = `query($changes: [ScenarioChangeInput!]!) { scenarioEffect(changes: $changes, target: { category: "kita" }, ageBand: AGE_0_5) {
    city { newlyWithin { value } } aktionsraeume { area { code } newlyWithin { value } } difference { cellsGaining } } }`;
  const NEAR = `query($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 800, limit: 500) { items { distanceMetres walkingMinutes facility { key } } } }`;
  const nordmarkt = { longitude: 7.4553, latitude: 51.5236 };
  await graphql(EFFECT, { changes }); // the baseline cache of the Kita target
  const sets = defaultCoverageSets(targetCategories);
  const precompute = async () => {
    await db.knex.raw('delete from coverage_cache');
    return (await once(() => precomputeCoverage(db.knex, sets)))[1];
  };
  const straight = {
    reach: (await once(() => db.knex.transaction((trx) => refreshReach(trx, reachCategories))))[1],
    precompute: await precompute(),
    effect: await time(() => graphql(EFFECT, { changes })),
    near: await time(() => graphql(NEAR, { p: nordmarkt }), RUNS * 4),
  };
  const bare = await time(() => db.knex.raw("select count(*) from facility f where ST_DWithin(f.geom, ST_Transform(ST_SetSRID(ST_MakePoint(7.4553, 51.5236), 4326), 25832), 800)"), RUNS * 4);

  const file = await writeStreets(70);
  const [network, readMs] = await once(() => readNetworkFile(file));
  const [graph, buildMs] = await once(async () => {
    const { edges, nodeCount } = edgesOf(network.lines);
    return new WalkGraph(edges, nodeCount);
  });
  const [, writeMs] = await once(() =>
    db.knex.transaction(async (trx) => {
      await replaceNetwork(trx, network, graph.edges, { licence: 'synthetic', attribution: 'synthetic' });
      rememberGraph((await networkInUse(trx))!, graph);
    }),
  );
  const [, reachMs] = await once(() => db.knex.transaction((trx) => refreshReach(trx, reachCategories)));
  // The default targets' coverage (distances and the 2SFCA with catchments on the network), as the import pins it.
  const precomputeMs = await precompute();
  await db.knex.raw('delete from coverage_cache');
  await graphql(EFFECT, { changes }); // the baseline cache on the network
  const onNetwork = {
    effect: await time(() => graphql(EFFECT, { changes })),
    near: await time(() => graphql(NEAR, { p: nordmarkt }), RUNS * 4),
  };

  // Growth, in memory: the graph built and the reach of every category from every grid piece.
  const pieces = (await db.knex.raw('select id, ST_X(point) as x, ST_Y(point) as y from grid_cell order by id')).rows;
  const facilitiesOf = new Map<string, { id: number; x: number; y: number }[]>();
  for (const c of reachCategories) facilitiesOf.set(c, (await db.knex.raw('select id, ST_X(geom) as x, ST_Y(geom) as y from facility where category = ?', [c])).rows);
  const growth: string[] = [];
  for (const s of [200, 140, 100, 70]) {
    const lines = (await readNetworkFile(await writeStreets(s))).lines;
    const [g, build] = await once(async () => {
      const { edges, nodeCount } = edgesOf(lines);
      return new WalkGraph(edges, nodeCount);
    });
    const [, reach] = await once(async () => {
      const snaps = snapAll(g, pieces);
      for (const c of reachCategories) networkReach(g, pieces, snaps, facilitiesOf.get(c)!);
    });
    growth.push(`  ${String(s).padStart(4)} m grid: ${String(g.edges.length).padStart(7)} edges  build ${String(Math.round(build)).padStart(5)} ms  reach of ${reachCategories.length} categories from ${pieces.length} pieces ${String(Math.round(reach)).padStart(5)} ms`);
  }

  // Back to straight lines, as the atlas was.
  await db.knex.transaction(async (trx) => {
    await clearNetwork(trx);
    await refreshReach(trx, reachCategories);
    await trx.raw('delete from coverage_cache');
  });
  await precomputeCoverage(db.knex, defaultCoverageSets(targetCategories));
  await app.stop();
  await db.close();

  const ms = (v: number) => `${Math.round(v)} ms`.padStart(9);
  console.log(`\nWalking network on the ${kind} (median of ${RUNS} runs where repeated):`);
  console.log(`  network: ${graph.edges.length} edges, ${(graph.totalMetres / 1000).toFixed(0)} km (70 m jittered grid over the city's box, a river with 5 bridges)`);
  console.log(`  read the GeoJSON (${(network.bytes / 1e6).toFixed(0)} MB)                 : ${ms(readMs)}`);
  console.log(`  build the graph                                 : ${ms(buildMs)}`);
  console.log(`  write it (walk_edge)                            : ${ms(writeMs)}`);
  console.log(`  reach of ${reachCategories.length} categories, on the network           : ${ms(reachMs)}   straight line: ${ms(straight.reach)}`);
  console.log(`  coverage of the ${sets.length} default targets (cache)    : ${ms(precomputeMs)}   straight line: ${ms(straight.precompute)}`);
  console.log(`  import + reach in all (read, build, write, reach, default targets): ${ms(readMs + buildMs + writeMs + reachMs + precomputeMs)}   target: under 60 s embedded`);
  console.log(`  scenarioEffect, 3 changes (add, close, move)    : ${ms(onNetwork.effect)}   straight line: ${ms(straight.effect)}   target: under 1 s on the server`);
  console.log(`  facilitiesNear, 800 m, Nordmarkt                : ${ms(onNetwork.near)}   straight line: ${ms(straight.near)}   (${(onNetwork.near / straight.near).toFixed(2)} x; target 1.5 x)   bare SQL: ${ms(bare)}`);
  console.log('How the cost grows with the network (in memory, no database):');
  for (const line of growth) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
