// OGC API - Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS) at /ogc, so that QGIS,
// ArcGIS, FME and GDAL load the atlas's layers directly: the areas of every level, the facilities
// and the coverage of the default targets. Read-only and public like the GraphQL API's reading.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Knex } from 'knex';
import type { CorsOrigins } from '../../../../config/config.ts';
import { compressFor } from '../../compress.ts';
import { type OriginOptions, publicBaseOf } from '../../requestOrigin.ts';
import { corsHeaders, answerPreflight } from '../../cors.ts';
import { type Gate, isBusy } from '../../queryLimits.ts';
import { childCount } from '../coverage/childCount.ts';
import { areaCoverage } from '../coverage/coverageStore.ts';
import { cql2ToSql, FilterError, type Queryable } from './cql2.ts';
import { AREA_INDICATORS, collectionById, collections, type Collection } from './ogcCollections.ts';
import { escapeHtml, HTML_HEADERS, htmlPage, linksHtml, tableHtml } from './ogcHtml.ts';
import * as store from './ogcStore.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const EPSG25832 = 'http://www.opengis.net/def/crs/EPSG/0/25832';
const SRID_OF: Record<string, 4326 | 25832> = { [CRS84]: 4326, [EPSG25832]: 25832 };

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
];

const CQL2_TEXT = 'cql2-text';
const JSON_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';
const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

export const PAGE = { default: 100, max: 1000, maxOffset: 100_000 };

class OgcError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string) => new OgcError(400, message);

type Reply = { status?: number; json: unknown; html: () => string; headers?: Record<string, string> };

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  const f = url.searchParams.get('f');
  if (f !== null) {
    if (f !== 'json' && f !== 'html') throw bad(`f must be json or html (got "${f}")`);
    return f === 'html';
  }
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('json');
}

