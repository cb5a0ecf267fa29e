// The cell coverage cache: va_cell_coverage results per parameter set, so that area, city and gap
// figures are aggregations over a table. The defaults are filled at import and pinned; other
// parameter sets are bounded in number, the oldest dropped first. Every import empties it. It
// lives with the geodata because, with a walking network, the 2SFCA's walked catchments come from
// network/ (the SQL function measures them straight).
import type { Db } from '../db/connect.ts';
import { loadGraph } from './network/networkStore.ts';
import { networkSupply } from './network/networkSupply.ts';
import type { AgeBand } from '../domain/ageBands.ts';
import type { Distribution } from '../domain/distribution.ts';

/** A coverage question as the SQL takes it: the names are the API's, bound by name (:ageBand). */
export type CoverageParams = { categories: string[]; ageBand: AgeBand; threshold: number; detour: number; distribution: Distribution };

/**
 * Parameter sets kept besides the pinned defaults (precomputed at import). Beyond this the oldest
 * are dropped, so no sequence of requests grows the database without bound (about 35,000 rows each).
 */
export const MAX_UNPINNED_CACHE_ENTRIES = 24;

export function cacheKey(p: CoverageParams): string {
  return JSON.stringify([[...p.categories].sort(), p.ageBand, p.threshold, p.detour, p.distribution]);
}

/**
 * Computes the cell coverage for a parameter set once and keeps it until the next import, so
 * that area, city and gap figures are aggregations over a table. Returns the cache key.
 */
/** Whether the cell coverage of a parameter set is cached (asking costs nothing, filling it is an analysis). */
export async function isCoverageCached(db: Db, p: CoverageParams): Promise<boolean> {
  const cached = await db.raw(/* coverage.cacheHit */ 'select 1 from coverage_cache where key = ?', [cacheKey(p)]);
  return cached.rows.length > 0;
}

/** Questions answered from the cache or computed, in this process (read by the metrics). */
export const coverageCacheStats = { hits: 0, misses: 0 };

export async function ensureCellCoverage(db: Db, p: CoverageParams, pinned = false, analyze = true): Promise<string> {
  const key = cacheKey(p);
  const cached = await db.raw(/* coverage.cacheHit */ 'select 1 from coverage_cache where key = ?', [key]);
  if (cached.rows.length > 0) {
    coverageCacheStats.hits += 1;
    return key;
  }
  coverageCacheStats.misses += 1;
  const filled = await db.transaction(async (trx) => {
    const claimed = await trx.raw(
      /* coverage.cacheClaim */ 'insert into coverage_cache (key, pinned) values (?, ?) on conflict (key) do nothing',
      [key, pinned],
    );
    if ((claimed.rowCount ?? 0) === 0) return false;
    // The defaults are computed by the import, which has no time limit.
    if (pinned) await trx.raw(/* coverage.noTimeLimit */ 'set local statement_timeout = 0');
    // With a walking network the 2SFCA's catchments are walks too (computed outside SQL, like the
    // walks of cell_reach): its supply replaces the straight one.
    const graph = await loadGraph(trx);
    const walked = graph ? await networkSupply(trx, graph, p) : null;
    await trx.raw(
      /* coverage.cacheFill */ `
      insert into coverage_cell_cache (key, cell_id, ubz_id, children, distance_m, supply_per_1000, on_network)
      select :key, c.cell_id, c.ubz_id, c.children, c.distance_m,
             case when :walked then coalesce(w.supply, 0) else c.supply_per_1000 end, c.on_network
        from va_cell_coverage(cast(:categories as text[]), :ageBand, :threshold, :detour, :distribution, not :walked) c
        left join unnest(cast(:cellIds as int[]), cast(:supply as float8[])) as w(cell_id, supply) on w.cell_id = c.cell_id`,
      {
        key,
        categories: p.categories,
        ageBand: p.ageBand,
        threshold: p.threshold,
        detour: p.detour,
        distribution: p.distribution,
        walked: walked !== null,
        cellIds: walked?.cellIds ?? [],
        supply: walked?.supply ?? [],
      },
    );
    await trx.raw(
      /* coverage.cacheEvict */ `
      delete from coverage_cache where key in (
        select key from coverage_cache where not pinned order by created_at desc, key offset ?)`,
      [MAX_UNPINNED_CACHE_ENTRIES],
    );
    return true;
  });
  // Fresh statistics, or the planner misjudges the grown table and the area sums take seconds.
  if (filled && analyze) await db.raw(/* coverage.cacheAnalyze */ 'analyze coverage_cell_cache');
  return key;
}

/**
 * A change to facilities of these categories (an edit, a supplement) makes every cached coverage
 * that counts one of them stale: dropped, pinned defaults included (recomputed on the next ask).
 */
export async function invalidateCoverage(db: Db, categories: string[]): Promise<number> {
  const result = await db.raw(
    /* coverage.cacheInvalidate */ `
    delete from coverage_cache
     where exists (select 1 from jsonb_array_elements_text((key::jsonb) -> 0) c where c = any(?::text[]))`,
    [categories],
  );
  return result.rowCount ?? 0;
}

/** Fills (and pins) the cache for the given parameter sets: what the dashboard asks first. */
export async function precomputeCoverage(db: Db, sets: CoverageParams[]): Promise<number> {
  for (const p of sets) await ensureCellCoverage(db, p, true, false);
  await db.raw(/* coverage.cacheAnalyze */ 'analyze coverage_cell_cache');
  return sets.length;
}
