// Global setup of the database layer (hand-made fixtures): only says which database to use.
// Needs no source data: each test file builds its own small world in an empty database.
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../config/config.ts';
import './provided.ts';

export default function setup(project: TestProject) {
  const config = readConfig();
  project.provide('databaseUrl', config.database.kind === 'postgres' ? config.database.url : null);
  project.provide('pgliteSnapshot', null);
  project.provide('geodataDir', '');
  project.provide('censusDir', '');
}