function landing(base: string): Reply {
  const links = [
    { href: `${base}?f=json`, rel: 'self', type: 'application/json', title: 'This document' },
    { href: `${base}?f=html`, rel: 'alternate', type: 'text/html', title: 'This document as HTML' },
    { href: `${base}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'The API definition (OpenAPI 3.0)' },
    { href: `${base}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
    { href: `${base}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
  ];
  const json = {
    title: 'Versorgungsatlas Dortmund',
    description:
      "Provision for children and families in Dortmund's Aktionsplan Soziale Stadt: areas, facilities and coverage. Numbers of children are estimates; every collection's description says how its figures were made.",
    links,
  };
  return { json, html: () => htmlPage(json.title, `<p>${escapeHtml(json.description)}</p>${linksHtml(links)}`) };
}

function collectionJson(base: string, c: Collection, extent: [number, number, number, number] | null) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: [CRS84, EPSG25832],
    storageCrs: EPSG25832,
    extent: extent ? { spatial: { bbox: [extent], crs: CRS84 } } : undefined,
    links: [
      { href: `${base}/collections/${c.id}`, rel: 'self', type: 'application/json', title: c.title },
      { href: `${base}/collections/${c.id}?f=html`, rel: 'alternate', type: 'text/html', title: `${c.title} (HTML)` },
      { href: `${base}/collections/${c.id}/items`, rel: 'items', type: 'application/geo+json', title: 'Items' },
      { href: `${base}/collections/${c.id}/items?f=html`, rel: 'items', type: 'text/html', title: 'Items (HTML)' },
      { href: `${base}/collections/${c.id}/queryables`, rel: QUERYABLES_REL, type: 'application/schema+json', title: 'Properties a filter may name' },
      // "describedBy" as GDAL (3.6) looks for it; link relations compare case-insensitively (RFC 8288).
      { href: `${base}/collections/${c.id}/schema`, rel: 'describedBy', type: 'application/schema+json', title: 'JSON Schema of the features' },
    ],
  };
}

/** A JSON Schema type of a property (dates as strings with a format). */
function propertySchema(column: store.Column) {
  if (column.type === 'date' || column.type === 'date-time') return { type: 'string', format: column.type, description: column.description };
  return { type: column.type, description: column.description };
}

/** The queryables of a collection (Part 3): the properties a filter or a query parameter may name. */
function queryablesJson(base: string, c: Collection) {
  return {
    $schema: JSON_SCHEMA,
    $id: `${base}/collections/${c.id}/queryables`,
    type: 'object',
    title: c.title,
    description: `Properties of "${c.id}" to filter by: as query parameters (name=value, equality) or in a CQL2 text filter (filter=..., comparisons, AND, OR, NOT, IS NULL).`,
    properties: Object.fromEntries(c.queryables.map((name) => [name, { title: name, ...propertySchema(c.columns[name]) }])),
    additionalProperties: false,
  };
}

/** The JSON Schema of a collection's features (GeoJSON Feature with typed properties; null where unknown). */
function schemaJson(base: string, c: Collection) {
  return {
    $schema: JSON_SCHEMA,
    $id: `${base}/collections/${c.id}/schema`,
    title: c.title,
    description: `A feature of "${c.id}". Every property may be null where the value is unknown or withheld.`,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string', description: c.kind === 'facility' ? 'The facility key' : 'The area code' },
      geometry: { type: 'object', description: c.kind === 'facility' ? 'GeoJSON Point' : 'GeoJSON Polygon or MultiPolygon' },
      properties: { type: 'object', properties: Object.fromEntries(Object.entries(c.columns).map(([name, column]) => [name, propertySchema(column)])) },
    },
  };
}

function numberParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw bad(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

function crsParam(url: URL, name: string): 4326 | 25832 {
  const raw = url.searchParams.get(name);
  if (raw === null) return 4326;
  const srid = SRID_OF[raw];
  if (!srid) throw bad(`${name} must be ${CRS84} or ${EPSG25832} (got "${raw}")`);
  return srid;
}

const ITEM_PARAMS = new Set(['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'filter', 'filter-lang', 'filter-crs']);

/** A queryable's SQL for comparisons (its stored value where the shown one is formatted). */
const queryableOf = (c: Collection, name: string): Queryable => {
  const column = c.columns[name];
  return { type: column.type, sql: column.filterSql ?? column.sql };
};

/** One property equality from a query parameter (name=value), typed by the queryable. */
function equality(c: Collection, name: string, value: string): { sql: string; bindings: unknown[] } {
  const q = queryableOf(c, name);
  if (q.type === 'number' || q.type === 'integer') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw bad(`${name} is a number (got "${value}")`);
    return { sql: `(${q.sql}) = ?::float8`, bindings: [n] };
  }
  if (q.type === 'date' || q.type === 'date-time') {
    if (Number.isNaN(Date.parse(value))) throw bad(`${name} is a ${q.type} (got "${value}")`);
    return { sql: `(${q.sql}) = ?::timestamptz`, bindings: [value] };
  }
  return { sql: `(${q.sql})::text = ?`, bindings: [value] };
}

function itemQuery(url: URL, c: Collection): store.ItemQuery {
  for (const name of url.searchParams.keys()) {
    if (!ITEM_PARAMS.has(name) && !c.queryables.includes(name)) {
      throw bad(`unknown parameter "${name}"; this collection takes ${[...ITEM_PARAMS].join(', ')} and its queryables: ${c.queryables.join(', ')}`);
    }
    if (url.searchParams.getAll(name).length > 1) throw bad(`the parameter "${name}" is given more than once`);
  }
  let bbox: [number, number, number, number] | null = null;
  const rawBbox = url.searchParams.get('bbox');
  const bboxSrid = crsParam(url, 'bbox-crs');
  if (rawBbox !== null) {
    const parts = rawBbox.split(',').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) throw bad(`bbox must be four numbers: minx,miny,maxx,maxy (got "${rawBbox}")`);
    const [w, s, e, n] = parts;
    if (w > e || s > n) throw bad(`bbox must run from the lower left to the upper right corner (got "${rawBbox}")`);
    if (bboxSrid === 4326 && (w < -180 || e > 180 || s < -90 || n > 90)) throw bad(`bbox in CRS84 must lie within -180,-90,180,90 (got "${rawBbox}")`);
    bbox = [w, s, e, n];
  }
  const where = c.queryables.flatMap((name) => {
    const value = url.searchParams.get(name);
    return value === null ? [] : [equality(c, name, value)];
  });
  const filter = url.searchParams.get('filter');
  const lang = url.searchParams.get('filter-lang') ?? CQL2_TEXT;
  if (lang !== CQL2_TEXT) throw bad(`filter-lang must be ${CQL2_TEXT} (got "${lang}")`);
  const filterCrs = url.searchParams.get('filter-crs');
  if (filterCrs !== null && filterCrs !== CRS84) throw bad(`filter-crs must be ${CRS84}: filters here compare properties, not geometries (got "${filterCrs}")`);
  if (filter !== null) {
    try {
      where.push(cql2ToSql(filter, Object.fromEntries(c.queryables.map((name) => [name, queryableOf(c, name)]))));
    } catch (error) {
      if (error instanceof FilterError) throw bad(`filter: ${error.message}`);
      throw error;
    }
  }
  return {
    limit: numberParam(url, 'limit', PAGE.default, 1, PAGE.max),
    offset: numberParam(url, 'offset', 0, 0, PAGE.maxOffset),
    bbox,
    bboxSrid,
    srid: crsParam(url, 'crs'),
    where,
  };
}

async function itemsOf(db: Knex, c: Collection, query: store.ItemQuery): Promise<store.ItemPage> {
  if (c.kind === 'area') return store.areaItems(db, c.level, AREA_INDICATORS, query);
  if (c.kind === 'facility') return store.facilityItems(db, query);
  const rows = await areaCoverage(db, [c.level], {
    categories: c.set.categories,
    band: c.set.band,
    threshold: c.set.threshold,
    detour: c.set.detour,
    distribution: c.set.distribution,
  });
  const shaped = rows.map((r) => {
    const children = childCount(r.children);
    return {
      area_id: r.area_id,
      children: children.value,
      children_within: childCount(r.children_within).value,
      children_beyond: childCount(r.children - r.children_within).value,
      share_within: children.suppressed || r.children === 0 ? null : Math.round((r.children_within / r.children) * 10000) / 10000,
      median_m: r.median_m === null ? null : Math.round(r.median_m),
      supply_per_1000: r.supply_per_1000 === null ? null : Math.round(r.supply_per_1000 * 1000) / 1000,
    };
  });
  return store.coverageItems(db, c.level, shaped, query);
}

function featureJson(f: store.ItemPage['features'][number]) {
  return { type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties };
}

async function route(db: Knex, url: URL, base: string): Promise<Reply> {
  const path = url.pathname.replace(/\/+$/, '') || '/ogc';
  if (path === '/ogc') return landing(base);
  if (path === '/ogc/conformance') {
    const json = { conformsTo: CONFORMANCE };
    return { json, html: () => htmlPage('Conformance', `<ul>${CONFORMANCE.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`) };
  }
  if (path === '/ogc/api') {
    const json = openApi(base);
    return { json, html: () => htmlPage('API definition', `<pre>${escapeHtml(JSON.stringify(json, null, 2))}</pre>`), headers: { 'content-type': 'application/vnd.oai.openapi+json;version=3.0' } };
  }
  // The extents only where a collection is described (not on every page of items).
  const extentOf = (c: Collection) => store.extentOf(db, c.kind === 'facility' ? 'facility' : 'area');
  if (path === '/ogc/collections') {
    const [areaExtent, facilityExtent] = await Promise.all([store.extentOf(db, 'area'), store.extentOf(db, 'facility')]);
    const json = {
      links: [
        { href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'Collections' },
        { href: `${base}/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'Collections (HTML)' },
      ],
      crs: [CRS84, EPSG25832],
      collections: collections.map((c) => collectionJson(base, c, c.kind === 'facility' ? facilityExtent : areaExtent)),
    };
    return {
      json,
      html: () =>
        htmlPage(
          'Collections',
          `<table><tbody>${collections.map((c) => `<tr><td><a href="${escapeHtml(`${base}/collections/${c.id}/items?f=html`)}">${escapeHtml(c.id)}</a></td><td>${escapeHtml(c.title)}</td></tr>`).join('')}</tbody></table>`,
        ),
    };
  }
  const match = /^\/ogc\/collections\/([^/]+)(?:\/(items|queryables|schema)(?:\/([^/]+))?)?$/.exec(path);
  const c = match ? collectionById.get(decodeURIComponent(match[1])) : undefined;
  if (!match || !c || (match[3] !== undefined && match[2] !== 'items')) {
    throw new OgcError(404, match && !c ? `there is no collection "${decodeURIComponent(match[1])}"; see ${base}/collections` : `not found: ${path}`);
  }
  const schemaReply = (json: ReturnType<typeof queryablesJson> | ReturnType<typeof schemaJson>, rows: [string, { type: string; description: string }][]): Reply => ({
    json,
    html: () =>
      htmlPage(
        json.$id.endsWith('/queryables') ? `${c.title}: queryables` : `${c.title}: schema`,
        `<table><thead><tr><th>property</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows
          .map(([name, p]) => `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(p.type)}</td><td>${escapeHtml(p.description)}</td></tr>`)
          .join('')}</tbody></table>`,
      ),
    headers: { 'content-type': 'application/schema+json' },
  });
  if (match[2] === 'queryables') {
    const json = queryablesJson(base, c);
    return schemaReply(json, Object.entries(json.properties));
  }
  if (match[2] === 'schema') {
    const json = schemaJson(base, c);
    return schemaReply(json, Object.entries(json.properties.properties.properties));
  }
  if (match[2] === undefined) {
    const json = collectionJson(base, c, await extentOf(c));
    return { json, html: () => htmlPage(c.title, `<p>${escapeHtml(c.description)}</p>${linksHtml(json.links)}`) };
  }
  const q = itemQuery(url, c);
  const crsHeader = { 'content-crs': `<${q.srid === 4326 ? CRS84 : EPSG25832}>` };
  if (match[3] !== undefined) {
    const one = await itemsOf(db, c, { ...q, limit: 1, offset: 0, bbox: null, where: [], id: decodeURIComponent(match[3]) });
    if (one.features.length === 0) throw new OgcError(404, `collection "${c.id}" has no feature "${decodeURIComponent(match[3])}"`);
    const feature = featureJson(one.features[0]);
    const json = {
      ...feature,
      links: [
        { href: `${base}/collections/${c.id}/items/${encodeURIComponent(one.features[0].id)}`, rel: 'self', type: 'application/geo+json' },
        { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json' },
      ],
    };
    return { json, html: () => htmlPage(`${c.id}: ${one.features[0].id}`, tableHtml(one.features)), headers: { 'content-type': 'application/geo+json', ...crsHeader } };
  }
  const page = await itemsOf(db, c, q);
  const pageUrl = (offset: number, f = 'json') => {
    const next = new URL(url.toString());
    next.searchParams.set('offset', String(offset));
    next.searchParams.set('limit', String(q.limit));
    next.searchParams.set('f', f);
    return `${base}/collections/${c.id}/items?${next.searchParams.toString()}`;
  };
  const links = [
    { href: pageUrl(q.offset), rel: 'self', type: 'application/geo+json', title: 'This page' },
    { href: pageUrl(q.offset, 'html'), rel: 'alternate', type: 'text/html', title: 'This page (HTML)' },
    { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json', title: c.title },
    ...(q.offset + q.limit < page.total ? [{ href: pageUrl(q.offset + q.limit), rel: 'next', type: 'application/geo+json', title: 'Next page' }] : []),
    ...(q.offset > 0 ? [{ href: pageUrl(Math.max(0, q.offset - q.limit)), rel: 'prev', type: 'application/geo+json', title: 'Previous page' }] : []),
  ];
  const json = {
    type: 'FeatureCollection',
    // Outside CRS84 also the legacy GeoJSON "crs" member, which GDAL (before 3.7's CRS open option) and QGIS read.
    ...(q.srid === 25832 ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } } : {}),
    numberMatched: page.total,
    numberReturned: page.features.length,
    features: page.features.map(featureJson),
    links,
  };
  return {
    json,
    html: () =>
      htmlPage(
        `${c.title}: ${page.features.length} of ${page.total}`,
        `${linksHtml(links.filter((l) => l.rel === 'next' || l.rel === 'prev').map((l) => ({ ...l, href: l.href.replace('f=json', 'f=html') })))}${tableHtml(page.features)}`,
      ),
    headers: { 'content-type': 'application/geo+json', ...crsHeader },
  };
}

