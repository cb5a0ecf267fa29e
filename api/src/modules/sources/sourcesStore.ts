import type { Db } from '../../../../db/connect.ts';


export type ImportRunRow = {
  started_at: string;
  finished_at: string;
  report: { facilities: number; skipped: unknown[]; warnings: string[] };
};

export async function lastImportRun(db: Db): Promise<ImportRunRow | null> {
  const result = await db.raw(
    /* sources.lastImportRun */ `
    select to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as started_at,
           to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as finished_at, report
      from import_run order by id desc limit 1`,
  );
  return result.rows[0] ?? null;
}

export async function hasImportedData(db: Db): Promise<boolean> {
  const result = await db.raw(/* sources.hasData */ 'select exists (select 1 from import_run) as imported');
  return result.rows[0].imported;
}
