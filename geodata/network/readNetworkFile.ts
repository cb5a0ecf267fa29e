// Reads the walking network the user supplies (STREET_NETWORK): an OpenStreetMap extract
// (.osm.pbf, read as a stream: a Regierungsbezirk's extract is hundreds of MB) or a GeoJSON of
// street lines (LineString/MultiLineString, WGS84, or ETRS89 / UTM 32N when its `crs` says so).
// Only what lies in the city's box plus a border band is kept, and of an OSM extract only the
// walkable ways (walkableRules.ts); coordinates come out in the storage CRS.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import proj4 from 'proj4';
import { CITY, STORAGE_SRID } from '../../domain/city.ts';
import { NETWORK_RULES } from '../../domain/distance.ts';
import { ImportError } from '../import/importError.ts';
import type { WayLine } from './walkGraph.ts';
import { isWalkable } from './walkableRules.ts';

const require = createRequire(import.meta.url);
const parseOsm = require('osm-pbf-parser') as () => NodeJS.ReadWriteStream;

/** ETRS89 / UTM zone 32N, the storage CRS (EPSG:25832). */
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toStorage = proj4('EPSG:4326', UTM32);
if (STORAGE_SRID !== 25832) throw new Error('readNetworkFile.ts projects to EPSG:25832 only');

export type NetworkFile = {
  path: string;
  format: 'osm.pbf' | 'geojson';
  sha256: string;
  bytes: number;
  /** The newest timestamp of the OSM objects read (the data's date), or null. */
  dataDate: string | null;
  lines: WayLine[];
  /** Ways read and ways kept as walkable. */
  waysRead: number;
};

/** The city's box in longitude/latitude widened by the border band. */
function keptBox() {
  const b = CITY.bounds;
  const dLat = NETWORK_RULES.borderMetres / 111_320;
  const dLon = NETWORK_RULES.borderMetres / (111_320 * Math.cos((((b.south + b.north) / 2) * Math.PI) / 180));
  return { west: b.west - dLon, east: b.east + dLon, south: b.south - dLat, north: b.north + dLat };
}

const fail = (file: string, message: string): never => {
  throw new ImportError([{ file, message }], 'Walking network not imported; the previous data is unchanged.');
};

export async function readNetworkFile(file: string): Promise<NetworkFile> {
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -2);
  if (size === -2) fail(file, 'STREET_NETWORK names a file that does not exist');
  if (size === -1) fail(file, 'STREET_NETWORK must name a file, not a folder');
  if (size === 0) fail(file, 'the file is empty');
  const name = path.basename(file).toLowerCase();
  const format = name.endsWith('.pbf') ? 'osm.pbf' : name.endsWith('.geojson') || name.endsWith('.json') ? 'geojson' : null;
  if (!format) fail(file, 'STREET_NETWORK must be an OpenStreetMap extract (.osm.pbf) or a GeoJSON of street lines (.geojson)');
  const read = format === 'osm.pbf' ? await readPbf(file) : await readGeoJson(file);
  if (read.lines.length === 0) {
    fail(file, `no walkable ways within ${CITY.name} and ${NETWORK_RULES.borderMetres} m around it (${read.waysRead} ways read): an extract of another region?`);
  }
  return { path: file, format: format!, bytes: size, ...read };
}

type Read = Pick<NetworkFile, 'sha256' | 'dataDate' | 'lines' | 'waysRead'>;

/**
 * An OSM PBF file is a chain of blocks, each a 4-byte length, a header (its type, OSMHeader first,
 * and the size of its data) and the data. Walking the chain (headers only) tells a damaged or cut
 * file from a whole one before anything is read: the parser itself stops quietly at a cut.
 */
async function checkPbfBlocks(file: string, size: number) {
  const handle = await open(file, 'r');
  try {
    let pos = 0;
    let blocks = 0;
    const head = Buffer.alloc(4);
    while (pos < size) {
      if ((await handle.read(head, 0, 4, pos)).bytesRead < 4) break;
      const length = head.readUInt32BE(0);
      if (length < 2 || length > 64 * 1024) break;
      const header = Buffer.alloc(length);
      if ((await handle.read(header, 0, length, pos + 4)).bytesRead < length) break;
      const { type, dataSize } = blobHeader(header);
      if (blocks === 0 && type !== 'OSMHeader') fail(file, 'not an OpenStreetMap PBF file (it does not begin with an OSMHeader block)');
      if (dataSize === null) break;
      pos += 4 + length + dataSize;
      blocks++;
    }
    if (blocks === 0) fail(file, 'not an OpenStreetMap PBF file (it does not begin with an OSMHeader block)');
    if (pos !== size) fail(file, `the PBF file is cut or damaged: its blocks need ${pos} bytes, the file has ${size}`);
  } finally {
    await handle.close();
  }
}

