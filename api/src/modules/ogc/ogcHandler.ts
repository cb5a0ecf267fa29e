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
import { type Gate, isBusy } from '../../analysisGate.ts';
import { coverageFigures } from '../coverage/coverageFigures.ts';
import { areaCoverage } from '../coverage/coverageStore.ts';
import { AREA_INDICATORS, collectionById, collections, type Collection } from './ogcCollections.ts';
import { escapeHtml, HTML_HEADERS, htmlPage, linksHtml, tableHtml } from './ogcHtml.ts';
import { CONFORMANCE, CRS84, STORAGE_CRS, openApi } from './ogcOpenApi.ts';
import { bad, OgcError } from './ogcError.ts';
import { itemQuery } from './ogcItemQuery.ts';
import { collectionJson, landing, queryablesJson, type Reply, schemaJson } from './ogcDocuments.ts';
import * as store from './ogcStore.ts';
import { LON_LAT_SRID, STORAGE_SRID } from '../../../../domain/city.ts';

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  const f = url.searchParams.get('f');
  if (f !== null) {
    if (f !== 'json' && f !== 'html') throw bad(`f must be json or html (got "${f}")`);
    return f === 'html';
  }
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('json');
}

async function itemsOf(db: Knex, c: Collection, query: store.ItemQuery): Promise<store.ItemPage> {
  if (c.kind === 'area') return store.areaItems(db, c.level, AREA_INDICATORS, query);
  if (c.kind === 'facility') return store.facilityItems(db, query);
  if (c.kind === 'school') return store.schoolItems(db, query);
  const rows = await areaCoverage(db, [c.level], {
    categories: c.set.categories,
    ageBand: c.set.ageBand,
    threshold: c.set.threshold,
    detour: c.set.detour,
    distribution: c.set.distribution,
  });
  const shaped = rows.map((r) => {
    const f = coverageFigures(r);
    return {
      area_id: r.area_id,
      children: f.children.value,
      children_within: f.childrenWithin.value,
      children_beyond: f.childrenBeyond.value,
      share_within: f.shareWithin === null ? null : Math.round(f.shareWithin * 10000) / 10000,
      median_m: f.medianDistanceMetres,
      supply_per_1000: f.supplyPer1000Children,
      share_on_network: f.shareOnNetwork,
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
  const extentOf = (c: Collection) => store.extentOf(db, c.kind === 'facility' || c.kind === 'school' ? 'facility' : 'area');
  if (path === '/ogc/collections') {
    const [areaExtent, facilityExtent] = await Promise.all([store.extentOf(db, 'area'), store.extentOf(db, 'facility')]);
    const json = {
      links: [
        { href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'Collections' },
        { href: `${base}/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'Collections (HTML)' },
      ],
      crs: [CRS84, STORAGE_CRS],
      collections: collections.map((c) => collectionJson(base, c, c.kind === 'facility' || c.kind === 'school' ? facilityExtent : areaExtent)),
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
  const crsHeader = { 'content-crs': `<${q.srid === LON_LAT_SRID ? CRS84 : STORAGE_CRS}>` };
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
    ...(q.srid === STORAGE_SRID ? { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${STORAGE_SRID}` } } } : {}),
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
