// The import's SQL for the run itself: the record of a run, the grid and reach, the cache.
import type { Db } from '../../db/connect.ts';
import { refreshReach } from './refreshReach.ts';

const json = (value: unknown) => JSON.stringify(value);

export async function recordImportRun(db: Db, startedAt: Date, sources: unknown, report: unknown) {
  await db.raw(
    /* import.recordRun */ `insert into import_run (started_at, finished_at, sources, report) values (?, now(), ?::jsonb, ?::jsonb)`,
    [startedAt.toISOString(), json(sources), json(report)],
  );
}

export async function refreshGridAndReach(db: Db, cellSize: number, categories: string[]) {
  const grid = await db.raw(/* import.refreshGrid */ 'select va_refresh_grid(?) as cells', [cellSize]);
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
