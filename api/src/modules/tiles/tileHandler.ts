// Vector tiles (Mapbox Vector Tile 2.1) of the tile sets at /tiles/<set>/<z>/<x>/<y>.pbf, with a
// TileJSON 3.0 document per set at /tiles/<set>.json. On a PostgreSQL server PostGIS cuts them
// (ST_AsMVT); the embedded database (PGlite has no protobuf support) gives the same rows as
// GeoJSON, which geojson-vt cuts and vt-pbf encodes: the same SQL either way.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Knex } from 'knex';
import type { CorsOrigins } from '../../../../config/config.ts';
import { isCoverageCached } from '../../../../geodata/coverageCache.ts';
import { corsHeaders, answerPreflight } from '../../cors.ts';
import { type Gate, isBusy } from '../../analysisGate.ts';
import { type OriginOptions, publicBaseOf } from '../../requestOrigin.ts';
import { ensureCoverage } from '../coverage/coverageStore.ts';
import { tileSetById, tileSets, type TileLayer, type TileSet } from './tileSets.ts';
import { toStorage } from '../../../../db/geometrySql.ts';
import { CITY } from '../../../../domain/city.ts';

const EXTENT = 4096;
const BUFFER = 64;

/** Whether this database cuts tiles itself (ST_AsMVT works); asked once per database. */
const mvtSupport = new WeakMap<Knex, Promise<boolean>>();
function supportsMvt(db: Knex): Promise<boolean> {
  let known = mvtSupport.get(db);
  if (!known) {
    known = db
      .raw("select length(ST_AsMVT(t)) >= 0 as ok from (select 1 as a, ST_AsMVTGeom(ST_MakePoint(0, 0), ST_MakeEnvelope(-1, -1, 1, 1)) as geom) t")
      .then(() => true)
      .catch(() => false);
    mvtSupport.set(db, known);
  }
  return known;
}

/** The tile's area in the storage CRS with a margin, for the index (&&). */
const envelope = (z: number, x: number, y: number) => toStorage(`ST_TileEnvelope(${z}, ${x}, ${y}, margin => ${BUFFER / EXTENT})`);

async function layerMvt(db: Knex, layer: TileLayer, z: number, x: number, y: number): Promise<Buffer> {
  const result = await db.raw(
    /* tiles.mvt */ `
    select ST_AsMVT(t, ?, ${EXTENT}, 'geom') as tile from (
      select ${Object.keys(layer.fields).map((f) => `l.${f}`).join(', ')},
             ST_AsMVTGeom(ST_Transform(l.geom, 3857), ST_TileEnvelope(${z}, ${x}, ${y}), ${EXTENT}, ${BUFFER}, true) as geom
        from (${layer.sql}) l where l.geom && ${envelope(z, x, y)}
    ) t where t.geom is not null`,
    [layer.id, ...layer.bindings] as never,
  );
  return result.rows[0]?.tile ?? Buffer.alloc(0);
}

async function layerGeoJson(db: Knex, layer: TileLayer, z: number, x: number, y: number) {
  const result = await db.raw(
    /* tiles.geojson */ `
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
             'type', 'Feature', 'properties', to_jsonb(l) - 'geom', 'geometry', ST_AsGeoJSON(ST_Transform(l.geom, 4326), 7)::json)), '[]'::json)) as fc
      from (${layer.sql}) l where l.geom && ${envelope(z, x, y)}`,
    layer.bindings as never,
  );
  return result.rows[0].fc as GeoJSON.FeatureCollection;
}

/** Tiles of the sets that change only with an import, kept per data version (at most 64 MB, oldest out first). */
const kept = new Map<string, Buffer>();
let keptBytes = 0;
const KEEP_BYTES = 64 * 1024 * 1024;

/** Changes with every import and every recomputation of the default coverage (new children counts). */
async function dataVersion(db: Knex): Promise<string> {
  const result = await db.raw(
    /* tiles.version */ "select concat((select max(id) from import_run), '|', (select max(created_at) from coverage_cache where pinned)) as version",
  );
  return result.rows[0].version;
}

