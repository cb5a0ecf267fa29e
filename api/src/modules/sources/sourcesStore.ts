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

export type CalibrationRow = { category: string; children: number; median_ratio: number | null; p90_ratio: number | null; mean_walk: number | null; mean_straight: number | null };

/**
 * Walking against the straight line per category, over the children (0-17, census distribution) of
 * the pieces whose nearest facility was measured on the network: the children-weighted median and
 * 90th percentile of walk / straight line (both to the nearest facility), and the mean of each.
 * Pieces within 1 m of a facility are left out (no ratio).
 */
export async function networkCalibration(db: Db): Promise<CalibrationRow[]> {
  const result = await db.raw(
    /* sources.networkCalibration */ `
    with k as (
      select cell_id, children from va_cell_children('0-17', 'census') where children > 0
    ), measured as (
      select r.category, k.children, r.network_m, r.distance_m, r.network_m / r.distance_m as ratio
        from cell_reach r join k on k.cell_id = r.cell_id
       where r.network_m is not null and r.distance_m >= 1 and (r.offnet_m is null or r.network_m <= r.offnet_m)
    ), ranked as (
      select m.*, sum(m.children) over (partition by m.category order by m.ratio rows between unbounded preceding and current row) as cumulative,
             sum(m.children) over (partition by m.category) as total
        from measured m
    )
    select r.category, max(r.total) as children,
           min(r.ratio) filter (where r.cumulative >= 0.5 * r.total) as median_ratio,
           min(r.ratio) filter (where r.cumulative >= 0.9 * r.total) as p90_ratio,
           sum(r.children * r.network_m) / sum(r.children) as mean_walk,
           sum(r.children * r.distance_m) / sum(r.children) as mean_straight
      from ranked r join facility_category c on c.key = r.category
     group by r.category, c.sort_order
     order by c.sort_order`,
  );
  return result.rows;
}
