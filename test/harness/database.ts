// A database of its own for one test file, holding the imported real data: a fresh PGlite loaded
// from the run's snapshot, or a copy of the template database on the server.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import knexFactory from 'knex';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { TEMPLATE_DB, withDatabase } from './testDatabaseUrl.ts';

export async function openTestDatabase(): Promise<Database> {
  const url = inject('databaseUrl');
  if (url) return copyTemplate(url);
  const snapshot = inject('pgliteSnapshot');
  if (!snapshot) throw new Error('No test database: the global setup did not run');
  return openDatabase({ kind: 'pglite', dataDir: null }, { snapshot: new Blob([await readFile(snapshot)]) });
}

/** A database with the schema but no data, for hand-made fixtures. */
export async function openEmptyTestDatabase(): Promise<Database> {
  const url = inject('databaseUrl');
  if (url) {
    const db = await createDatabase(url, null);
    await migrate(db.knex);
    return db;
  }
  const snapshot = inject('emptySnapshot');
  if (!snapshot) throw new Error('No empty database: the global setup did not run');
  return openDatabase({ kind: 'pglite', dataDir: null }, { snapshot: new Blob([await readFile(snapshot)]) });
}

function copyTemplate(url: string): Promise<Database> {
  return createDatabase(url, TEMPLATE_DB);
}

async function createDatabase(url: string, template: string | null): Promise<Database> {
  const name = `versorgungsatlas_test_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: withDatabase(url, 'postgres'), pool: { min: 0, max: 1 } });
  // Two suites may copy the template at the same moment; PostgreSQL refuses a copy while another
  // session touches the template (55006): try again shortly.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.raw(`create database ${name}${template ? ` template ${template}` : ''}`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** The geodata settings the tests use: the real files in GEODATA_DIR. */
export function testGeodata() {
  return { dir: inject('geodataDir'), censusDir: inject('censusDir'), cacheDir: '/nonexistent-cache' };
}
