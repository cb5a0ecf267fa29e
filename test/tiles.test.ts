// Vector tiles on the real data, decoded with a maintained MVT reader (@mapbox/vector-tile): the
// areas, facilities, children and gaps of a tile in the Nordstadt are those the database holds
// there; TileJSON, bad requests and ETags. On the embedded database geojson-vt cuts the tiles, on
// a server ST_AsMVT: the suite runs on both.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { openTestDatabase } from './harness/database.ts';
import { startHttpServer } from './harness/httpServer.ts';
import { toStorage } from '../db/geometrySql.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startHttpServer>>;
const rows = async (sql: string, bindings: unknown[] = []) => (await db.knex.raw(sql, bindings as never)).rows;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startHttpServer(db.knex);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

// The zoom 14 tile over Borsigplatz and the Nordmarkt.
const TILE = { z: 14, x: 8532, y: 5446 };
const tilePath = (set: string, t = TILE) => `/tiles/${set}/${t.z}/${t.x}/${t.y}.pbf`;

async function decode(set: string) {
  const response = await fetch(`${server.url}${tilePath(set)}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  const features = (layer: string) => {
    const l = tile.layers[layer];
    return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
  };
  return { tile, features };
}

/** Rows of a layer's SQL inside the tile (strictly, or with the 64/4096 buffer). */
const inTile = (sql: string, buffered = false) =>
  `select * from (${sql}) l where ST_Intersects(l.geom, ${toStorage(`ST_TileEnvelope(${TILE.z}, ${TILE.x}, ${TILE.y}${buffered ? ', margin => 0.02' : ''})`)})`;

describe('vector tiles', () => {
  it('cut the areas: the Aktionsräume, Stadtbezirke and sub-districts the tile touches', async () => {
    const { features } = await decode('gebiete');
    const codes = (layer: string) => features(layer).map((f) => f.properties.code).sort();
    expect(codes('aktionsraeume')).toEqual((await rows(inTile("select code, geom from current_area where level = 'aktionsraum'"))).map((r: any) => r.code).sort());
    expect(codes('aktionsraeume')).toEqual(expect.arrayContaining(['022', '023']));
    expect(codes('unterbezirke')).toEqual((await rows(inTile("select code, geom from current_area where level = 'ubz'"))).map((r: any) => r.code).sort());
    expect(features('aktionsraeume').find((f) => f.properties.code === '023')!.properties.name).toBe('Borsigplatz');
  });

  it('carry every facility inside the tile, at its place', async () => {
    const { features } = await decode('einrichtungen');
    const keys = new Set(features('einrichtungen').map((f) => String(f.properties.key)));
    const inside = await rows(inTile('select key, geom from facility'));
    const buffered = new Set((await rows(inTile('select key, geom from facility', true))).map((r: any) => r.key));
    expect(inside.length).toBeGreaterThan(10);
    for (const r of inside) expect(keys).toContain(r.key);
    for (const key of keys) expect(buffered).toContain(key);
    const [kita] = await rows(inTile("select key, ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat, geom from facility where category = 'kita'"));
    const decoded = features('einrichtungen').find((f) => f.properties.key === kita.key)!.toGeoJSON(TILE.x, TILE.y, TILE.z);
    const [lon, lat] = (decoded.geometry as GeoJSON.Point).coordinates;
    // One tile unit at zoom 14 is under 1 m.
    expect(Math.abs(lon - kita.lon)).toBeLessThan(2e-5);
    expect(Math.abs(lat - kita.lat)).toBeLessThan(2e-5);
  });

  it('carry where children live and the gaps of a default target', async () => {
    const children = (await decode('kinder-0-5')).features('kinder');
    expect(children.length).toBeGreaterThan(20);
    expect(children.every((f) => typeof f.properties.unterbezirk === 'string')).toBe(true);
    // Spielplatz for under-6s (200 m): gaps in the dense Nordstadt, each beyond the threshold.
    const gaps = (await decode('luecken-spielplatz-0-5')).features('luecken');
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g.properties.distance_m === undefined || Number(g.properties.distance_m) > 200).toBe(true);
    // Without a walking network every distance is a straight line.
    expect(gaps.every((g) => g.properties.on_network === false)).toBe(true);
  });

  it('are described by TileJSON; bad requests get a clear 400 or 404; unchanged tiles a 304', async () => {
    const doc = await (await fetch(`${server.url}/tiles/einrichtungen.json`)).json();
    expect(doc).toMatchObject({ tilejson: '3.0.0', minzoom: 8, maxzoom: 18, vector_layers: [{ id: 'einrichtungen' }] });
    expect(doc.tiles[0]).toBe(`${server.url}/tiles/einrichtungen/{z}/{x}/{y}.pbf`);
    const list = await (await fetch(`${server.url}/tiles`)).json();
    expect(list.tilesets.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['gebiete', 'einrichtungen', 'kinder-0-5', 'luecken-kita-0-5']));
    const tooFar = await fetch(`${server.url}/tiles/einrichtungen/3/1/1.pbf`);
    expect(tooFar.status).toBe(400);
    expect((await tooFar.json()).description).toMatch(/zoom 3 is outside 8 to 18/);
    expect((await fetch(`${server.url}/tiles/einrichtungen/10/2000/1.pbf`)).status).toBe(400);
    expect((await fetch(`${server.url}/tiles/nirgends/10/1/1.pbf`)).status).toBe(404);
    const first = await fetch(`${server.url}${tilePath('einrichtungen')}`);
    const again = await fetch(`${server.url}${tilePath('einrichtungen')}`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
