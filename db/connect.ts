// Opens the database: embedded PGlite with PostGIS by default, a PostgreSQL/PostGIS server with
// DATABASE_URL. Both are reached through knex, so stores and migrations do not know which one runs.
import knexFactory, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import pg from 'pg';
import { mkdir } from 'node:fs/promises';
import { dumpWithoutSpareWal } from './dataDirDump.ts';
import { lockDataDir } from './dataDirLock.ts';
import type { DatabaseConfig } from '../config/config.ts';

/** A connection or an open transaction: every store function takes either. */
export type Db = Knex | Knex.Transaction;

export type Database = {
  knex: Knex;
  kind: DatabaseConfig['kind'];
  close: () => Promise<void>;
  /** Embedded only: the data folder as a tarball (without spare WAL), for fast test start-up. */
  dump?: () => Promise<Blob>;
};

// numeric and bigint come back as strings by default; every count and measure here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type OpenOptions = {
  snapshot?: Blob;
  /**
   * Server only: stop any statement after this long (the API sets it; imports do not). The
   * embedded database runs in this process and cannot interrupt a statement; its requests are
   * bounded by the API's cost limit instead.
   */
  statementTimeoutMs?: number;
};

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    const timeout = options.statementTimeoutMs;
    const knex = knexFactory({
      client: 'pg',
      connection: config.url,
      pool: {
        min: 0,
        max: 8,
        // No JIT: the atlas's statements are short, and a misestimated join (a JSON list of points
        // crossed with the grid) made PostgreSQL spend 0.9 s compiling a 30 ms query.
        afterCreate: (conn: pg.Client, done: (error: Error | null, conn: pg.Client) => void) =>
          conn.query(`set jit = off${timeout ? `; set statement_timeout = ${Math.round(timeout)}` : ''}`, (error) => done(error, conn)),
      },
    });
    return { knex, kind: 'postgres', close: () => knex.destroy() };
  }
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  const pglite = await PGlite.create({
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    extensions: { postgis },
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  }).catch((error) => {
    release();
    throw error;
  });
  const knex = knexFactory({ client: ClientPGLite, connection: () => ({ pglite }) } as Knex.Config);
  return {
    knex,
    kind: 'pglite',
    close: async () => {
      await knex.destroy();
      release();
    },
    // Uncompressed (gzip makes loading three times slower) and without the spare WAL: the imported
    // city loads in about 4 s instead of 9.
    dump: () => dumpWithoutSpareWal(pglite),
  };
}

/** The PostGIS version, or a clear error when the extension is missing. */
export async function checkPostgis(knex: Knex): Promise<string> {
  const rows = await knex.raw(
    /* db.postgisVersion */ `select extversion as version from pg_extension where extname = 'postgis'`,
  );
  const version = rows.rows[0]?.version as string | undefined;
  if (!version) {
    throw new Error(
      'PostGIS is not installed in this database. Run "CREATE EXTENSION postgis;" as a superuser, ' +
        'or install the PostGIS package for your PostgreSQL server (Debian: postgresql-15-postgis-3).',
    );
  }
  return version;
}