/** Whether a request computes coverage (an analysis, like GraphQL's coverage) rather than reading rows. */
function isAnalysis(url: URL): boolean {
  const match = /^\/ogc\/collections\/([^/]+)\/items/.exec(url.pathname);
  return match !== null && collectionById.get(decodeURIComponent(match[1]))?.kind === 'coverage';
}

export type OgcOptions = { cors: CorsOrigins; gate: Gate; origin: OriginOptions };

/**
 * Answers a request under /ogc: JSON (or GeoJSON) by default, HTML for people; ETag and CORS.
 * Coverage pages pass the same gate as GraphQL's analyses; every statement has the same time limit.
 */
export async function handleOgc(db: Knex, req: IncomingMessage, res: ServerResponse, url: URL, options: OgcOptions) {
  const cors = corsHeaders(options.cors, req, ['ETag', 'Content-Crs']);
  if (req.method === 'OPTIONS') return answerPreflight(options.cors, req, res, ['GET', 'HEAD'], ['Accept', 'If-None-Match']);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...cors, allow: 'GET, HEAD, OPTIONS', 'content-type': 'application/json' }).end(JSON.stringify({ code: 'MethodNotAllowed', description: 'The OGC API is read-only: GET only.' }));
    return;
  }
  let html = false;
  // What the answer depends on besides the URL: the representation, compression, the origin's
  // CORS answer, and the forwarded headers of a trusted proxy when they build the links.
  const vary = ['Accept', 'Accept-Encoding', ...(options.cors === '*' ? [] : ['Origin'])];
  try {
    html = wantsHtml(req, url);
    const origin = publicBaseOf(req, options.origin);
    if (!origin) throw bad('the Host header is not a host name (set PUBLIC_URL when the atlas is reached under another name)');
    vary.push(...origin.vary);
    const base = `${origin.base}/ogc`;
    const reply = await options.gate.run(isAnalysis(url), () => route(db, url, base));
    const text = html ? reply.html() : JSON.stringify(reply.json);
    const { body, encoding } = await compressFor(req, text);
    // One ETag per representation: the gzipped one differs from the plain one.
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}${encoding ? '-gz' : ''}"`;
    const headers = {
      ...cors,
      'content-type': html ? 'text/html; charset=utf-8' : (reply.headers?.['content-type'] ?? 'application/json'),
      ...(html ? HTML_HEADERS : Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([k]) => k !== 'content-type'))),
      etag,
      'cache-control': 'public, max-age=60, must-revalidate',
      vary: vary.join(', '),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(reply.status ?? 200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    const busy = isBusy(error);
    // PostgreSQL's code for a statement stopped by the time limit (as GraphQL's QUERY_TIMEOUT).
    const timedOut = (error as { code?: string }).code === '57014';
    const status = error instanceof OgcError ? error.status : busy || timedOut ? 503 : 500;
    if (status === 500) console.error('OGC API error:', error);
    const description =
      status === 500 ? 'Internal server error' : timedOut ? 'The query took too long and was stopped; ask for a smaller page or a narrower filter.' : (error as Error).message;
    const code = status === 400 ? 'InvalidParameterValue' : status === 404 ? 'NotFound' : busy ? 'ServiceUnavailable' : 'ServerError';
    res
      .writeHead(status, {
        ...cors,
        'content-type': html ? 'text/html; charset=utf-8' : 'application/json',
        ...(html ? HTML_HEADERS : {}),
        vary: vary.join(', '),
        ...(busy ? { 'retry-after': '5' } : {}),
      })
      .end(html ? htmlPage(`Error ${status}`, `<p>${escapeHtml(description)}</p>`) : JSON.stringify({ code, description }));
  }
}

