// The OGC API's documents other than features: the landing page, a collection, its queryables and
// its JSON Schema, each as JSON and as an HTML page.
import type { Collection } from './ogcCollections.ts';
import { escapeHtml, htmlPage, linksHtml } from './ogcHtml.ts';
import { CRS84, STORAGE_CRS, JSON_SCHEMA, QUERYABLES_REL } from './ogcOpenApi.ts';
import type * as store from './ogcStore.ts';
import { ATLAS_TITLE, CITY } from '../../../../domain/city.ts';

/** An answer: JSON (or GeoJSON), the same as an HTML page, and headers of its own. */
export type Reply = { status?: number; json: unknown; html: () => string; headers?: Record<string, string> };

export function landing(base: string): Reply {
  const links = [
    { href: `${base}?f=json`, rel: 'self', type: 'application/json', title: 'This document' },
    { href: `${base}?f=html`, rel: 'alternate', type: 'text/html', title: 'This document as HTML' },
    { href: `${base}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'The API definition (OpenAPI 3.0)' },
    { href: `${base}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
    { href: `${base}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
  ];
  const json = {
    title: ATLAS_TITLE.de,
    description:
      `Provision for children and families in ${CITY.name}'s Aktionsplan Soziale Stadt: areas, facilities and coverage. Numbers of children are estimates; every collection's description says how its figures were made.`,
    links,
  };
  return { json, html: () => htmlPage(json.title, `<p>${escapeHtml(json.description)}</p>${linksHtml(links)}`) };
}

export function collectionJson(base: string, c: Collection, extent: [number, number, number, number] | null) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: [CRS84, STORAGE_CRS],
    storageCrs: STORAGE_CRS,
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
export function queryablesJson(base: string, c: Collection) {
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
export function schemaJson(base: string, c: Collection) {
  return {
    $schema: JSON_SCHEMA,
    $id: `${base}/collections/${c.id}/schema`,
    title: c.title,
    description: `A feature of "${c.id}". Every property may be null where the value is unknown or withheld.`,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string', description: c.kind === 'facility' ? 'The facility key' : c.kind === 'school' ? 'The Schulnummer' : 'The area code' },
      geometry: { type: 'object', description: c.kind === 'facility' || c.kind === 'school' ? 'GeoJSON Point' : 'GeoJSON Polygon or MultiPolygon' },
      properties: { type: 'object', properties: Object.fromEntries(Object.entries(c.columns).map(([name, column]) => [name, propertySchema(column)])) },
    },
  };
}