/** The two fields of a PBF BlobHeader the check needs (protocol buffers: 1 = type, 3 = datasize). */
function blobHeader(b: Buffer): { type: string | null; dataSize: number | null } {
  let i = 0;
  let type: string | null = null;
  let dataSize: number | null = null;
  const varint = () => {
    let value = 0;
    for (let shift = 0; i < b.length && shift < 35; shift += 7) {
      const byte = b[i++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return -1;
  };
  while (i < b.length) {
    const key = varint();
    if (key < 0) break;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const v = varint();
      if (field === 3) dataSize = v < 0 ? null : v;
    } else if (wire === 2) {
      const n = varint();
      if (n < 0 || i + n > b.length) break;
      if (field === 1) type = b.subarray(i, i + n).toString('latin1');
      i += n;
    } else break;
  }
  return { type, dataSize };
}

async function readPbf(file: string): Promise<Read> {
  await checkPbfBlocks(file, (await stat(file)).size);
  const box = keptBox();
  const hash = createHash('sha256');
  // Node positions inside the box, by id (a city's extract has millions of nodes: typed arrays).
  const index = new Map<number, number>();
  let xs: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  let ys: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  let refs: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  let refCount = 0;
  const ways: { id: number; highway: string; start: number; end: number }[] = [];
  let waysRead = 0;
  let newest = 0;
  await new Promise<void>((resolve, reject) => {
    const source = createReadStream(file);
    source.on('data', (chunk) => hash.update(chunk));
    source.on('error', reject);
    const parser = parseOsm();
    parser.on('error', (e: Error) => reject(new ImportError([{ file, message: `the PBF file is damaged: ${e.message}` }], 'Walking network not imported; the previous data is unchanged.')));
    parser.on('end', resolve);
    parser.on('data', (items: OsmItem[]) => {
      for (const item of items) {
        if (item.info?.timestamp && item.info.timestamp > newest) newest = item.info.timestamp;
        if (item.type === 'node') {
          if (item.lon < box.west || item.lon > box.east || item.lat < box.south || item.lat > box.north) continue;
          const i = index.size;
          if (i === xs.length) {
            xs = grow(xs);
            ys = grow(ys);
          }
          const [x, y] = toStorage.forward([item.lon, item.lat]);
          xs[i] = x;
          ys[i] = y;
          index.set(item.id, i);
        } else if (item.type === 'way') {
          waysRead++;
          if (!isWalkable(item.tags)) continue;
          // Ways may come before their nodes (an extract merged from several queries): kept by
          // their node ids and resolved at the end.
          while (refCount + item.refs.length > refs.length) refs = grow(refs);
          ways.push({ id: item.id, highway: item.tags.highway!, start: refCount, end: refCount + item.refs.length });
          for (const ref of item.refs) refs[refCount++] = ref;
        }
      }
    });
    source.pipe(parser);
  });
  // A way leaving the box is cut into the runs of its nodes inside it.
  const lines: WayLine[] = [];
  for (const way of ways) {
    let run: { coords: [number, number][]; keys: number[] } = { coords: [], keys: [] };
    const flush = () => {
      if (run.coords.length >= 2) lines.push({ coords: run.coords, nodeKeys: run.keys, highway: way.highway, wayId: way.id });
      run = { coords: [], keys: [] };
    };
    for (let k = way.start; k < way.end; k++) {
      const i = index.get(refs[k]);
      if (i === undefined) flush();
      else {
        run.coords.push([xs[i], ys[i]]);
        run.keys.push(refs[k]);
      }
    }
    flush();
  }
  // Timestamps before 2004 (OpenStreetMap's start) are placeholders of a converted extract.
  if (newest < Date.UTC(2004, 0, 1)) newest = 0;
  return { sha256: hash.digest("hex"), dataDate: newest ? new Date(newest).toISOString() : null, lines, waysRead };
}

type OsmItem =
  | { type: 'node'; id: number; lat: number; lon: number; tags: Record<string, string>; info?: { timestamp?: number } }
  | { type: 'way'; id: number; refs: number[]; tags: Record<string, string>; info?: { timestamp?: number } }
  | { type: 'relation' | 'header'; id?: number; tags?: Record<string, string>; info?: { timestamp?: number } };

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

async function readGeoJson(file: string): Promise<Read> {
  const bytes = await readFile(file);
  let doc: { type?: string; crs?: { properties?: { name?: string } }; features?: unknown[] };
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return fail(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) fail(file, 'not a GeoJSON FeatureCollection');
  const crs = doc.crs?.properties?.name ?? 'EPSG:4326';
  const utm = /25832/.test(crs);
  if (!utm && !/4326|CRS84/i.test(crs)) fail(file, `coordinates in ${crs}: give WGS84 (EPSG:4326) or ETRS89 / UTM 32N (EPSG:25832)`);
  const box = keptBox();
  const [west, south] = toStorage.forward([box.west, box.south]);
  const [east, north] = toStorage.forward([box.east, box.north]);
  const lines: WayLine[] = [];
  let waysRead = 0;
  doc.features!.forEach((f, n) => {
    const feature = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const g = feature?.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) {
      fail(file, `feature ${n}: a ${g?.type ?? 'feature without geometry'}; a street network holds LineStrings`);
    }
    waysRead++;
    const props = feature.properties ?? {};
    const tags = Object.fromEntries(['highway', 'foot', 'access'].map((k) => [k, typeof props[k] === 'string' ? (props[k] as string) : undefined]));
    // A street-line file without OSM tags (the city's street segments) is walkable throughout.
    if (tags.highway && !isWalkable(tags)) return;
    const parts = (g!.type === 'LineString' ? [g!.coordinates] : g!.coordinates) as number[][][];
    for (const part of parts) {
      const coords: [number, number][] = [];
      for (const c of part) {
        if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) fail(file, `feature ${n}: a coordinate is not a pair of numbers`);
        if (!utm && (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)) fail(file, `feature ${n}: [${c[0]}, ${c[1]}] is no longitude/latitude (a projected file needs "crs": EPSG:25832)`);
        const [x, y] = utm ? [c[0], c[1]] : toStorage.forward([c[0], c[1]]);
        if (x < west || x > east || y < south || y > north) {
          if (coords.length >= 2) lines.push({ coords: coords.splice(0), nodeKeys: null, highway: tags.highway ?? 'street', wayId: null });
          coords.length = 0;
          continue;
        }
        coords.push([x, y]);
      }
      if (coords.length >= 2) lines.push({ coords, nodeKeys: null, highway: tags.highway ?? 'street', wayId: null });
    }
  });
  return { sha256: createHash('sha256').update(bytes).digest('hex'), dataDate: null, lines, waysRead };
}
