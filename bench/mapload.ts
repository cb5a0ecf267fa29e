// What the map loads for "where children live" (under 6s) at the city view: before, the whole grid
// as one GeoJSON answer of the API (childrenGrid.geojson); now, the vector tiles of the view
// (/tiles/kinder-0-5, zoom 10 and 11 over the city, fetched 6 at a time like a browser), beside
// bare SQL building the same GeoJSON. Median of 3 runs; bytes as sent (no compression).
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:mapload
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { performance } from 'node:perf_hooks';
import { readConfig } from '../config/config.ts';
import { startBenchServer } from './benchServer.ts';
import { childrenCells } from '../api/src/modules/coverage/coverageStore.ts';
import { CITY } from '../domain/city.ts';

const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The tiles of zoom z that cover the city (its bounds in domain/city.ts). */
function cityTiles(z: number) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const tiles: [number, number][] = [];
  const { west, south, east, north } = CITY.bounds;
  for (let tx = x(west); tx <= x(east); tx++) for (let ty = y(north); ty <= y(south); ty++) tiles.push([tx, ty]);
  return tiles;
}

async function main() {
  const bench = await startBenchServer(config);
  const { db } = bench;
  const base = `${bench.url}`;
  const runs = async (work: () => Promise<number>) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      bytes = await work();
      times.push(performance.now() - start);
    }
    return { ms: median(times), first: times[0], bytes };
  };
  const geojson = await runs(async () => {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ childrenGrid(ageBand: AGE_0_5) { cellCount geojson } }' }),
    });
    return (await r.arrayBuffer()).byteLength;
  });
  const tiles = async (z: number) =>
    runs(async () => {
      const queue = cityTiles(z);
      let bytes = 0;
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let t = queue.shift(); t; t = queue.shift()) {
            const size = (await (await fetch(`${base}/tiles/kinder-0-5/${z}/${t[0]}/${t[1]}.pbf`)).arrayBuffer()).byteLength;
            bytes += size;
          }
        }),
      );
      return bytes;
    });
  const z10 = await tiles(10);
  const z11 = await tiles(11);
  const bare = await runs(async () => JSON.stringify((await childrenCells(db.knex, { ageBand: '0-5', distribution: 'census', areaId: null })).geojson).length);
  await bench.stop();
  const kb = (b: number) => `${Math.round(b / 1024).toLocaleString('en')} KB`;
  console.log(`\nThe map's children layer (under 6) at the city view on the ${kind}, median of 3:`);
  const row = (label: string, r: { bytes: number; first: number; ms: number }) =>
    console.log(`  ${label.padEnd(50)} ${kb(r.bytes).padStart(9)}   first ${Math.round(r.first).toString().padStart(5)} ms   median ${Math.round(r.ms).toString().padStart(5)} ms`);
  row('before: childrenGrid GeoJSON over GraphQL', geojson);
  row(`now: vector tiles, zoom 10 (${cityTiles(10).length} tiles)`, z10);
  row(`now: vector tiles, zoom 11 (${cityTiles(11).length} tiles)`, z11);
  row('bare SQL: the same GeoJSON built in the database', bare);
  console.log('  (tiles of areas and children are kept in memory until the next import: the first fetch cuts them)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
