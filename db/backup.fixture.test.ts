// Backups on both databases as an operator takes them: from the running atlas while an editor keeps
// writing (what was acknowledged before the backup began is in it, nothing half-written), restored
// into an empty folder or database and compared table by table with the original; refusals of a
// non-empty target, a foreign file, the other kind and a newer atlas's backup; and a database of
// the previous release migrated forward without loss.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../config/config.ts';
import { openEmptyTestDatabase } from '../test/harness/database.ts';
import { loadTwoSquares, toLonLat, X, Y } from '../test/fixtures/twoSquares.ts';
import { withDatabase } from '../test/harness/testDatabaseUrl.ts';
import { startWriteSuite, type WriteSuite } from '../test/harness/writeSuite.ts';
import { BACKUP_MAGIC, BackupError, NOT_BACKED_UP, pruneBackups, restoreBackup, scheduleBackups, takeBackup } from './backup.ts';
import { type Database, openDatabase } from './connect.ts';
import { migrate, migrateTo, migrationNames } from './migrate.ts';

const serverUrl = inject('databaseUrl');
let db: Database;
let config: DatabaseConfig;
let suite: WriteSuite;
let dir: string;
let restTarget: DatabaseConfig;
const targets: Database[] = [];
const admin = serverUrl ? knexFactory({ client: 'pg', connection: withDatabase(serverUrl, 'postgres'), pool: { min: 0, max: 1 } }) : null;

/** An empty folder or database to restore into. */
async function emptyTarget(name: string): Promise<DatabaseConfig> {
  if (!serverUrl) return { kind: 'pglite', dataDir: path.join(dir, name) };
  const database = `versorgungsatlas_restore_${name}_${Math.random().toString(16).slice(2, 8)}`;
  await admin!.raw(`create database ${database}`);
  return { kind: 'postgres', url: withDatabase(serverUrl, database) };
}

async function openTarget(target: DatabaseConfig): Promise<Database> {
  const opened = await openDatabase(target);
  targets.push(opened);
  return opened;
}

/** Every row of every table that holds primary data, in a stable order (geometries as EWKT). */
async function contents(knex: Database['knex']) {
  const tables = (await knex.raw("select tablename from pg_tables where schemaname = 'public' and tablename not in ('spatial_ref_sys', 'knex_migrations', 'knex_migrations_lock') order by tablename")).rows.map((r: { tablename: string }) => r.tablename);
  const result: Record<string, unknown[]> = {};
  for (const table of tables.filter((t: string) => !NOT_BACKED_UP.includes(t))) {
    const rows = (await knex.raw(`select to_jsonb(t) as row from ${table} t`)).rows.map((r: { row: unknown }) => JSON.stringify(r.row));
    result[table] = rows.sort();
  }
  return result;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-backup-'));
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex);
  config = serverUrl ? { kind: 'postgres', url: withDatabase(serverUrl, (await db.knex.raw('select current_database() as name')).rows[0].name) } : { kind: 'pglite', dataDir: null };
  suite = await startWriteSuite({ database: async () => db, server: { backup: () => takeBackup(db, config) } });
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await suite?.stop();
  await admin?.destroy();
});

