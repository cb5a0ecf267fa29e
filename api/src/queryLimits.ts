// What one request may ask, checked after parsing and before any SQL runs, and how many expensive
// requests run at once. A request over a limit gets an error that names the limit.
//
// - Depth, aliases and directives: GraphQL Armor's validation rules.
// - Cost: graphql-query-complexity with the estimator below. Every object costs 1; a list multiplies
//   what it holds by its largest size (170 sub-districts, 500 partners, ...); the analyses add what
//   they cost on the database (coverage, gaps, need x provision, children grid). The area profile,
//   the heaviest request of the dashboard, costs about 5,100 (a partner search 2,500); the limit leaves room for integrators
//   but stops 500 aliased coverage tables or a city -> subDistricts -> parents -> subDistricts chain.
// - No subscriptions (there are none); mutations are checked by their resolvers (accounts, roles).
// - No NUL characters in strings (PostgreSQL cannot store them).
// - Expensive requests pass a gate (analysisGate.ts): a few at a time, so cheap requests and
//   /healthz are never stuck behind a queue of analyses.
import { AREA_COUNTS, areaCountOf } from '../../domain/areaLevels.ts';
import { languages, offers } from '../../domain/offers.ts';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type ValidationContext,
  visit,
} from 'graphql';
import { introspectionBoundsRule } from './introspectionBounds.ts';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { Context } from './context.ts';
import type { Gate } from './analysisGate.ts';

export const LIMITS = {
  /** Nesting of selections (the dashboard needs 4). */
  depth: 8,
  /** Aliases per operation (the area profile uses 8). */
  aliases: 30,
  directives: 10,
  /** Cost units per operation (see the estimator). */
  cost: 12_000,
  /** Characters of query text (the area profile has about 2,000). */
  queryChars: 20_000,
};

/** What the analyses cost on top of their results, in cost units. */
const FIELD_COST: Record<string, number> = {
  'Query.coverage': 100,
  'Query.gaps': 100,
  'Query.needProvision': 150,
  'Query.childrenGrid': 100,
  'Query.populationEstimates': 50,
  'Query.reachAtPoint': 20,
  'Query.facilitiesGeoJSON': 20,
  'Query.areasGeoJSON': 10,
  'Query.facilitiesNear': 5,
  'Query.facilities': 5,
  'Area.geometry': 2,
  'Query.scenarioEffect': 250,
  'Scenario.effect': 250,
  'Scenario.summary': 200,
  'Measure.effects': 100,
  'Query.siteSuggestions': 200,
  'Query.equity': 150,
};

/** A request with a field of at least this cost is an analysis and passes the gate. */
const EXPENSIVE_FIELD = 50;

/** The largest size of each list (the estimator's multiplier); other lists count as 50. */
const LIST_SIZE: Record<string, number> = {
  'Query.areas': AREA_COUNTS.ubz,
  'Area.subDistricts': 170,
  'Area.parents': 6,
  'Area.facilityCounts': 40,
  'Area.indicators': 20,
  'Query.indicators': 20,
  'CoverageResult.areas': 170,
  'NeedProvision.rows': 170,
  'Query.populationEstimates': 170,
  'GapLayer.hotspots': 200,
  'PointReachResult.categories': 20,
  'Facility.areas': 6,
  // One school per city point, two where schools share a building.
  'Facility.schools': 2,
  'Query.schools': 200,
  'AreaSchools.list': 200,
  'AreaSchools.startchancenSchools': 60,
  'SchoolMatchReport.stateOnly': 200,
  'SchoolMatchReport.cityOnly': 200,
  'SchoolMatchReport.byMatch': 5,
  'FacilityConnection.edges': 1000,
  'FacilityConnection.nodes': 1000,
  'NearbyFacilities.items': 500,
  'Taxonomy.categories': 40,
  'Taxonomy.fieldsOfAction': 5,
  'Query.coverageThresholds': 30,
  'DataSources.files': 20,
  'Facility.history': 100,
  'Query.offers': offers.length,
  'Query.spokenLanguages': languages.length,
  'Query.facilityHistory': 200,
  'Query.reports': 200,
  'Query.facilityConflicts': 200,
  'Query.auditLog': 500,
  'SupplementReport.lines': 5000,
  'ScenarioEffect.areas': 170,
  'ScenarioEffect.aktionsraeume': 13,
  'Scenario.changes': 50,
  'Scenario.summary': 5,
  'Measure.effects': 5,
  'Query.scenarios': 200,
  'Query.actionPlans': 13,
  'ActionPlan.measures': 20,
  'SiteSuggestions.suggestions': 10,
  'Query.planFields': 5,
  'PlanField.focalPoints': 5,
};

type CostStats = { expensive: boolean };

/** The share of a level's areas in the largest level (the 170 sub-districts). */
const levelShare = (args: Record<string, unknown>) => (areaCountOf(args.level) ?? AREA_COUNTS.ubz) / AREA_COUNTS.ubz;

