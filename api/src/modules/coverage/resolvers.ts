// Coverage in the API: argument mapping only; the rules are in coverageService.ts, the SQL in coverageStore.ts.
import { ageBands } from '../../../../domain/ageBands.ts';
import { thresholds } from '../../../../domain/coverageRules.ts';
import { distributions } from '../../../../domain/distribution.ts';
import * as service from './coverageService.ts';
import { questionOf } from './coverageTarget.ts';
import type { Resolvers } from '../../generated/resolvers.ts';

export const coverageResolvers: Resolvers = {
  AgeBand: ageBands,
  DemandDistribution: distributions,
  Query: {
    coverage: (_, args, ctx) => service.coverageOf(ctx, args.level, questionOf(args)),
    reachAtPoint: (_, args, ctx) => service.reachAtPoint(ctx, args),
    gaps: (_, args, ctx) => service.gapLayer(ctx, questionOf(args), args),
    needProvision: (_, args, ctx) => service.needProvision(ctx, args.level, questionOf(args)),
    childrenGrid: (_, args, ctx) => service.childrenGrid(ctx, args),
    coverageThresholds: (_, __, ctx) => thresholds.map((t) => ({ ...t, source: t.source[ctx.lang] })),
    populationEstimates: (_, __, ctx) => service.populationEstimates(ctx),
  },
};
