// Areas in the API: arguments and shaping; SQL in areaStore.ts. Types: api/src/generated/resolvers.ts.
import { comparability, releasesOf } from '../../../../geodata/indicators.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { areaLevels, type AreaLevel } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkPrecision, checkSimplify } from '../common/geometry.ts';
import * as areaStore from './areaStore.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { text } from '../../../../domain/text.ts';
import { CITY } from '../../../../domain/city.ts';

/** What the IndicatorValue resolvers receive (the indicator itself is looked up by key). */
export type IndicatorValueModel = {
  indicatorKey: string;
  year: number;
  value: number;
  isEstimate: boolean;
  method: string;
  subDistrictCount: number;
  min: number;
  max: number;
  sourceFile: string;
};

const INDICATOR_YEARS = [2018, 2024];

const methodOf = (row: areaStore.IndicatorValueRow, level: AreaLevel) => {
  if (level === 'ubz') return text(`Veröffentlichter Wert dieses Unterbezirks (${CITY.statisticsOffice})`, `Published value for this sub-district (${CITY.statisticsOffice})`);
  const [min, max] = [row.min, row.max];
  return text(
    `Schätzung: ungewichtetes Mittel der veröffentlichten Werte seiner ${row.n} Unterbezirke (${String(min).replace('.', ',')} bis ` +
      `${String(max).replace('.', ',')}); Einwohnerzahlen je Unterbezirk, um sie zu gewichten, sind nicht veröffentlicht`,
    `Estimate: unweighted mean of the published values of its ${row.n} sub-districts ` +
      `(range ${min} to ${max}); no population counts per sub-district are published to weight them`,
  );
};

export const areaResolvers: Resolvers = {
  AreaLevel: areaLevels,
  Query: {
    areas: (_, args, ctx) => areaStore.listAreas(ctx.db, args.level),
    area: (_, args, ctx) => areaStore.findArea(ctx.db, args.level, args.code),
    areasGeoJSON: (_, args, ctx) =>
      areaStore.areasFeatureCollection(ctx.db, args.level, checkPrecision(args.precision), checkSimplify(args.simplify)),
    indicators: (_, __, ctx) => areaStore.listIndicators(ctx.db),
  },
  Area: {
    areaKm2: (row) => Math.round(row.area_km2 * 1e4) / 1e4,
    validFrom: (row) => row.valid_from,
    validTo: (row) => row.valid_to,
    parents: (row, _, ctx) => ctx.loaders.parents.load(row.id),
    subDistricts: (row, _, ctx) => ctx.loaders.subDistricts.load(row.id),
    membershipInferred: (row, _, ctx) => ctx.loaders.inferred.load(row.id),
    labelPoint: (row) => ({ longitude: row.label_lon, latitude: row.label_lat }),
    geometry: (row, args, ctx) =>
      ctx.loaders.geometry.load({ id: row.id, precision: checkPrecision(args.precision), simplify: checkSimplify(args.simplify) }),
    facilityCounts: async (row, args, ctx) => {
      const counts = await ctx.loaders.facilityCounts.load(row.id);
      return counts
        .map((c) => ({ category: categoryOf(c.category)!, count: c.count }))
        .filter((c) => !args.fieldOfAction || c.category.fieldOfAction === args.fieldOfAction);
    },
    indicators: async (row, args, ctx) => {
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
          method: methodOf(v, row.level)[ctx.lang],
          subDistrictCount: v.n,
          min: v.min,
          max: v.max,
          sourceFile: v.source_file,
        }));
    },
  },
  IndicatorValue: {
    indicator: (v, _, ctx) => ctx.loaders.indicators.load(v.indicatorKey),
  },
  Indicator: {
    labelDe: (r) => r.label_de,
    labelEn: (r) => r.label_en,
    releases: (r) => releasesOf(r.key),
    comparableAcrossYears: (r) => comparability(r.key).comparable,
    comparabilityNote: (r, _, ctx) => comparability(r.key).why?.[ctx.lang] ?? null,
  },
};
