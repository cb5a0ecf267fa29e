// Data sources, map settings and the atlas's settings (city, small-count rule, walking, thresholds) in the API.
import { ATLAS_TITLE, CITY, STORAGE_SRID } from '../../../../domain/city.ts';
import { SMALL_COUNT, SUPPRESSED_LABEL, thresholds } from '../../../../domain/coverageRules.ts';
import { WALKING } from '../../../../domain/distance.ts';
import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';
import * as sourcesStore from './sourcesStore.ts';
import type { Resolvers } from '../../generated/resolvers.ts';

const manifest = loadManifest();

/** Credits for the map: each distinct short credit once. */
export const attributions = [...new Set(manifest.files.map((f) => f.credit))];

export const sourcesResolvers: Resolvers = {
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
    mapConfig: (_, __, ctx) => ({ basemapStyleUrl: ctx.basemapStyleUrl, attributions }),
    atlasSettings: (_, __, ctx) => ({
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
      walkingMetresPerMinute: WALKING.metresPerMinute,
      walkingDetourFactor: WALKING.model.detourFactor,
      defaultThresholds: thresholds.map((t) => ({ target: t.target, ageBand: t.ageBand, metres: t.metres, source: t.source[ctx.lang] })),
    }),
  },
};
