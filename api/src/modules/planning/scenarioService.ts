// A scenario's changes checked and applied to one coverage target, without touching the real
// data: the baseline cells come from the coverage cache; only the cells whose nearest facility or
// 2SFCA supply the changes alter are computed anew (SQL), the figures per area, the ranking, the
// equity measures and the site suggestions from the cells (cellFigures.ts).
import { defaultThreshold, thresholds } from '../../../../domain/coverageRules.ts';
import { reachCategories } from '../../../../domain/taxonomy.ts';
import type { Context } from '../../context.ts';
import type * as areaStore from '../areas/areaStore.ts';
import type { AreaLevel } from '../common/enums.ts';
import { childCount } from '../coverage/childCount.ts';
import { shapeCoverage } from '../coverage/coverageService.ts';
import { ensureCoverage, type AreaCoverageRow } from '../coverage/coverageStore.ts';
import { resolveCoverage, type CoverageArgs } from '../coverage/coverageTarget.ts';
import { rankNeedProvision } from '../coverage/needProvision.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { areaFigures, cellsByArea, type AreaFigures } from './cellFigures.ts';
import * as store from './planningStore.ts';
import type { CheckedChange } from './scenarioChanges.ts';
import { scenarioCells, type ScenarioCells } from './scenarioCells.ts';
import { equityMethod, equityOf, povertyBoth, round } from './equity.ts';

export type EffectArgs = CoverageArgs & { level: AreaLevel };

/** The full evaluation of changes for one target. */
export async function evaluate(ctx: Context, args: EffectArgs, changes: CheckedChange[]) {
  const { params, method } = await resolveCoverage(ctx, args);
  const key = await ensureCoverage(ctx.db, params);
  const levels = [...new Set([args.level, 'aktionsraum', 'city', 'ubz'])];
  const [cells, membership, perUbz] = await Promise.all([
    scenarioCells(ctx, params, key, changes),
    store.memberships(ctx.db, levels),
    store.facilitiesPerUbz(ctx.db, params.categories),
  ]);
  const byArea = { before: cellsByArea(cells.before, membership), after: cellsByArea(cells.after, membership) };
  const beforeById = new Map(cells.before.map((c) => [c.id, c]));
  const areaIds = [...new Set(membership.map((m) => m.area_id))];
  const [areas, poverty] = await Promise.all([ctx.loaders.areaById.loadMany(areaIds), povertyBoth(ctx, areaIds)]);
  const areaById = new Map(areaIds.map((id, i) => [id, areas[i] as areaStore.AreaRow]));
  const ubzOfArea = new Map<number, number[]>();
  for (const m of membership) ubzOfArea.set(m.area_id, [...(ubzOfArea.get(m.area_id) ?? []), m.ubz_id]);
  const levelOf = new Map(membership.map((m) => [m.area_id, m.level]));
  const figures = new Map<number, { before: AreaFigures; after: AreaFigures; inside: number; insideAfter: number }>();
  for (const id of areaIds) {
    const inside = (ubzOfArea.get(id) ?? []).reduce((s, u) => s + (perUbz.get(u) ?? 0), 0);
    const delta = (ubzOfArea.get(id) ?? []).reduce((s, u) => s + (cells.facilityDelta.get(u) ?? 0), 0);
    figures.set(id, {
      before: areaFigures(id, byArea.before.get(id) ?? [], params.threshold),
      after: areaFigures(id, byArea.after.get(id) ?? [], params.threshold, beforeById),
      inside,
      insideAfter: inside + delta,
    });
  }
  const row = (f: AreaFigures, inside: number): AreaCoverageRow => ({ ...f, level: levelOf.get(f.area_id) as AreaLevel, facilities_inside: inside });
  const cityId = areaIds.find((id) => levelOf.get(id) === 'city')!;
  const ranks = (level: string) => {
    if (level === 'city') return new Map<number, { before: number; after: number; pb: number; pa: number }>();
    const ids = areaIds.filter((id) => levelOf.get(id) === level);
    const rank = (when: 'before' | 'after') => {
      const shape = (id: number) => shapeCoverage(areaById.get(id)!, row(figures.get(id)![when], 0)).shareWithin;
      const ranked = rankNeedProvision(
        ids.map((id) => ({ areaId: id, poverty2018: poverty.y2018.get(id) ?? null, poverty2024: poverty.y2024.get(id) ?? null, shareWithin: shape(id), supply: null })),
        { poverty2024: poverty.y2024.get(cityId) ?? null, shareWithin: shape(cityId) },
      );
      return new Map(ranked.map((r, i) => [r.areaId, { rank: i + 1, score: r.priorityScore }]));
    };
    const b = rank('before');
    const a = rank('after');
    return new Map(ids.map((id) => [id, { before: b.get(id)!.rank, after: a.get(id)!.rank, pb: b.get(id)!.score, pa: a.get(id)!.score }]));
  };
  const effectRows = (level: string) => {
    const r = ranks(level);
    return areaIds
      .filter((id) => levelOf.get(id) === level)
      .map((id) => {
        const f = figures.get(id)!;
        const area = areaById.get(id)!;
        const before = shapeCoverage(area, row(f.before, f.inside));
        const after = shapeCoverage(area, row(f.after, f.insideAfter));
        const rank = r.get(id);
        return {
          area,
          before,
          after,
          newlyWithin: childCount(f.after.newly_within),
          newlyBeyond: childCount(f.after.newly_beyond),
          shareWithinChange: before.shareWithin === null || after.shareWithin === null ? null : round(after.shareWithin - before.shareWithin, 6),
          supplyChange: before.supplyPer1000Children === null || after.supplyPer1000Children === null ? null : round(after.supplyPer1000Children - before.supplyPer1000Children, 3),
          rankBefore: rank?.before ?? null,
          rankAfter: rank?.after ?? null,
          priorityBefore: rank ? round(rank.pb) : null,
          priorityAfter: rank ? round(rank.pa) : null,
        };
      })
      .sort((a, b) => (a.rankAfter ?? 0) - (b.rankAfter ?? 0) || a.area.code.localeCompare(b.area.code));
  };
  // Equity before and after, from the same cells.
  const ubzIds = areaIds.filter((id) => levelOf.get(id) === 'ubz');
  const aktionsraumUbz = new Set(membership.filter((m) => m.level === 'aktionsraum').map((m) => m.ubz_id));
  const equity = {
    before: equityOf(cells.before, params.threshold, ubzIds.map((id) => figures.get(id)!.before), aktionsraumUbz, poverty.y2024),
    after: equityOf(cells.after, params.threshold, ubzIds.map((id) => figures.get(id)!.after), aktionsraumUbz, poverty.y2024),
    method: equityMethod(ctx),
  };
  return {
    method,
    params,
    changes: { applied: cells.applied, otherCategories: cells.otherCategories, assumptions: cells.assumptions },
    city: effectRows('city')[0],
    aktionsraeume: effectRows('aktionsraum'),
    areas: effectRows(args.level),
    difference: await difference(ctx, cells, params.threshold),
    equity,
  };
}

