import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';
import type { Context } from '../../loaders.ts';
import * as sourcesStore from './sourcesStore.ts';

const manifest = loadManifest();

/** Credits for the map: each distinct short credit once. */
export const attributions = [...new Set(manifest.files.map((f) => f.credit))];

export const sourcesResolvers = {
  Query: {
    dataSources: async (_: unknown, __: unknown, ctx: Context) => {
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
    mapConfig: (_: unknown, __: unknown, ctx: Context) => ({ basemapStyleUrl: ctx.basemapStyleUrl, attributions }),
  },
};
