// OGC API - Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS) at /ogc, so that QGIS,
// ArcGIS, FME and GDAL load the atlas's layers directly: the areas of every level, the facilities
// and the coverage of the default targets. Read-only and public like the GraphQL API's reading.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Knex } from 'knex';
import { childCount } from '../coverage/childCount.ts';
import { areaCoverage } from '../coverage/coverageStore.ts';
import { AREA_INDICATORS, collectionById, collections, type Collection } from './ogcCollections.ts';
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
];

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

/** The base URL the client used (behind a proxy: X-Forwarded-Proto/Host). */
function baseOf(req: IncomingMessage): string {
  const proto = String(req.headers['x-forwarded-proto'] ?? 'http').split(',')[0].trim();
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0].trim();
  return `${proto}://${host}/ogc`;
}

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  const f = url.searchParams.get('f');
  if (f !== null) {
    if (f !== 'json' && f !== 'html') throw bad(`f must be json or html (got "${f}")`);
    return f === 'html';
  }
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('json');
}

const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;max-width:72rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}</style></head>
<body><p><a href="/ogc?f=html">Versorgungsatlas Dortmund: OGC API - Features</a></p><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

const linksHtml = (links: { href: string; rel: string; type?: string; title?: string }[]) =>
  `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.rel)}</a> (${escapeHtml(l.rel)}${l.type ? `, ${escapeHtml(l.type)}` : ''})</li>`).join('')}</ul>`;

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
    ],
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

const ITEM_PARAMS = new Set(['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs']);

function itemQuery(url: URL, c: Collection): store.ItemQuery {
  for (const name of url.searchParams.keys()) {
    if (!ITEM_PARAMS.has(name) && !(name in c.queryables)) {
      throw bad(`unknown parameter "${name}"; this collection takes ${[...ITEM_PARAMS, ...Object.keys(c.queryables)].join(', ')}`);
    }
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
  const filters: Record<string, string> = {};
  for (const [name, column] of Object.entries(c.queryables)) {
    const value = url.searchParams.get(name);
    if (value !== null) filters[column] = value;
  }
  return {
    limit: numberParam(url, 'limit', PAGE.default, 1, PAGE.max),
    offset: numberParam(url, 'offset', 0, 0, PAGE.maxOffset),
    bbox,
    bboxSrid,
    srid: crsParam(url, 'crs'),
    filters,
  };
}

async function itemsOf(db: Knex, c: Collection, q: store.ItemQuery): Promise<store.ItemPage> {
  // The queryables name columns; the store takes them as column -> value.
  const columnFilters = q.filters;
  const query = { ...q, filters: Object.fromEntries(Object.entries(columnFilters).map(([column, value]) => [columnName(c, column), value])) };
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

/** The store filters by output property name; map a queryable's column back to that name. */
function columnName(c: Collection, column: string): string {
  const columns: Record<string, string> = c.kind === 'area' ? store.areaColumns(AREA_INDICATORS) : c.kind === 'facility' ? store.facilityColumns : store.coverageColumns;
  const name = Object.entries(columns).find(([, expression]) => expression === column)?.[0];
  return name ?? column;
}

function featureJson(f: store.ItemPage['features'][number]) {
  return { type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties };
}

function tableHtml(features: store.ItemPage['features']): string {
  if (features.length === 0) return '<p>No features.</p>';
  const keys = Object.keys(features[0].properties);
  return `<table><thead><tr><th>id</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead><tbody>${features
    .map((f) => `<tr><td>${escapeHtml(f.id)}</td>${keys.map((k) => `<td>${escapeHtml(f.properties[k])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

async function route(db: Knex, req: IncomingMessage, url: URL): Promise<Reply> {
  const base = baseOf(req);
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
  const [areaExtent, facilityExtent] = await Promise.all([store.extentOf(db, 'area'), store.extentOf(db, 'facility')]);
  const extentOf = (c: Collection) => (c.kind === 'facility' ? facilityExtent : areaExtent);
  if (path === '/ogc/collections') {
    const json = {
      links: [
        { href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'Collections' },
        { href: `${base}/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'Collections (HTML)' },
      ],
      crs: [CRS84, EPSG25832],
      collections: collections.map((c) => collectionJson(base, c, extentOf(c))),
    };
    return {
      json,
      html: () =>
        htmlPage(
          'Collections',
          `<table><tbody>${collections.map((c) => `<tr><td><a href="${base}/collections/${c.id}/items?f=html">${escapeHtml(c.id)}</a></td><td>${escapeHtml(c.title)}</td></tr>`).join('')}</tbody></table>`,
        ),
    };
  }
  const match = /^\/ogc\/collections\/([^/]+)(?:\/items(?:\/([^/]+))?)?$/.exec(path);
  const c = match ? collectionById.get(decodeURIComponent(match[1])) : undefined;
  if (!match || !c) throw new OgcError(404, match ? `there is no collection "${decodeURIComponent(match[1])}"; see ${base}/collections` : `not found: ${path}`);
  if (!path.includes('/items')) {
    const json = collectionJson(base, c, extentOf(c));
    return { json, html: () => htmlPage(c.title, `<p>${escapeHtml(c.description)}</p>${linksHtml(json.links)}`) };
  }
  const q = itemQuery(url, c);
  const crsHeader = { 'content-crs': `<${q.srid === 4326 ? CRS84 : EPSG25832}>` };
  if (match[2] !== undefined) {
    const one = await itemsOf(db, c, { ...q, limit: 1, offset: 0, bbox: null, filters: {}, id: decodeURIComponent(match[2]) });
    if (one.features.length === 0) throw new OgcError(404, `collection "${c.id}" has no feature "${decodeURIComponent(match[2])}"`);
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

/** Answers a request under /ogc: JSON (or GeoJSON) by default, HTML for people; ETag and CORS. */
export async function handleOgc(db: Knex, req: IncomingMessage, res: ServerResponse, url: URL) {
  const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, Content-Crs' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': 'Accept, If-None-Match' }).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...cors, allow: 'GET, HEAD, OPTIONS', 'content-type': 'application/json' }).end(JSON.stringify({ code: 'MethodNotAllowed', description: 'The OGC API is read-only: GET only.' }));
    return;
  }
  let html = false;
  try {
    html = wantsHtml(req, url);
    const reply = await route(db, req, url);
    const body = html ? reply.html() : JSON.stringify(reply.json);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = {
      ...cors,
      'content-type': html ? 'text/html; charset=utf-8' : (reply.headers?.['content-type'] ?? 'application/json'),
      ...(html ? {} : Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([k]) => k !== 'content-type'))),
      etag,
      'cache-control': 'public, max-age=60, must-revalidate',
      vary: 'Accept',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(reply.status ?? 200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    const status = error instanceof OgcError ? error.status : 500;
    if (status === 500) console.error('OGC API error:', error);
    const description = status === 500 ? 'Internal server error' : (error as Error).message;
    const code = status === 400 ? 'InvalidParameterValue' : status === 404 ? 'NotFound' : 'ServerError';
    res
      .writeHead(status, { ...cors, 'content-type': html ? 'text/html; charset=utf-8' : 'application/json' })
      .end(html ? htmlPage(`Error ${status}`, `<p>${escapeHtml(description)}</p>`) : JSON.stringify({ code, description }));
  }
}

/** The OpenAPI 3.0 definition of the endpoints above. */
export function openApi(base: string) {
  const param = (name: string, description: string, schema: object, where = 'query') => ({ name, in: where, required: where === 'path', description, schema });
  const f = param('f', 'json (default) or html', { type: 'string', enum: ['json', 'html'] });
  const ok = (description: string, type = 'application/json') => ({ 200: { description, content: { [type]: { schema: { type: 'object' } } } } });
  const errors = { 400: { description: 'A bad parameter (the body says which and why)' }, 404: { description: 'No such collection or feature' } };
  const queryables = [...new Set(collections.flatMap((c) => Object.keys(c.queryables)))];
  return {
    openapi: '3.0.3',
    info: { title: 'Versorgungsatlas Dortmund: OGC API - Features', version: '1.0.0', description: 'Areas, facilities and coverage of the Versorgungsatlas as OGC API - Features (Part 1 Core, Part 2 CRS).' },
    servers: [{ url: base }],
    paths: {
      '/': { get: { summary: 'Landing page', operationId: 'getLandingPage', parameters: [f], responses: ok('Links to the API definition, conformance and collections') } },
      '/conformance': { get: { summary: 'Conformance classes', operationId: 'getConformance', parameters: [f], responses: ok('The conformance classes') } },
      '/api': { get: { summary: 'This definition', operationId: 'getApi', responses: ok('OpenAPI 3.0', 'application/vnd.oai.openapi+json;version=3.0') } },
      '/collections': { get: { summary: 'The collections', operationId: 'getCollections', parameters: [f], responses: ok('Every collection with its extent and links') } },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          operationId: 'describeCollection',
          parameters: [param('collectionId', `One of: ${collections.map((c) => c.id).join(', ')}`, { type: 'string', enum: collections.map((c) => c.id) }, 'path'), f],
          responses: { ...ok('The collection'), ...errors },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection, a page at a time',
          operationId: 'getFeatures',
          parameters: [
            param('collectionId', 'The collection', { type: 'string', enum: collections.map((c) => c.id) }, 'path'),
            param('limit', `Features per page, 1 to ${PAGE.max}`, { type: 'integer', minimum: 1, maximum: PAGE.max, default: PAGE.default }),
            param('offset', `Features to skip, 0 to ${PAGE.maxOffset} (the next link sets it)`, { type: 'integer', minimum: 0, maximum: PAGE.maxOffset, default: 0 }),
            { ...param('bbox', 'minx,miny,maxx,maxy in bbox-crs (default CRS84)', { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } }), style: 'form', explode: false },
            param('bbox-crs', 'CRS of bbox', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            param('crs', 'CRS of the geometries', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            ...queryables.map((name) => param(name, `Equality filter on the property ${name} (where the collection has it; see its description)`, { type: 'string' })),
            f,
          ],
          responses: { ...ok('A GeoJSON FeatureCollection with numberMatched, numberReturned and next/prev links', 'application/geo+json'), ...errors },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          operationId: 'getFeature',
          parameters: [
            param('collectionId', 'The collection', { type: 'string', enum: collections.map((c) => c.id) }, 'path'),
            param('featureId', 'The feature id (area code or facility key)', { type: 'string' }, 'path'),
            param('crs', 'CRS of the geometry', { type: 'string', enum: [CRS84, EPSG25832], default: CRS84 }),
            f,
          ],
          responses: { ...ok('A GeoJSON Feature', 'application/geo+json'), ...errors },
        },
      },
    },
  };
}