async function difference(ctx: Context, cells: ScenarioCells, threshold: number) {
  const changed: { id: number; properties: Record<string, unknown> }[] = [];
  let gaining = 0;
  let losing = 0;
  const within = (d: number | null) => d !== null && d <= threshold;
  for (let i = 0; i < cells.after.length; i++) {
    const a = cells.after[i];
    const b = cells.before[i];
    if (a.distance === b.distance) continue;
    const change = within(a.distance) && !within(b.distance) ? 'GAIN' : !within(a.distance) && within(b.distance) ? 'LOSS' : a.distance !== null && (b.distance === null || a.distance < b.distance) ? 'NEARER' : 'FARTHER';
    if (change === 'GAIN') gaining++;
    if (change === 'LOSS') losing++;
    changed.push({
      id: a.id,
      properties: {
        change,
        children: Math.round(a.children * 100) / 100,
        beforeMetres: b.distance === null ? null : Math.round(b.distance),
        afterMetres: a.distance === null ? null : Math.round(a.distance),
      },
    });
  }
  return { geojson: { type: 'FeatureCollection', features: await store.cellFeatures(ctx.db, changed) }, cellsGaining: gaining, cellsLosing: losing };
}

/** The effect on each category a scenario changes, with that category's first default age band and threshold. */
export async function summarise(ctx: Context, changes: CheckedChange[], aktionsraumCode: string | null) {
  const categories = [...new Set(changes.map((c) => c.category!))].filter((c) => reachCategories.includes(c) && thresholds.some((t) => t.target === c));
  const results = [];
  for (const category of categories) {
    const band = thresholds.find((t) => t.target === category)!.ageBand;
    const threshold = defaultThreshold(category, band)!;
    const effect = await evaluate(ctx, { target: { category }, ageBand: band, detourFactor: 1, distribution: 'census', level: 'aktionsraum' }, changes);
    const area = aktionsraumCode ? (effect.aktionsraeume.find((a) => a.area.code === aktionsraumCode) ?? null) : null;
    results.push({
      category: categoryOf(category)!,
      ageBand: band,
      thresholdMetres: threshold.metres,
      area,
      city: effect.city,
      aktionsraumRankBefore: area?.rankBefore ?? null,
      aktionsraumRankAfter: area?.rankAfter ?? null,
    });
  }
  return results;
}

/** Equity for a target, with or without changes. */
export async function equityFor(ctx: Context, args: CoverageArgs, changes: CheckedChange[]) {
  const result = await evaluate(ctx, { ...args, level: 'ubz' }, changes);
  return { method: result.method, equity: changes.length ? result.equity.after : result.equity.before, equityMethod: result.equity.method };
}
