// The OGC API's constants (CRS, conformance classes, link relations) and its OpenAPI 3.0
// definition, with the response schemas of OGC API - Features Part 1 that every answer is checked
// against in the tests.
import { STORAGE_SRID } from '../../../../domain/city.ts';
import { collections } from './ogcCollections.ts';
import { ATLAS_TITLE } from '../../../../domain/city.ts';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
/** The city's storage CRS, which the API also offers. */
export const STORAGE_CRS = `http://www.opengis.net/def/crs/EPSG/0/${STORAGE_SRID}`;

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

/** Items pages: the default size, the largest, and the largest offset. */
export const PAGE = { default: 100, max: 1000, maxOffset: 100_000 };

export const CQL2_TEXT = 'cql2-text';
export const JSON_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';
export const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

/** The OpenAPI 3.0 definition of the endpoints under /ogc, with the response schemas of OGC API - Features. */
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
      title: `${ATLAS_TITLE.de}: OGC API - Features`,
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
            param('bbox-crs', 'CRS of bbox', { type: 'string', enum: [CRS84, STORAGE_CRS], default: CRS84 }),
            param('crs', 'CRS of the geometries', { type: 'string', enum: [CRS84, STORAGE_CRS], default: CRS84 }),
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
            param('crs', 'CRS of the geometry', { type: 'string', enum: [CRS84, STORAGE_CRS], default: CRS84 }),
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
