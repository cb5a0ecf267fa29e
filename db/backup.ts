// Backups of the atlas's database, taken while it serves, restored into an empty folder or database.
// A backup file is one line naming the format, one line of JSON naming the atlas version, the
// schema version (the last migration) and the database kind, then the database itself:
// - embedded (PGlite): the data folder as a tarball, taken inside the database's one connection
//   after a checkpoint, so nothing half-written is in it (the running atlas writes it on request:
//   the API's admin endpoint; `npm run backup` when the atlas is stopped);
// - server: `pg_dump` in its custom format (one snapshot while writes go on), without the contents
//   of the coverage cache, sessions, the report limit's hits and sign-in failures (recomputed or
//   transient), which the restore starts empty.
// A restore refuses a folder or database that holds data unless told to replace it, a file that is
// no backup, a backup of the other kind, and a backup of a newer atlas; an older one is migrated
// forward after the restore.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseConfig } from '../config/config.ts';
import type { Database } from './connect.ts';
import { openDatabase } from './connect.ts';
import { migrate, migrationNames } from './migrate.ts';

const run = promisify(execFile);

export const BACKUP_MAGIC = 'VERSORGUNGSATLAS-BACKUP 1';

/** Tables whose contents a server backup leaves out: recomputed on demand, or transient. */
export const NOT_BACKED_UP = ['coverage_cache', 'coverage_cell_cache', 'account_session', 'report_hit', 'sign_in_failure'];

export type BackupHeader = {
  format: 1;
  atlasVersion: string;
  /** The last migration the database had: the schema version. */
  schemaVersion: string;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** Tables whose contents are not in the backup (server backups). */
  excluded: string[];
};

export class BackupError extends Error {}

async function atlasVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function schemaVersionOf(db: Database): Promise<string> {
  const result = await db.knex.raw(/* backup.schemaVersion */ 'select name from knex_migrations order by id desc limit 1');
  return result.rows[0]?.name ?? 'none';
}

/** The backup of a database as bytes (header and payload). */
export async function takeBackup(db: Database, config: DatabaseConfig): Promise<Buffer> {
  const header: BackupHeader = {
    format: 1,
    atlasVersion: await atlasVersion(),
    schemaVersion: await schemaVersionOf(db),
    kind: config.kind,
    createdAt: new Date().toISOString(),
    excluded: config.kind === 'postgres' ? NOT_BACKED_UP : [],
  };
  let payload: Buffer;
  if (config.kind === 'pglite') {
    if (!db.dump) throw new BackupError('this embedded database cannot be dumped');
    payload = Buffer.from(await (await db.dump()).arrayBuffer());
  } else {
    const args = ['--format=custom', '--no-owner', '--no-privileges', ...NOT_BACKED_UP.map((t) => `--exclude-table-data=${t}`), `--dbname=${config.url}`];
    const { stdout } = await run('pg_dump', args, { encoding: 'buffer', maxBuffer: 4 * 1024 ** 3 }).catch((error: Error & { stderr?: Buffer }) => {
      throw new BackupError(`pg_dump failed: ${String(error.stderr ?? error.message).trim().split('\n')[0]} (is the PostgreSQL client of the server's version installed?)`);
    });
    payload = stdout;
  }
  return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`), payload]);
}

/** Writes a backup file (to a temporary name first: a file that exists is complete). */
export async function writeBackupFile(db: Database, config: DatabaseConfig, file: string): Promise<BackupHeader> {
  const bytes = await takeBackup(db, config);
  const partial = `${file}.partial-${randomUUID()}`;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(partial, bytes);
  await rename(partial, file);
  return readHeader(bytes, file).header;
}

/** The header and where the payload starts; a clear error for a file that is not a backup. */
export function readHeader(bytes: Buffer, file: string): { header: BackupHeader; payload: Buffer } {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (first < 0 || second < 0 || bytes.subarray(0, first).toString('utf8') !== BACKUP_MAGIC) {
    throw new BackupError(`${file} is not a Versorgungsatlas backup (it does not start with "${BACKUP_MAGIC}")`);
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(bytes.subarray(first + 1, second).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError(`${file}: the backup's header is damaged`);
  }
  if (header.format !== 1 || !header.schemaVersion || (header.kind !== 'pglite' && header.kind !== 'postgres')) throw new BackupError(`${file}: the backup's header is not one this atlas reads`);
  return { header, payload: bytes.subarray(second + 1) };
}

export type RestoreResult = { header: BackupHeader; migrated: string[] };