async function keptTileOf(db: Knex, set: TileSet, z: number, x: number, y: number): Promise<Buffer> {
  if (!set.keep) return tileOf(db, set, z, x, y);
  const key = `${await dataVersion(db)}|${set.id}|${z}/${x}/${y}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const tile = await tileOf(db, set, z, x, y);
  kept.set(key, tile);
  keptBytes += tile.length;
  for (const [old, value] of kept) {
    if (keptBytes <= KEEP_BYTES) break;
    kept.delete(old);
    keptBytes -= value.length;
  }
  return tile;
}

/** One tile of a set: its layers cut and encoded (empty layers left out). The coverage it shows must be cached. */
export async function tileOf(db: Knex, set: TileSet, z: number, x: number, y: number): Promise<Buffer> {
  if (await supportsMvt(db)) return Buffer.concat(await Promise.all(set.layers.map((l) => layerMvt(db, l, z, x, y))));
  const tiles: Record<string, ReturnType<typeof geoJSONToTile>> = {};
  for (const layer of set.layers) {
    const tile = geoJSONToTile(await layerGeoJson(db, layer, z, x, y), z, x, y, { extent: EXTENT, buffer: BUFFER, clip: true, maxZoom: z });
    if (tile && tile.features.length > 0) tiles[layer.id] = tile;
  }
  return Object.keys(tiles).length ? Buffer.from(fromGeojsonVt(tiles, { version: 2, extent: EXTENT })) : Buffer.alloc(0);
}

function tileJson(base: string, set: TileSet) {
  return {
    tilejson: '3.0.0',
    name: set.id,
    description: set.description,
    attribution: `${CITY.officialName.de} (dl-de/zero-2.0); Statistisches Bundesamt (Destatis), Zensus 2011 (dl-de/by-2-0); numbers of children: estimates of the Versorgungsatlas`,
    tiles: [`${base}/tiles/${set.id}/{z}/{x}/{y}.pbf`],
    minzoom: set.minzoom,
    maxzoom: set.maxzoom,
    bounds: [7.3, 51.41, 7.64, 51.6],
    vector_layers: set.layers.map((l) => ({ id: l.id, fields: l.fields, minzoom: set.minzoom, maxzoom: set.maxzoom })),
  };
}

export type TileOptions = { cors: CorsOrigins; gate: Gate; origin: OriginOptions };

/**
 * The coverage a set shows, computed first if it is not cached: that is an analysis and passes the
 * same gate as GraphQL's; cutting a tile is a cheap request.
 */
async function gatedTile(db: Knex, gate: Gate, set: TileSet, z: number, x: number, y: number): Promise<Buffer> {
  for (const layer of set.layers) {
    const coverage = layer.coverage;
    if (coverage && !(await isCoverageCached(db, coverage))) await gate.run(true, () => ensureCoverage(db, coverage));
  }
  return gate.run(false, () => keptTileOf(db, set, z, x, y));
}

const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, cors: CorsOrigins) => {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const corsPart = corsHeaders(cors, req, ['ETag']);
  const vary = [corsPart.vary, headers.vary].filter(Boolean).join(', ');
  const all = { ...corsPart, etag, 'cache-control': 'public, max-age=60, must-revalidate', ...headers, ...(vary ? { vary } : {}) };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, all).end();
    return;
  }
  res.writeHead(status, all).end(req.method === 'HEAD' ? undefined : body);
};

const CODES: Record<number, string> = { 400: 'InvalidParameterValue', 404: 'NotFound', 405: 'MethodNotAllowed', 503: 'ServiceUnavailable' };

/** Answers /tiles, /tiles/<set>.json and /tiles/<set>/<z>/<x>/<y>.pbf. */
export async function handleTiles(db: Knex, req: IncomingMessage, res: ServerResponse, url: URL, options: TileOptions) {
  const fail = (status: number, message: string) =>
    res
      .writeHead(status, { 'content-type': 'application/json', ...corsHeaders(options.cors, req), ...(status === 503 ? { 'retry-after': '5' } : {}) })
      .end(JSON.stringify({ code: CODES[status] ?? 'ServerError', description: message }));
  if (req.method === 'OPTIONS') return answerPreflight(options.cors, req, res, ['GET', 'HEAD'], ['Accept', 'If-None-Match']);
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Tiles are read-only: GET only.');
  const origin = publicBaseOf(req, options.origin);
  if (!origin) return fail(400, 'the Host header is not a host name (set PUBLIC_URL when the atlas is reached under another name)');
  const base = origin.base;
  // The documents link to tiles under the base: they depend on a trusted proxy's forwarded headers.
  const documentHeaders = { 'content-type': 'application/json', ...(origin.vary.length ? { vary: origin.vary.join(', ') } : {}) };
  if (url.pathname === '/tiles' || url.pathname === '/tiles/') {
    return send(req, res, 200, documentHeaders, JSON.stringify({ tilesets: tileSets.map((s) => ({ id: s.id, description: s.description, tilejson: `${base}/tiles/${s.id}.json` })) }), options.cors);
  }
  const doc = /^\/tiles\/([^/]+)\.json$/.exec(url.pathname);
  if (doc) {
    const set = tileSetById.get(doc[1]);
    if (!set) return fail(404, `there is no tile set "${doc[1]}"; see ${base}/tiles`);
    return send(req, res, 200, documentHeaders, JSON.stringify(tileJson(base, set)), options.cors);
  }
  const tile = /^\/tiles\/([^/]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/.exec(url.pathname);
  if (!tile) return fail(404, `not found: ${url.pathname}; tiles are at /tiles/<set>/<z>/<x>/<y>.pbf`);
  const set = tileSetById.get(tile[1]);
  if (!set) return fail(404, `there is no tile set "${tile[1]}"; see ${base}/tiles`);
  const [z, x, y] = [Number(tile[2]), Number(tile[3]), Number(tile[4])];
  if (z < set.minzoom || z > set.maxzoom) return fail(400, `zoom ${z} is outside ${set.minzoom} to ${set.maxzoom} for the tile set "${set.id}"`);
  if (x >= 2 ** z || y >= 2 ** z) return fail(400, `tile ${x}/${y} does not exist at zoom ${z} (0 to ${2 ** z - 1})`);
  try {
    const body = await gatedTile(db, options.gate, set, z, x, y);
    send(req, res, 200, { 'content-type': 'application/vnd.mapbox-vector-tile' }, body, options.cors);
  } catch (error) {
    if (isBusy(error)) return fail(503, (error as Error).message);
    console.error('tile error:', error);
    fail(500, 'Internal server error');
  }
}
