// Data sources, map settings and the atlas's settings (city, small-count rule, walking, thresholds) in the API.
import { ATLAS_TITLE, CITY, STORAGE_SRID } from '../../../../domain/city.ts';
import { SMALL_COUNT, SUPPRESSED_LABEL, thresholds } from '../../../../domain/coverageRules.ts';
import { NETWORK_RULES, WALKING, WALKING_SPEED_SOURCE } from '../../../../domain/distance.ts';
import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';
import * as sourcesStore from './sourcesStore.ts';
import { escapeHtml } from '../ogc/ogcHtml.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import type { Resolvers } from '../../generated/resolvers.ts';

const manifest = loadManifest();
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** Credits for the map: each distinct short credit once. */
export const attributions = [...new Set(manifest.files.map((f) => f.credit))];

export const sourcesResolvers: Resolvers = {
  WalkingNetwork: {
    dataDate: (n) => n.data_date,
    lengthKm: (n) => Math.round(n.length_m / 100) / 10,
    importedAt: (n) => n.imported_at.replace(/\.\d+Z$/, 'Z'),
    snapLimitMetres: () => NETWORK_RULES.snapLimitMetres,
    minComponentMetres: () => NETWORK_RULES.minComponentMetres,
    calibration: async (_, __, ctx) =>
      (await sourcesStore.networkCalibration(ctx.db)).map((r) => ({
        category: categoryOf(r.category)!,
        children: Math.round(r.children),
        medianRatio: round(r.median_ratio, 3),
        p90Ratio: round(r.p90_ratio, 3),
        meanWalkMetres: round(r.mean_walk, 0),
        meanStraightMetres: round(r.mean_straight, 0),
      })),
  },
  Query: {
    dataSources: async (_, __, ctx) => {
      const run = await sourcesStore.lastImportRun(ctx.db);
      return {
        files: manifest.files,
        lastImport: run && {
          startedAt: run.started_at,
          finishedAt: run.finished_at,
          facilities: run.report.facilities,
          skipped: run.report.skipped.length,
          warnings: run.report.warnings,
        },
      };
    },
    // The walking network's credit joins the map's when one is in use (OpenStreetMap: ODbL asks for
    // it). MapLibre writes attributions as HTML: a credit from the configuration (or a file name)
    // goes in as text.
    mapConfig: async (_, __, ctx) => {
      const network = await ctx.loaders.walkingNetwork.load('in-use');
      return { basemapStyleUrl: ctx.basemapStyleUrl, attributions: network ? [...attributions, escapeHtml(network.attribution)] : attributions };
    },
    walkingNetwork: (_, __, ctx) => ctx.loaders.walkingNetwork.load('in-use'),
    atlasSettings: async (_, __, ctx) => ({
      city: {
        code: CITY.code,
        name: CITY.name,
        officialName: CITY.officialName[ctx.lang],
        atlasTitle: ATLAS_TITLE[ctx.lang],
        timeZone: CITY.timeZone,
        bounds: [CITY.bounds.west, CITY.bounds.south, CITY.bounds.east, CITY.bounds.north],
        storageSrid: STORAGE_SRID,
      },
      smallCountLimit: SMALL_COUNT,
      suppressedLabel: SUPPRESSED_LABEL,
      walkingMetresPerMinute: ctx.walkingMetresPerMinute,
      walkingSpeedSource: (ctx.walkingMetresPerMinute === WALKING.metresPerMinute ? WALKING_SPEED_SOURCE.default : WALKING_SPEED_SOURCE.configured)[ctx.lang],
      walkingDetourFactor: WALKING.model.detourFactor,
      distanceModel: (await ctx.loaders.walkingNetwork.load('in-use')) ? ('NETWORK' as const) : ('STRAIGHT' as const),
      defaultThresholds: thresholds.map((t) => ({ target: t.target, ageBand: t.ageBand, metres: t.metres, source: t.source[ctx.lang] })),
    }),
  },
};
