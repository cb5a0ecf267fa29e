// The coverage domain's rules between the store (SQL) and the resolvers: shares, rounding,
// small counts, thresholds per point, need x provision, gap layers and where children live.
import { CELL_SIZE_METRES, DETOUR_FACTOR, SMALL_COUNT, defaultThreshold } from '../../../../domain/coverageRules.ts';
import { CHILD_POVERTY_INDICATOR, DISTANCE_FROM_POINT, DISTANCE_ON_NETWORK_FROM_POINT, NO_TARGET_THRESHOLD, NOT_APPLICABLE, smallCountRule } from '../../../../domain/methodTexts.ts';
import { IMPORTED_COUNTS, POPULATION_ESTIMATE_METHOD as POPULATION_METHOD } from '../../../../domain/populationMethod.ts';
import { reachCategories } from '../../../../domain/taxonomy.ts';
import type { Context } from '../../context.ts';
import type { QueryChildrenGridArgs, QueryReachAtPointArgs, RequireFields } from '../../generated/resolvers.ts';
import * as areaStore from '../areas/areaStore.ts';
import type { AreaLevel } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkLonLat } from '../common/geometry.ts';
import { checkRange, checkWholeNumber } from '../common/validate.ts';
import { childCount } from './childCount.ts';
import * as coverageStore from './coverageStore.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { demandMethod, resolveCoverage, type CoverageArgs } from './coverageTarget.ts';
import { rankNeedProvision, RANKING_METHOD } from './needProvision.ts';
import { coverageFigures } from './coverageFigures.ts';
import { reportedDistance, searchRadius, straightLine } from '../../../../domain/distance.ts';
import { loadGraph } from '../../../../geodata/network/networkStore.ts';
import type { WalkGraph } from '../../../../geodata/network/walkGraph.ts';
import { walksFrom } from '../../../../geodata/network/walksFrom.ts';

/** An area's coverage figures as the API gives them: rounded, small counts suppressed. */
export const shapeCoverage = (area: areaStore.AreaRow, row: coverageStore.AreaCoverageRow | undefined) => ({ area, ...coverageFigures(row) });

export async function coverageOf(ctx: Context, level: AreaLevel, args: CoverageArgs) {
  const { params, method } = await resolveCoverage(ctx, args);
  const [areas, rows, cityAreas, cityRows] = await Promise.all([
    ctx.loaders.areasOfLevel.load(level),
    ctx.loaders.areaCoverage.load({ level, params }),
    ctx.loaders.areasOfLevel.load('city'),
    ctx.loaders.areaCoverage.load({ level: 'city', params }),
  ]);
  const byArea = new Map(rows.map((r) => [r.area_id, r]));
  return {
    method,
    areas: areas.map((a) => shapeCoverage(a, byArea.get(a.id))),
    city: shapeCoverage(cityAreas[0], cityRows[0]),
  };
}

export type ReachAtPointArgs = RequireFields<QueryReachAtPointArgs, 'detourFactor'>;

export async function reachAtPoint(ctx: Context, args: ReachAtPointArgs) {
  const point = checkLonLat(args.point, 'point');
  const detour = checkRange('detourFactor', args.detourFactor, DETOUR_FACTOR.min, DETOUR_FACTOR.max);
  const thresholdOf = new Map(
    reachCategories.flatMap((key) => {
      const threshold = defaultThreshold(key, args.ageBand);
      return threshold ? [[key, threshold] as const] : [];
    }),
  );
  const model = straightLine(detour);
  const radii = [...thresholdOf].map(([category, t]) => ({ category, metres: searchRadius(t.metres, model) }));
  const [rows, ubzId, graph] = await Promise.all([
    coverageStore.nearestFromPoint(ctx.db, point.longitude, point.latitude, radii),
    coverageStore.subDistrictAt(ctx.db, point.longitude, point.latitude),
    loadGraph(ctx.db),
  ]);
  // With a walking network: the walk from the point to every facility of these categories (one
  // search), the nearest and those within the threshold by it.
  const walked = graph ? await walksToCategories(ctx, graph, point, [...thresholdOf.keys()], detour) : null;
  return {
    point,
    subDistrict: ubzId === null ? null : await ctx.loaders.areaById.load(ubzId),
    ageBand: args.ageBand,
    detourFactor: detour,
    distanceKind: (graph ? DISTANCE_ON_NETWORK_FROM_POINT : DISTANCE_FROM_POINT)[ctx.lang],
    categories: await Promise.all(rows.map(async (row) => {
      const threshold = thresholdOf.get(row.category)!;
      const walks = walked?.get(row.category);
      const nearest = walks ? walks[0] : null;
      const distance = walks
        ? (nearest ? Math.round(nearest.metres) : null)
        : row.distance_m == null ? null : Math.round(reportedDistance(row.distance_m, model));
      const key = walks ? (nearest?.key ?? null) : row.facility_key;
      const nearestFacility = key ? await ctx.loaders.facilityByKey.load(key) : null;
      return {
        category: categoryOf(row.category)!,
        nearestFacility,
        distanceMetres: distance,
        measuredOn: distance === null ? null : nearest?.onNetwork ? ('NETWORK' as const) : ('STRAIGHT' as const),
        thresholdMetres: threshold.metres,
        thresholdSource: threshold.source[ctx.lang],
        withinThreshold: distance !== null && distance <= threshold.metres,
        facilitiesWithin: walks ? walks.filter((w) => w.metres <= threshold.metres).length : row.within,
      };
    })),
  };
}

