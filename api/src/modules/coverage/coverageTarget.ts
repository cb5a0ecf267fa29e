// Turns the query's target, age band, threshold and detour into checked parameters and the
// method statement that travels with every result.
import { DETOUR_FACTOR, CELL_SIZE_METRES, SMALL_COUNT, THRESHOLD_FROM_QUERY, THRESHOLD_METRES, defaultThreshold } from '../../../../domain/coverageRules.ts';
import { IMPORTED_COUNTS, POPULATION_ESTIMATE_METHOD as POPULATION_METHOD } from '../../../../domain/populationMethod.ts';
import { reachCategories, targetCategories } from '../../../../domain/taxonomy.ts';
import type { Distribution } from '../../../../domain/distribution.ts';
import { DISTANCE_FROM_CELL, DISTANCE_ON_NETWORK, SUPPLY_BY_COUNT, SUPPLY_BY_PLACES, SUPPLY_BY_PUPILS, SUPPLY_CATCHMENT_NETWORK, detourSource, smallCountRule } from '../../../../domain/methodTexts.ts';
import { censusSourceText, spreadText } from './distribution.ts';
import type { Context } from '../../context.ts';
import type { AgeBand } from '../../../../domain/ageBands.ts';
import type { CoverageQuestion, CoverageTarget } from '../../generated/resolvers.ts';
import { badUserInput } from '../common/errors.ts';
import { checkRange } from '../common/validate.ts';

export type TargetInput = CoverageTarget;

/** The coverage question every analysis asks, complete (defaults filled in). */
export type CoverageArgs = { target: CoverageTarget; ageBand: AgeBand; thresholdMetres?: number | null; detourFactor: number; distribution: Distribution };

/** A field's arguments: the question, or (deprecated) its parts given one by one. */
type QuestionArgs = {
  question?: CoverageQuestion | null;
  target?: CoverageTarget | null;
  ageBand?: AgeBand | null;
  thresholdMetres?: number | null;
  detourFactor?: number | null;
  distribution?: Distribution | null;
};

/** The question of a field: `question`, or the deprecated separate arguments (not both). */
export function questionOf(args: QuestionArgs): CoverageArgs {
  const { question, target, ageBand, thresholdMetres, detourFactor, distribution } = args;
  const separate = { target, ageBand, thresholdMetres, detourFactor, distribution };
  const given = Object.entries(separate).filter(([, v]) => v != null).map(([k]) => k);
  if (question && given.length) throw badUserInput(`give the coverage question either as question or as separate arguments, not both (also given: ${given.join(', ')})`);
  const q = question ?? separate;
  if (!q.target) throw badUserInput('question.target is missing: a category or a field of action');
  if (!q.ageBand) throw badUserInput('question.ageBand is missing: AGE_0_5, AGE_6_17 or AGE_0_17');
  return {
    target: q.target,
    ageBand: q.ageBand,
    thresholdMetres: q.thresholdMetres ?? null,
    detourFactor: q.detourFactor ?? DETOUR_FACTOR.default,
    distribution: q.distribution ?? 'census',
  };
}

export function resolveCategories(target: TargetInput): { key: string; categories: string[] } {
  if (!target.category === !target.fieldOfAction) throw badUserInput('target needs exactly one of category and fieldOfAction');
  if (target.category) {
    if (!reachCategories.includes(target.category)) {
      throw badUserInput(`coverage is computed for the child-related categories ${reachCategories.join(', ')} (got "${target.category}")`);
    }
    return { key: target.category, categories: [target.category] };
  }
  const categories = targetCategories(target.fieldOfAction!);
  if (categories.length === 0) throw badUserInput(`the field of action ${target.fieldOfAction} has no child-related categories`);
  return { key: target.fieldOfAction!, categories };
}

/** The part of every method statement that says how children were placed. */
export async function demandMethod(ctx: Context, distribution: Distribution) {
  const facts = await ctx.loaders.demandFacts.load('all');
  const census = distribution === 'census' && facts.census_dataset ? censusSourceText(facts.census_dataset, facts.census_ref_date) : null;
  return {
    distribution,
    spreadAssumption: spreadText(distribution, census, facts.even_subdistricts.length)[ctx.lang],
    censusSource: census?.[ctx.lang] ?? null,
    evenSpreadSubDistricts: distribution === 'census' ? facts.even_subdistricts : [],
  };
}

export async function resolveCoverage(ctx: Context, args: CoverageArgs) {
  const { key, categories } = resolveCategories(args.target);
  const detour = checkRange('detourFactor', args.detourFactor, DETOUR_FACTOR.min, DETOUR_FACTOR.max);
  const fallback = defaultThreshold(key, args.ageBand);
  if (args.thresholdMetres == null && !fallback) {
    throw badUserInput(`there is no default threshold for ${key}; pass thresholdMetres (50 to 10000)`);
  }
  const threshold = args.thresholdMetres == null ? fallback!.metres : checkRange('thresholdMetres', args.thresholdMetres, THRESHOLD_METRES.min, THRESHOLD_METRES.max, ' metres');
  const [facts, supplyMode, network] = await Promise.all([
    ctx.loaders.populationFacts.load('all'),
    ctx.loaders.supplyMode.load(categories),
    ctx.loaders.walkingNetwork.load('in-use'),
  ]);
  const method = {
    ...(await demandMethod(ctx, args.distribution)),
    categories,
    ageBand: args.ageBand,
    thresholdMetres: threshold,
    thresholdSource: (args.thresholdMetres == null ? fallback!.source : THRESHOLD_FROM_QUERY)[ctx.lang],
    distanceKind: (network ? DISTANCE_ON_NETWORK : DISTANCE_FROM_CELL)[ctx.lang],
    distanceModel: network ? ('NETWORK' as const) : ('STRAIGHT' as const),
    walkingNetwork: network,
    detourFactor: detour,
    detourSource: detourSource(detour, network !== null)[ctx.lang],
    populationSource: (facts.is_estimate ? POPULATION_METHOD : IMPORTED_COUNTS)[ctx.lang],
    populationDates: facts.dates,
    populationIsEstimate: facts.is_estimate,
    cellSizeMetres: CELL_SIZE_METRES,
    supplyMeasure: { pupils: SUPPLY_BY_PUPILS, count: SUPPLY_BY_COUNT, places: SUPPLY_BY_PLACES }[supplyMode][ctx.lang] + (network ? SUPPLY_CATCHMENT_NETWORK[ctx.lang] : ''),
    dataDate: facts.data_date ?? 'no import yet',
    importedAt: facts.data_date,
    smallCountRule: smallCountRule(SMALL_COUNT)[ctx.lang],
  };
  return { params: { categories, ageBand: args.ageBand, threshold, detour, distribution: args.distribution }, method };
}
