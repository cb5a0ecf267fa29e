// Data sources and map settings in the API.
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
  },
};
