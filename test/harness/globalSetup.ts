// Global setup of the real-data and browser layers: imports the city's real data once per test
// run (into a PGlite snapshot, or into a template database on the server) so that each test file
// starts from it in seconds. Both layers use it; the import runs once when both run together.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/connect.ts';
import { runImport } from '../../geodata/import/runImport.ts';
import './provided.ts';
import { emptySnapshot } from './emptySnapshot.ts';
import { prepareTemplate } from './templateDatabase.ts';
import { TEMPLATE_DB } from './testDatabaseUrl.ts';

type Prepared = { databaseUrl: string | null; pgliteSnapshot: string | null };

// The setups of several projects run in one process but may load this module more than once.
const shared = globalThis as { versorgungsatlasImport?: Promise<Prepared> };

export default async function setup(project: TestProject) {
  const config = readConfig();
  if (!config.geodata.dir) {
    throw new Error('The tests use the real source files: set GEODATA_DIR (e.g. GEODATA_DIR=../shared/geodata/dortmund).');
  }
  shared.versorgungsatlasImport ??= prepare(config);
  const prepared = await shared.versorgungsatlasImport;
  project.provide('geodataDir', config.geodata.dir);
  project.provide('censusDir', config.geodata.censusDir ?? path.resolve(config.geodata.dir, '..', 'zensus2011'));
  project.provide('databaseUrl', prepared.databaseUrl);
  project.provide('pgliteSnapshot', prepared.pgliteSnapshot);
  project.provide('emptySnapshot', prepared.databaseUrl ? null : await emptySnapshot());
  // After the whole run: the snapshot (about 400 MB) goes.
  return async () => {
    if (prepared.pgliteSnapshot) await rm(path.dirname(prepared.pgliteSnapshot), { recursive: true, force: true });
  };
}

async function prepare(config: ReturnType<typeof readConfig>): Promise<Prepared> {
  if (config.database.kind === 'postgres') {
    await prepareTemplate(config.database.url, config.geodata);
    console.log(`tests: PostgreSQL server, template database ${TEMPLATE_DB}`);
    return { databaseUrl: config.database.url, pgliteSnapshot: null };
  }
  // From the migrated empty snapshot (made anyway for the fixture tests): loading it takes a second
  // or two, starting PGlite and creating PostGIS anew about 15.
  const empty = await emptySnapshot();
  const db = await openDatabase({ kind: 'pglite', dataDir: null }, { snapshot: new Blob([await readFile(empty)]) });
  await runImport(db.knex, { geodata: config.geodata });
  const snapshot = path.join(await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-test-')), 'snapshot.tar');
  await writeFile(snapshot, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  console.log('tests: embedded database (PGlite)');
  return { databaseUrl: null, pgliteSnapshot: snapshot };
}