/** Per category, the walks from a point to its facilities, nearest first (the network where it joins them, else straight x detour). */
async function walksToCategories(ctx: Context, graph: WalkGraph, point: { longitude: number; latitude: number }, categories: string[], detour: number) {
  const [origin, facilities] = await Promise.all([
    coverageStore.inStorageCrs(ctx.db, point.longitude, point.latitude),
    coverageStore.facilityPositions(ctx.db, categories),
  ]);
  const walks = walksFrom(graph, origin, facilities, detour, Number.POSITIVE_INFINITY);
  const byCategory = new Map<string, { key: string; metres: number; onNetwork: boolean }[]>(categories.map((c) => [c, []]));
  facilities.forEach((f, i) => {
    byCategory.get(f.category)!.push({ key: f.key, ...walks[i] });
  });
  for (const list of byCategory.values()) list.sort((a, b) => a.metres - b.metres || (a.key < b.key ? -1 : 1));
  return byCategory;
}

/** Where the gaps are looked for (an area, default the city) and how many are listed. */
export type GapOptions = { area?: { level: AreaLevel; code: string } | null; limit: number };

export async function gapLayer(ctx: Context, question: CoverageArgs, options: GapOptions) {
  const limit = checkWholeNumber('limit', options.limit, 1, 200);
  const { params, method } = await resolveCoverage(ctx, question);
  const area = options.area ? await areaStore.findArea(ctx.db, options.area.level, options.area.code) : null;
  if (options.area && !area) throw badUserInput(`there is no ${options.area.level} area with code "${options.area.code}"`);
  const rows = await coverageStore.gapHotspots(ctx.db, params, area?.id ?? null, limit);
  const hotspots = rows.map((r, i) => ({
    rank: i + 1,
    children: childCount(r.children),
    areaKm2: Math.round(r.area_m2 / 1e4) / 100,
    subDistrictCodes: r.ubz_codes,
    geometry: r.geometry,
  }));
  return {
    method,
    childrenBeyond: childCount(rows[0]?.total_children ?? 0),
    hotspotCount: rows[0]?.hotspot_count ?? 0,
    hotspots,
    geojson: {
      type: 'FeatureCollection',
      features: hotspots.map((h) => ({
        type: 'Feature',
        geometry: h.geometry,
        properties: { rank: h.rank, children: h.children.value, childrenDisplay: h.children.display, areaKm2: h.areaKm2 },
      })),
    },
  };
}

