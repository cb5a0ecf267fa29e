import type { Context } from '../../loaders.ts';
import { areaLevels, type AreaLevel } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkPrecision, checkSimplify } from '../common/geometry.ts';
import * as areaStore from './areaStore.ts';

type AreaRow = areaStore.AreaRow;

const INDICATOR_YEARS = [2018, 2024];

const methodOf = (row: areaStore.IndicatorValueRow, level: AreaLevel) =>
  level === 'ubz'
    ? 'Published value for this sub-district (Statistikatlas Dortmund)'
    : `Estimate: unweighted mean of the published values of its ${row.n} sub-districts ` +
      `(range ${row.min} to ${row.max}); no population counts per sub-district are published to weight them`;

export const areaResolvers = {
  AreaLevel: areaLevels,
  Query: {
    areas: (_: unknown, args: { level: AreaLevel }, ctx: Context) => areaStore.listAreas(ctx.db, args.level),
    area: (_: unknown, args: { level: AreaLevel; code: string }, ctx: Context) => areaStore.findArea(ctx.db, args.level, args.code),
    areasGeoJSON: (_: unknown, args: { level: AreaLevel; precision: number; simplify: number }, ctx: Context) =>
      areaStore.areasFeatureCollection(ctx.db, args.level, checkPrecision(args.precision), checkSimplify(args.simplify)),
    indicators: (_: unknown, __: unknown, ctx: Context) => areaStore.listIndicators(ctx.db),
  },
  Area: {
    areaKm2: (row: AreaRow) => Math.round(row.area_km2 * 1e4) / 1e4,
    validFrom: (row: AreaRow) => row.valid_from,
    validTo: (row: AreaRow) => row.valid_to,
    parents: (row: AreaRow, _: unknown, ctx: Context) => ctx.loaders.parents.load(row.id),
    subDistricts: (row: AreaRow, _: unknown, ctx: Context) => ctx.loaders.subDistricts.load(row.id),
    membershipInferred: (row: AreaRow, _: unknown, ctx: Context) => ctx.loaders.inferred.load(row.id),
    labelPoint: (row: AreaRow) => ({ longitude: row.label_lon, latitude: row.label_lat }),
    geometry: (row: AreaRow, args: { precision: number; simplify: number }, ctx: Context) =>
      ctx.loaders.geometry.load({ id: row.id, precision: checkPrecision(args.precision), simplify: checkSimplify(args.simplify) }),
    facilityCounts: async (row: AreaRow, args: { fieldOfAction?: string | null }, ctx: Context) => {
      const counts = await ctx.loaders.facilityCounts.load(row.id);
      const categories = await ctx.loaders.categories.loadMany(counts.map((c) => c.category));
      return counts
        .map((c, i) => ({ category: categories[i] as { field_of_action: string; key: string }, count: c.count }))
        .filter((c) => !args.fieldOfAction || c.category.field_of_action === args.fieldOfAction);
    },
    indicators: async (row: AreaRow, args: { year?: number | null; keys?: string[] | null }, ctx: Context) => {
      if (args.year != null && !INDICATOR_YEARS.includes(args.year)) {
        throw badUserInput(`year must be one of ${INDICATOR_YEARS.join(', ')} (got ${args.year})`);
      }
      if (args.keys) {
        const known = (await areaStore.listIndicators(ctx.db)).map((i) => i.key);
        const unknown = args.keys.filter((k) => !known.includes(k));
        if (unknown.length > 0) throw badUserInput(`unknown indicator key ${unknown.join(', ')}; the indicators query lists the keys`);
      }
      const values = await ctx.loaders.indicatorValues.load(row.id);
      return values
        .filter((v) => (args.year == null || v.year === args.year) && (!args.keys || args.keys.includes(v.indicator_key)))
        .map((v) => ({
          indicatorKey: v.indicator_key,
          year: v.year,
          value: row.level === 'ubz' ? v.value : Math.round(v.value * 10) / 10,
          isEstimate: row.level !== 'ubz',
          method: methodOf(v, row.level),
          subDistrictCount: v.n,
          min: v.min,
          max: v.max,
          sourceFile: v.source_file,
        }));
    },
  },
  IndicatorValue: {
    indicator: (v: { indicatorKey: string }, _: unknown, ctx: Context) => ctx.loaders.indicators.load(v.indicatorKey),
  },
  Indicator: {
    labelDe: (r: areaStore.IndicatorRow) => r.label_de,
    labelEn: (r: areaStore.IndicatorRow) => r.label_en,
  },
};
