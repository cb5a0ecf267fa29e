// Runs once per test run: imports the real Dortmund data once (into a PGlite snapshot, or into a
// template database on the server) so that each test file starts from it in seconds.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../api/src/config.ts';
import { ensureWebBuild } from '../../api/src/ensureWebBuild.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { runImport } from '../../geodata/import/runImport.ts';
import { TEMPLATE_DB, withDatabase } from './testDatabaseUrl.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string | null;
    databaseUrl: string | null;
    geodataDir: string;
    censusDir: string;
  }
}

export default async function setup(project: TestProject) {
  const config = readConfig();
  if (!config.geodata.dir) {
    throw new Error('The tests use the real source files: set GEODATA_DIR (e.g. GEODATA_DIR=../shared/geodata/dortmund).');
  }
  await ensureWebBuild(config.webDistDir, console.log);
  project.provide('geodataDir', config.geodata.dir);
  project.provide('censusDir', config.geodata.censusDir ?? path.resolve(config.geodata.dir, '..', 'zensus2011'));
  if (config.database.kind === 'postgres') {
    await prepareTemplate(config.database.url, config.geodata);
    project.provide('databaseUrl', config.database.url);
    project.provide('pgliteSnapshot', null);
    console.log(`tests: PostgreSQL server, template database ${TEMPLATE_DB}`);
    return;
  }
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(db.knex);
  await runImport(db.knex, { geodata: config.geodata });
  const snapshot = path.join(await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-test-')), 'snapshot.tar.gz');
  await writeFile(snapshot, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  project.provide('pgliteSnapshot', snapshot);
  project.provide('databaseUrl', null);
  console.log('tests: embedded database (PGlite)');
}

async function prepareTemplate(url: string, geodata: ReturnType<typeof readConfig>['geodata']) {
  const admin = knexFactory({ client: 'pg', connection: withDatabase(url, 'postgres'), pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.raw(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.destroy();
  }
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
  try {
    await migrate(db.knex);
    await runImport(db.knex, { geodata });
  } finally {
    await db.close();
  }
}