export async function needProvision(ctx: Context, level: AreaLevel, question: CoverageArgs) {
  if (level === 'city') {
    throw badUserInput('needProvision ranks the areas of a level against the city: use AKTIONSRAUM, SOZIALRAUM, STADTBEZIRK, STATISTICAL_DISTRICT or UBZ (got CITY)');
  }
  const coverage = await coverageOf(ctx, level, question);
  const ids = [...coverage.areas.map((a) => a.area.id), coverage.city.area.id];
  const poverty = new Map<string, number>();
  for (const v of await areaStore.indicatorValues(ctx.db, ids)) {
    if (v.indicator_key === CHILD_POVERTY_INDICATOR) poverty.set(`${v.area_id}|${v.year}`, Math.round(v.value * 10) / 10);
  }
  const get = (id: number, year: number) => poverty.get(`${id}|${year}`) ?? null;
  const city = { poverty2024: get(coverage.city.area.id, 2024), shareWithin: coverage.city.shareWithin };
  const ranked = rankNeedProvision(
    coverage.areas.map((a) => ({
      areaId: a.area.id,
      poverty2018: get(a.area.id, 2018),
      poverty2024: get(a.area.id, 2024),
      shareWithin: a.shareWithin,
      supply: a.supplyPer1000Children,
    })),
    city,
  );
  const areaById = new Map(coverage.areas.map((a) => [a.area.id, a.area]));
  return {
    method: coverage.method,
    rankingMethod: RANKING_METHOD[ctx.lang],
    cityChildPoverty2024: city.poverty2024,
    cityShareWithin: city.shareWithin,
    rows: ranked.map((r) => ({
      area: areaById.get(r.areaId)!,
      childPoverty2018: r.poverty2018,
      childPoverty2024: r.poverty2024,
      childPovertyChange: r.change,
      shareWithin: r.shareWithin,
      supplyPer1000Children: r.supply,
      needPercentile: r.needPercentile,
      gapPercentile: r.gapPercentile,
      priorityScore: r.priorityScore,
      highNeedPoorProvision: r.highNeedPoorProvision,
    })),
  };
}

export type ChildrenGridArgs = RequireFields<QueryChildrenGridArgs, 'distribution'>;

export async function childrenGrid(ctx: Context, args: ChildrenGridArgs) {
  const area = args.area ? await areaStore.findArea(ctx.db, args.area.level, args.area.code) : null;
  if (args.area && !area) throw badUserInput(`there is no ${args.area.level} area with code "${args.area.code}"`);
  const [demand, facts, cells] = await Promise.all([
    demandMethod(ctx, args.distribution),
    ctx.loaders.populationFacts.load('all'),
    coverageStore.childrenTotals(ctx.db, { ageBand: args.ageBand, distribution: args.distribution, areaId: area?.id ?? null }),
  ]);
  return {
    method: {
      ...demand,
      categories: [],
      ageBand: args.ageBand,
      thresholdMetres: 0,
      thresholdSource: NO_TARGET_THRESHOLD[ctx.lang],
      distanceKind: NOT_APPLICABLE[ctx.lang],
      distanceModel: 'STRAIGHT' as const,
      detourFactor: 1,
      detourSource: NOT_APPLICABLE[ctx.lang],
      cellSizeMetres: CELL_SIZE_METRES,
      populationSource: (facts.is_estimate ? POPULATION_METHOD : IMPORTED_COUNTS)[ctx.lang],
      populationDates: facts.dates,
      populationIsEstimate: facts.is_estimate,
      supplyMeasure: NOT_APPLICABLE[ctx.lang],
      dataDate: facts.data_date ?? 'no import yet',
      importedAt: facts.data_date,
      smallCountRule: smallCountRule(SMALL_COUNT, true)[ctx.lang],
    },
    children: childCount(cells.total),
    cellCount: cells.cells,
    // Built only when asked for (the dashboard takes the pieces as vector tiles).
    geojson: async () => (await coverageStore.childrenCells(ctx.db, { ageBand: args.ageBand, distribution: args.distribution, areaId: area?.id ?? null })).geojson,
  };
}


export async function populationEstimates(ctx: Context) {
  const rows = await coverageStore.populationRows(ctx.db);
  const byUbz = new Map<number, coverageStore.PopulationRow[]>();
  for (const r of rows) byUbz.set(r.ubz_id, [...(byUbz.get(r.ubz_id) ?? []), r]);
  const subDistricts = await ctx.loaders.areaById.loadMany([...byUbz.keys()]);
  return [...byUbz].map(([, bands], i) => {
    const band = (b: string) => bands.find((x) => x.age_band === b);
    return {
      subDistrict: subDistricts[i] as areaStore.AreaRow,
      total: childCount(band('total')?.count),
      age0to5: childCount(band('0-5')?.count),
      age6to17: childCount(band('6-17')?.count),
      isEstimate: bands.some((b) => b.is_estimate),
      refDate: band('total')?.ref_date ?? bands[0].ref_date,
      method: bands.some((b) => b.is_estimate) ? POPULATION_METHOD[ctx.lang] : (band('total')?.source ?? bands[0].source),
      spread: bands[0].spread,
      censusPersons: Math.round(bands[0].census_persons * 10) / 10,
    };
  });
}