/** The OpenAPI 3.0 definition of the endpoints above, with the response schemas of OGC API - Features. */
export function openApi(base: string) {
  const param = (name: string, description: string, schema: object, where = 'query') => ({ name, in: where, required: where === 'path', description, schema });
  const f = param('f', 'json (default) or html', { type: 'string', enum: ['json', 'html'] });
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const ok = (description: string, schema: object, type = 'application/json') => ({
    200: { description, content: { [type]: { schema }, 'text/html': { schema: { type: 'string' } } } },
  });
  const problem = (description: string) => ({ description, content: { 'application/json': { schema: ref('exception') } } });
  const errors = {
    400: problem('A bad parameter (the description says which and why)'),
    404: problem('No such collection or feature'),
    503: problem('Busy with other analyses; try again after Retry-After seconds'),
  };
  const ids = collections.map((c) => c.id);
  const collectionId = param('collectionId', `One of: ${ids.join(', ')}`, { type: 'string', enum: ids }, 'path');
  const queryables = [...new Set(collections.flatMap((c) => c.queryables))];
  const link = ref('link');
  return {
    openapi: '3.0.3',
    info: {
      title: 'Versorgungsatlas Dortmund: OGC API - Features',
      version: '1.0.0',
      description: 'Areas, facilities and coverage of the Versorgungsatlas as OGC API - Features (Part 1 Core, Part 2 CRS, Part 3 queryables and CQL2 text filter with Basic CQL2).',
    },
    servers: [{ url: base }],
    paths: {
      '/': { get: { summary: 'Landing page', operationId: 'getLandingPage', parameters: [f], responses: { ...ok('Links to the API definition, conformance and collections', ref('landingPage')) } } },
      '/conformance': { get: { summary: 'Conformance classes', operationId: 'getConformance', parameters: [f], responses: { ...ok('The conformance classes', ref('confClasses')) } } },
      '/api': {
        get: {
          summary: 'This definition',
          operationId: 'getApi',
          responses: { 200: { description: 'OpenAPI 3.0', content: { 'application/vnd.oai.openapi+json;version=3.0': { schema: { type: 'object' } } } } },
        },
      },
      '/collections': { get: { summary: 'The collections', operationId: 'getCollections', parameters: [f], responses: { ...ok('Every collection with its extent and links', ref('collections')) } } },
      '/collections/{collectionId}': {
        get: { summary: 'One collection', operationId: 'describeCollection', parameters: [collectionId, f], responses: { ...ok('The collection', ref('collection')), ...errors } },
      },
      '/collections/{collectionId}/queryables': {
        get: {
          summary: 'The properties a filter may name',
          operationId: 'getQueryables',
          parameters: [collectionId, f],
          responses: { ...ok('A JSON Schema of the queryables', ref('jsonSchema'), 'application/schema+json'), ...errors },
        },
      },
      '/collections/{collectionId}/schema': {
        get: {
          summary: 'The JSON Schema of the features',
          operationId: 'getSchema',
          parameters: [collectionId, f],
          responses: { ...ok('A JSON Schema of a feature with typed properties', ref('jsonSchema'), 'application/schema+json'), ...errors },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection, a page at a time',
          operationId: 'getFeatures',
          parameters: [
            collectionId,
            param('limit', `Features per page, 1 to ${PAGE.max}`, { type: 'integer', minimum: 1, maximum: PAGE.max, default: PAGE.default }),
            param('offset', `Features to skip, 0 to ${PAGE.maxOffset} (the next link sets it)`, { type: 'integer', minimum: 0, maximum: PAGE.maxOffset, default: 0 }),
            { ...param('bbox', 'minx,miny,maxx,maxy in bbox-crs (default CRS84)', { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } }), style: 'form', explode: false },
            param('bbox-crs', 'CRS of bbox', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            param('crs', 'CRS of the geometries', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            param('filter', "A CQL2 text filter over the collection's queryables, for example category = 'kita' AND capacity >= 100", { type: 'string' }),
            param('filter-lang', 'The filter language', { type: 'string', enum: [CQL2_TEXT], default: CQL2_TEXT }),
            param('filter-crs', 'The CRS of geometries in a filter (the filters compare properties only)', { type: 'string', enum: [CRS84], default: CRS84 }),
            ...queryables.map((name) => param(name, `Equality on the queryable ${name}, where the collection has it (see its queryables)`, { type: 'string' })),
            f,
          ],
          responses: { ...ok('A GeoJSON FeatureCollection with numberMatched, numberReturned and next/prev links', ref('featureCollectionGeoJSON'), 'application/geo+json'), ...errors },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          operationId: 'getFeature',
          parameters: [
            collectionId,
            param('featureId', 'The feature id (area code or facility key)', { type: 'string' }, 'path'),
            param('crs', 'CRS of the geometry', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            f,
          ],
          responses: { ...ok('A GeoJSON Feature', ref('featureGeoJSON'), 'application/geo+json'), ...errors },
        },
      },
    },
    components: {
      schemas: {
        link: {
          type: 'object',
          required: ['href', 'rel'],
          properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, hreflang: { type: 'string' }, title: { type: 'string' }, length: { type: 'integer' } },
        },
        landingPage: { type: 'object', required: ['links'], properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: link } } },
        confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
        extent: {
          type: 'object',
          properties: {
            spatial: {
              type: 'object',
              properties: {
                bbox: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
                crs: { type: 'string', enum: [CRS84] },
              },
            },
          },
        },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            links: { type: 'array', items: link },
            extent: ref('extent'),
            itemType: { type: 'string', enum: ['feature'] },
            crs: { type: 'array', items: { type: 'string' } },
            storageCrs: { type: 'string' },
          },
        },
        collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: { links: { type: 'array', items: link }, crs: { type: 'array', items: { type: 'string' } }, collections: { type: 'array', items: ref('collection') } },
        },
        geometryGeoJSON: {
          type: 'object',
          required: ['type', 'coordinates'],
          properties: { type: { type: 'string', enum: ['Point', 'Polygon', 'MultiPolygon'] }, coordinates: { type: 'array' } },
        },
        featureGeoJSON: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'string' },
            geometry: { ...ref('geometryGeoJSON') },
            properties: { type: 'object', nullable: true },
            links: { type: 'array', items: link },
          },
        },
        featureCollectionGeoJSON: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: ref('featureGeoJSON') },
            links: { type: 'array', items: link },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
        jsonSchema: { type: 'object', required: ['$schema', 'type', 'properties'], properties: { $schema: { type: 'string' }, $id: { type: 'string' }, type: { type: 'string', enum: ['object'] }, properties: { type: 'object' } } },
        exception: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, description: { type: 'string' } } },
      },
    },
  };
}