/** Lists whose size a field's arguments set further up: the share of the largest size asked for. */
const PAGE_SHARE: Record<string, (args: Record<string, unknown>) => number> = {
  // A level's list holds that level's areas: 13 Aktionsräume, not 170. For coverage and need x
  // provision the rows of the level make nearly all of the answer (the city and the method are one
  // row more), so the share scales the whole answer.
  'Query.areas': levelShare,
  'Query.coverage': levelShare,
  'Query.needProvision': levelShare,
  'Query.facilities': (args) => Number(args.first ?? 20) / 1000,
  'Query.facilitiesNear': (args) => Number(args.limit ?? 100) / 500,
  'Query.gaps': (args) => Number(args.limit ?? 20) / 200,
  'Facility.history': (args) => Number(args.first ?? 20) / 100,
  'Query.facilityHistory': (args) => Number(args.first ?? 50) / 200,
  'Query.reports': (args) => Number(args.first ?? 50) / 200,
  'Query.facilityConflicts': (args) => Number(args.first ?? 50) / 200,
  'Query.auditLog': (args) => Number(args.first ?? 50) / 500,
  'Query.scenarios': (args) => Number(args.first ?? 50) / 200,
  'Query.siteSuggestions': (args) => Number(args.count ?? 3) / 10,
};

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity, context }) => {
  // Introspection (GraphiQL, code generators, Postman) reads the schema in memory, not the
  // database: it costs nothing here and has bounds of its own (introspectionBounds.ts).
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const key = `${type.name}.${field.name}`;
  const own = FIELD_COST[key] ?? 0;
  if (own >= EXPENSIVE_FIELD) (context as CostStats).expensive = true;
  if (isLeafType(getNamedType(field.type))) return own;
  // Each object counts 1 with what it holds; a list holds up to its size of them.
  const size = isListType(getNullableType(field.type)) ? (LIST_SIZE[key] ?? 50) : 1;
  const share = PAGE_SHARE[key]?.(args) ?? 1;
  return own + Math.ceil(size * share * (1 + childComplexity));
};

// Their messages name the limit and what was found ("Query depth limit of 8 exceeded, found 9.");
// reported as validation errors (400), not thrown (which Apollo would answer with a 500).
const asValidationError = { exposeLimits: true, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };

export const validationRules = [
  maxDepthRule({ n: LIMITS.depth, ...asValidationError }),
  maxAliasesRule({ n: LIMITS.aliases, ...asValidationError }),
  maxDirectivesRule({ n: LIMITS.directives, ...asValidationError }),
  introspectionBoundsRule,
];

const badRequest = (message: string, code = 'BAD_REQUEST') => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The first string in the query or its variables that holds a NUL character, as a path. */
function findNul(document: DocumentNode, variables: Record<string, unknown> | undefined): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (found === null && node.value.includes('\u0000')) found = 'a string in the query';
    },
  });
  const walk = (value: unknown, path: string): void => {
    if (found !== null) return;
    if (typeof value === 'string' && value.includes('\u0000')) found = `variable ${path}`;
    else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    }
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const [name, value] of Object.entries(variables ?? {})) walk(value, `$${name}`);
  return found;
}

/** What is wrong with the variables of an operation (each named, as GraphQL words it), or null. */
export function variableProblems(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): string | null {
  if (!operation) return null;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
  return result.errors?.length ? result.errors.map((e) => e.message).join(' ') : null;
}

/** The cost of an operation (also used by tests and the bench to show what the dashboard spends). */
export function operationCost(options: Omit<Parameters<typeof getComplexity>[0], 'estimators' | 'context'>): { cost: number; expensive: boolean } {
  const stats: CostStats = { expensive: false };
  const cost = getComplexity({ ...options, context: stats, estimators: [estimator] });
  return { cost, expensive: stats.expensive };
}

export function queryLimitsPlugin(gate: Gate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let leave: (() => void) | null = null;
      let cheap = false;
      return {
        async didResolveOperation({ document, schema, operation, request }) {
          if (operation?.operation === 'subscription') throw badRequest('This API has no subscriptions.');
          // Variables are checked against their types before anything uses them: a string for a
          // Float or 2^31 for an Int is the client's mistake (400), not a crash of the cost model.
          const problems = variableProblems(schema, operation, request.variables);
          if (problems) throw badRequest(problems, 'BAD_USER_INPUT');
          const nul = findNul(document, request.variables);
          if (nul) throw badRequest(`Strings must not contain NUL characters (found in ${nul}).`, 'BAD_USER_INPUT');
          const { cost, expensive } = operationCost({ schema, query: document, variables: request.variables, operationName: request.operationName });
          if (cost > LIMITS.cost) {
            throw new GraphQLError(`Query is too expensive: it costs ${cost}, the limit is ${LIMITS.cost}. Ask for fewer areas, targets or nested lists per request.`, {
              extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, limit: LIMITS.cost, http: { status: 400 } },
            });
          }
          if (expensive) leave = await gate.enter();
          else {
            cheap = true;
            gate.cheapStarted();
          }
        },
        async willSendResponse() {
          leave?.();
          if (cheap) {
            cheap = false;
            gate.cheapEnded();
          }
        },
      };
    },
  };
}
