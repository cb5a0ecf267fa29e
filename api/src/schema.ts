// The schema is written first, in one .graphql file per domain; resolvers are merged here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountResolvers } from './modules/accounts/resolvers.ts';
import { areaResolvers } from './modules/areas/resolvers.ts';
import { coverageResolvers } from './modules/coverage/resolvers.ts';
import { GeoJSONScalar, JSONScalar } from './modules/common/geojsonScalar.ts';
import { editingResolvers } from './modules/editing/resolvers.ts';
import { facilityResolvers } from './modules/facilities/resolvers.ts';
import { planningResolvers } from './modules/planning/resolvers.ts';
import { schoolResolvers } from './modules/schools/resolvers.ts';
import { sourcesResolvers } from './modules/sources/resolvers.ts';
import { taxonomyResolvers } from './modules/taxonomy/resolvers.ts';

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');

export const typeDefs = ['common', 'areas', 'taxonomy', 'facilities', 'sources', 'coverage', 'accounts', 'editing', 'planning', 'schools'].map((domain) =>
  readFileSync(path.join(modulesDir, domain, 'schema.graphql'), 'utf8'),
);

export const resolvers = [
  { GeoJSON: GeoJSONScalar, JSON: JSONScalar },
  areaResolvers,
  taxonomyResolvers,
  facilityResolvers,
  sourcesResolvers,
  coverageResolvers,
  accountResolvers,
  editingResolvers,
  planningResolvers,
  schoolResolvers,
];