describe('backup and restore', () => {
  it('takes a backup from the running atlas while an editor writes, and the restore holds every acknowledged write whole', async () => {
    const editor = await suite.signedIn('eda', 'Eda Editor', 'editor');
    const token = await suite.apiToken('backup', 'admin');
    const location = await toLonLat(db.knex, X + 500, Y + 300);
    const acknowledged: string[] = [];
    let before: string[] = [];
    let writing = true;
    const write = async (i: number) => {
      const answer = await suite.data(
        'mutation ($f: FacilityFields!, $l: PointInput!) { createFacility(fields: $f, location: $l, reason: "Eintrag aus der Begehung am 02.12.2026") { facility { key } } }',
        { f: { name: `Familienzentrum ${i}`, category: 'familienzentrum' }, l: location },
        { cookie: editor.cookie },
      );
      acknowledged.push(answer.createFacility.facility.key);
    };
    const writer = (async () => {
      for (let i = 0; writing || i < 8; i++) await write(i);
    })();
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
    before = [...acknowledged];
    const response = await fetch(`${suite.server.url}/admin/backup`, { method: 'POST', headers: { authorization: token.authorization } });
    writing = false;
    await writer;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="versorgungsatlas-\d{4}-\d{2}-\d{2}\.backup"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, BACKUP_MAGIC.length).toString()).toBe(BACKUP_MAGIC);
    const file = path.join(dir, 'during-writes.backup');
    await writeFile(file, bytes);
    const target = await emptyTarget('during');
    const { header, migrated } = await restoreBackup(file, target);
    expect(header).toMatchObject({ schemaVersion: migrationNames().at(-1), kind: config.kind, atlasVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(migrated).toEqual([]);
    const restored = await openTarget(target);
    const keys = (await restored.knex.raw("select key from facility where origin = 'manual'")).rows.map((r: { key: string }) => r.key);
    for (const key of before) expect(keys).toContain(key);
    // Nothing half-written: each facility in the backup has its audit record, and no record lacks its facility.
    const created = (await restored.knex.raw("select entity_key from audit_log where action = 'facility.create'")).rows.map((r: { entity_key: string }) => r.entity_key);
    expect(created.sort()).toEqual([...keys].sort());
    // The backup itself is in the audit trail of the original.
    expect((await db.knex.raw("select count(*)::int as n from audit_log where action = 'backup.create' and actor = 'token:backup'")).rows[0].n).toBe(1);
  }, 120_000);

  it('restores a backup taken at rest exactly: every table row for row', async () => {
    const file = path.join(dir, 'rest.backup');
    await writeFile(file, await takeBackup(db, config));
    const target = await emptyTarget('rest');
    restTarget = target;
    await restoreBackup(file, target);
    const restored = await openTarget(target);
    const [original, copy] = [await contents(db.knex), await contents(restored.knex)];
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    for (const table of Object.keys(original)) expect(copy[table], table).toEqual(original[table]);
    expect(original.facility_record.length).toBeGreaterThan(8);
    expect(original.audit_log.length).toBeGreaterThan(8);
  }, 120_000);

  it('refuses a target that holds data, a file that is no backup, the other kind and a newer atlas, saying what to do', async () => {
    const file = path.join(dir, 'rest.backup');
    // The target of the restore before holds data now.
    await expect(restoreBackup(file, restTarget)).rejects.toThrow(/is not empty: restore into an empty (DATA_DIR|database), or add --replace/);
    const used = await emptyTarget('used');
    if (used.kind === 'pglite') {
      await mkdir(used.dataDir!, { recursive: true });
      await writeFile(path.join(used.dataDir!, 'PG_VERSION'), '17');
    } else await (await openTarget(used)).knex.raw('create table leftover (id int)');
    await expect(restoreBackup(file, used)).rejects.toThrow(/is not empty/);
    await restoreBackup(file, used, { replace: true });
    const foreign = path.join(dir, 'foreign.backup');
    await writeFile(foreign, 'PGDMP not ours');
    await expect(restoreBackup(foreign, await emptyTarget('foreign'))).rejects.toThrow(/foreign\.backup is not a Versorgungsatlas backup/);
    const bytes = await readFile(file);
    const text = bytes.subarray(0, 400).toString('latin1');
    const other = config.kind === 'pglite' ? 'postgres' : 'pglite';
    const otherKind = path.join(dir, 'other-kind.backup');
    await writeFile(otherKind, Buffer.from(bytes.toString('latin1').replace(`"kind":"${config.kind}"`, `"kind":"${other}"`), 'latin1'));
    await expect(restoreBackup(otherKind, await emptyTarget('kind'))).rejects.toThrow(config.kind === 'pglite' ? /unset DATABASE_URL|set DATABASE_URL/ : /unset DATABASE_URL/);
    const newer = path.join(dir, 'newer.backup');
    await writeFile(newer, Buffer.from(bytes.toString('latin1').replace(/"schemaVersion":"[^"]+"/, '"schemaVersion":"0099_future"'), 'latin1'));
    await expect(restoreBackup(newer, await emptyTarget('newer'))).rejects.toThrow(/comes from a newer atlas .*schema 0099_future.*restore it with that version or a newer one/);
    expect(text.startsWith(BACKUP_MAGIC)).toBe(true);
    expect(BackupError).toBeDefined();
  }, 120_000);

  it('writes scheduled backups and keeps the newest few', async () => {
    const folder = path.join(dir, 'scheduled');
    const reports: string[] = [];
    const stop = scheduleBackups({ dir: folder, intervalMs: 300, keep: 2, take: () => takeBackup(db, config), report: (line) => reports.push(line) });
    try {
      await expect.poll(() => reports.filter((r) => r.startsWith('backup: ')).length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    } finally {
      stop();
    }
    await new Promise((r) => setTimeout(r, 500));
    const kept = (await readdir(folder)).filter((n) => n.endsWith('.backup'));
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    for (const name of kept) expect(name).toMatch(/^versorgungsatlas-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.backup$/);
    expect(reports.some((r) => r.includes('deleted'))).toBe(true);
    expect(await pruneBackups(folder, 1)).toHaveLength(kept.length - 1);
  }, 120_000);

  it("migrates a database of the previous release forward without losing a row", async () => {
    // Embedded: in memory (the schema is what counts here, not the folder).
    const old = await openTarget(serverUrl ? await emptyTarget('upgrade') : { kind: 'pglite', dataDir: null });
    const names = migrationNames();
    const previous = names[names.indexOf('0031_walk_network')];
    await migrateTo(old.knex, previous);
    // What an editor leaves in the previous release: a category, a facility entered by hand, an account, an audit record.
    await old.knex.raw(`insert into facility_category (key, label_de, label_en, field_of_action, age_min, age_max, description, sort_order)
      values ('familienzentrum', 'Familienzentrum', 'Family centre', 'eltern_beratung_gesundheit', 0, 5, 'entered by editors', 1)`);
    await old.knex.raw(`insert into facility_record (key, name, category, geom, source_dataset, source_file, source_sha256, licence, attribution, properties, origin)
      values ('manual:fz-1', 'Familienzentrum Nordmarkt', 'familienzentrum', ST_SetSRID(ST_MakePoint(393500, 5713500), 25832), 'manual', '-', '-', '-', '-', '{}', 'manual')`);
    await old.knex.raw("insert into account (login, display_name, role) values ('ada', 'Ada Admin', 'admin')");
    await old.knex.raw(`insert into audit_log (at, actor, action, entity, entity_key, after, reason) values ('2026-12-03T08:15:00Z', 'ada', 'facility.create', 'facility', 'manual:fz-1', '{"name": "Familienzentrum Nordmarkt"}', 'Begehung am 03.12.2026')`);
    const before = await contents(old.knex);
    const ran = await migrate(old.knex);
    expect(ran).toEqual(names.slice(names.indexOf(previous) + 1));
    const after = await contents(old.knex);
    for (const table of Object.keys(before)) {
      if (table === 'facility_category') continue; // a new column (sized_by) with its default
      expect(after[table], table).toEqual(before[table]);
    }
    expect(after.facility_category.map((r) => ({ ...JSON.parse(String(r)), sized_by: undefined }))).toEqual(before.facility_category.map((r) => JSON.parse(String(r))));
    expect(after.facility_record).toHaveLength(1);
    expect(after.audit_log).toHaveLength(1);
  }, 120_000);
});
