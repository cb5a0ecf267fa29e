// The import's SQL for the run itself: the record of a run, the grid and reach, the cache.
import type { Db } from '../../db/connect.ts';
import type { Knex } from 'knex';
import { ImportError } from './importError.ts';
import { refreshReach } from './refreshReach.ts';

const json = (value: unknown) => JSON.stringify(value);

export async function recordImportRun(db: Db, startedAt: Date, sources: unknown, report: unknown) {
  await db.raw(
    /* import.recordRun */ `insert into import_run (started_at, finished_at, sources, report) values (?, now(), ?::jsonb, ?::jsonb)`,
    [startedAt.toISOString(), json(sources), json(report)],
  );
}

/** Adds the precompute's duration to the latest import's record (it runs after the import's commit). */
export async function recordPrecompute(db: Db, seconds: number) {
  await db.raw(
    /* import.recordPrecompute */ `update import_run set report = report || jsonb_build_object('precomputeSeconds', ?::float8)
      where id = (select max(id) from import_run)`,
    [seconds],
  );
}

export async function refreshGridAndReach(db: Db, cellSize: number, categories: string[]) {
  const grid = await db.raw(/* import.refreshGrid */ 'select va_refresh_grid(?) as cells', [cellSize]);
  return { cells: grid.rows[0].cells as number, reachRows: await refreshReach(db, categories) };
}

/** The reach of every piece anew on the grid as it is (facilities changed, the sub-districts did not). */
export async function refreshReachOnly(db: Db, categories: string[]) {
  const grid = await db.raw(/* import.gridCount */ 'select count(*)::int as cells from grid_cell');
  return { cells: grid.rows[0].cells as number, reachRows: await refreshReach(db, categories) };
}

/** Cached coverage depends on areas, population and facilities: every import empties it. */
export async function clearCoverageCache(db: Db) {
  await db.raw(/* import.clearCoverageCache */ 'delete from coverage_cache');
}

/** Statistics for the planner on the freshly loaded tables (autovacuum would come later). */
export async function analyzeAll(db: Db) {
  await db.raw(/* import.analyze */ 'analyze');
}

export async function gridIsEmpty(db: Db): Promise<boolean> {
  const result = await db.raw(/* import.gridIsEmpty */ 'select not exists (select 1 from grid_cell) as empty');
  return result.rows[0].empty;
}

/** Serialises facility writes (editors, reviewers, supplements) with each other and with the import. */
export const FACILITY_WRITE_LOCK_KEY = 0x5641_7772;

/** Key of the advisory lock that serialises imports on one database ('VAimport' as a number). */
export const IMPORT_LOCK_KEY = 0x5641_696d;

/**
 * One import at a time per database: a second one (another machine, another terminal) stops at
 * once instead of waiting or interleaving. Held until the import's transaction ends.
 */
export async function takeImportLock(trx: Knex.Transaction): Promise<void> {
  // An import's statements run as long as they need, whatever limit the connection has.
  await trx.raw(/* import.noTimeLimit */ 'set local statement_timeout = 0');
  const result = await trx.raw(/* import.lock */ 'select pg_try_advisory_xact_lock(?) as taken', [IMPORT_LOCK_KEY]);
  if (!result.rows[0].taken) {
    throw new ImportError(
      [{ file: '(database)', message: 'another import is running on this database; wait until it has finished, then try again' }],
      'Import not started; the data is unchanged.',
    );
  }
  // An edit in progress finishes first; edits arriving now wait until the import is done.
  await trx.raw(/* import.facilityWriteLock */ 'select pg_advisory_xact_lock(?)', [FACILITY_WRITE_LOCK_KEY]);
}
