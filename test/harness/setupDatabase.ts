// Global setup of the database layer (hand-made fixtures): says which database to use and, for the
// embedded one, makes the migrated empty snapshot each test file starts from. Needs no source data.
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../config/config.ts';
import './provided.ts';
import { emptySnapshot } from './emptySnapshot.ts';

export default async function setup(project: TestProject) {
  const config = readConfig();
  const url = config.database.kind === 'postgres' ? config.database.url : null;
  project.provide('databaseUrl', url);
  project.provide('emptySnapshot', url ? null : await emptySnapshot());
  project.provide('pgliteSnapshot', null);
  project.provide('geodataDir', '');
  project.provide('censusDir', '');
}
