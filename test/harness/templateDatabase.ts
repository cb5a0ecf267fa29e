// The template database on the server (DATABASE_URL) with the imported city, from which every
// real-data and browser test file copies its own database. Run alone (CI does, while the fast test
// layers run): DATABASE_URL=... TEST_RUN_ID=... tsx test/harness/templateDatabase.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { runImport } from '../../geodata/import/runImport.ts';
import { TEMPLATE_DB, withDatabase } from './testDatabaseUrl.ts';

/**
 * The template database with the imported city. Within one CI run (TEST_RUN_ID) the suites on the
 * server share it: the first imports (holding a lock, so that a second waits), the others find it
 * marked with the run and use it as it is. Without TEST_RUN_ID every run imports anew.
 */
export async function prepareTemplate(url: string, geodata: ReturnType<typeof readConfig>['geodata']) {
  const runId = process.env.TEST_RUN_ID?.replace(/[^A-Za-z0-9_-]/g, '') || null;
  const lock = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [TEMPLATE_DB]);
    if (runId) {
      const marked = await lock.query('select shobj_description(oid, $1) as mark from pg_database where datname = $2', ['pg_database', TEMPLATE_DB]);
      if (marked.rows[0]?.mark === `run ${runId}`) return;
    }
    await lock.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await lock.query(`create database ${TEMPLATE_DB}`);
    const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
    try {
      await migrate(db.knex);
      await runImport(db.knex, { geodata });
    } finally {
      await db.close();
    }
    if (runId) await lock.query(`comment on database ${TEMPLATE_DB} is 'run ${runId}'`);
  } finally {
    await lock.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const config = readConfig();
  if (config.database.kind !== 'postgres') throw new Error('Set DATABASE_URL to the PostgreSQL server that holds the template.');
  const started = Date.now();
  await prepareTemplate(config.database.url, config.geodata);
  console.log(`template database ${TEMPLATE_DB} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
