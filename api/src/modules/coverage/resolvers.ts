// Coverage in the API: argument mapping only; the rules are in coverageService.ts, the SQL in coverageStore.ts.
import { ageBands } from '../../../../domain/ageBands.ts';
import { CELL_SIZE_METRES, thresholds, type AgeBand } from '../../../../domain/coverageRules.ts';
import { distributions } from '../../../../domain/distribution.ts';
import type { Context } from '../../loaders.ts';
import type { AreaLevel } from '../common/enums.ts';
import * as service from './coverageService.ts';
import type { CoverageArgs } from './coverageTarget.ts';

type CoverageQueryArgs = Omit<CoverageArgs, 'ageBand'> & { ageBand: AgeBand; level: AreaLevel };

export const coverageResolvers = {
  AgeBand: ageBands,
  DemandDistribution: distributions,
  Query: {
    coverage: (_: unknown, args: CoverageQueryArgs, ctx: Context) => service.coverageOf(ctx, args.level, args),
    reachAtPoint: (_: unknown, args: service.ReachAtPointArgs, ctx: Context) => service.reachAtPoint(ctx, args),
    gaps: (_: unknown, args: service.GapArgs, ctx: Context) => service.gapLayer(ctx, args),
    needProvision: (_: unknown, args: CoverageQueryArgs, ctx: Context) => service.needProvision(ctx, args),
    childrenGrid: (_: unknown, args: service.ChildrenGridArgs, ctx: Context) => service.childrenGrid(ctx, args),
    coverageThresholds: () => thresholds,
    populationEstimates: (_: unknown, __: unknown, ctx: Context) => service.populationEstimates(ctx),
  },
  CoverageMethod: {
    cellSizeMetres: () => CELL_SIZE_METRES,
  },
};