/** Restores a backup into the configured (empty) folder or database, then migrates it forward. */
export async function restoreBackup(file: string, config: DatabaseConfig, options: { replace?: boolean } = {}): Promise<RestoreResult> {
  const bytes = await readFile(file).catch(() => {
    throw new BackupError(`${file}: no such file`);
  });
  const { header, payload } = readHeader(bytes, file);
  if (header.kind !== config.kind) {
    throw new BackupError(
      `${file} is a backup of ${header.kind === 'pglite' ? 'an embedded database' : 'a PostgreSQL server'}; ${config.kind === 'pglite' ? 'set DATABASE_URL to restore it into a server' : 'unset DATABASE_URL to restore it into an embedded data folder'} (or export the data through the atlas's OGC API)`,
    );
  }
  const known = migrationNames();
  if (header.schemaVersion !== 'none' && !known.includes(header.schemaVersion)) {
    throw new BackupError(
      `${file} comes from a newer atlas (version ${header.atlasVersion}, schema ${header.schemaVersion}); this atlas knows the schema up to ${known.at(-1)}: restore it with that version or a newer one`,
    );
  }
  // Opened once: loaded (embedded) or restored (server), then migrated forward.
  const db = config.kind === 'pglite' ? await restoreEmbedded(payload, config.dataDir, options.replace ?? false) : await restoreServer(payload, config.url, options.replace ?? false);
  try {
    return { header, migrated: await migrate(db.knex) };
  } finally {
    await db.close();
  }
}

async function restoreEmbedded(payload: Buffer, dataDir: string | null, replace: boolean): Promise<Database> {
  if (!dataDir) throw new BackupError('an embedded restore needs a data folder (DATA_DIR)');
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    if (!replace) throw new BackupError(`${dataDir} is not empty: restore into an empty DATA_DIR, or add --replace to overwrite the database in it`);
    await rm(dataDir, { recursive: true, force: true });
  }
  return openDatabase({ kind: 'pglite', dataDir }, { snapshot: new Blob([new Uint8Array(payload)]) });
}

async function restoreServer(payload: Buffer, url: string, replace: boolean): Promise<Database> {
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    const tables = await db.knex.raw(/* backup.tables */ "select count(*)::int as n from pg_tables where schemaname = 'public' and tablename <> 'spatial_ref_sys'");
    if (tables.rows[0].n > 0) {
      if (!replace) throw new BackupError('the database is not empty: restore into an empty database, or add --replace to drop every table of the atlas first');
      await db.knex.raw('drop schema public cascade');
      await db.knex.raw('create schema public');
    }
  } finally {
    await db.close();
  }
  const dumpFile = path.join(os.tmpdir(), `versorgungsatlas-restore-${randomUUID()}.pgdump`);
  await writeFile(dumpFile, payload);
  try {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, dumpFile], { maxBuffer: 64 * 1024 ** 2 }).catch((error: Error & { stderr?: string }) => {
      throw new BackupError(`pg_restore failed: ${String(error.stderr ?? error.message).trim().split('\n')[0]}`);
    });
  } finally {
    await rm(dumpFile, { force: true });
  }
  return openDatabase({ kind: 'postgres', url });
}

/** The name of a scheduled backup: sortable by time (UTC). */
export const scheduledName = (at: Date) => `versorgungsatlas-${at.toISOString().replace(/[:.]/g, '-')}.backup`;

/** Deletes the oldest scheduled backups in a folder beyond the newest `keep`; returns the deleted names. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => /^versorgungsatlas-\d{4}-\d{2}-\d{2}T[\d-]+Z\.backup$/.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) await rm(path.join(dir, name), { force: true });
  return old;
}

/**
 * Scheduled backups of the running atlas (BACKUP_DIR): one every `intervalMs`, written to a
 * temporary name and renamed, the oldest beyond `keep` deleted. A failure is reported, the next
 * one is tried on time. Returns the function that stops the schedule.
 */
export function scheduleBackups(options: { dir: string; intervalMs: number; keep: number; take: () => Promise<Buffer>; report: (line: string, failed: boolean) => void }): () => void {
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    try {
      await mkdir(options.dir, { recursive: true });
      const file = path.join(options.dir, scheduledName(new Date()));
      const partial = `${file}.partial-${randomUUID()}`;
      await writeFile(partial, await options.take());
      await rename(partial, file);
      const pruned = await pruneBackups(options.dir, options.keep);
      options.report(`backup: ${file}${pruned.length ? `; deleted ${pruned.join(', ')}` : ''}`, false);
    } catch (error) {
      options.report(`backup failed: ${(error as Error).message}`, true);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void once(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
