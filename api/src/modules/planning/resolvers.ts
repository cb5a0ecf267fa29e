// Planning in the API: scenarios (stored, shared by link, evaluated), site suggestions, equity and
// the action plans. The resolvers map arguments; checks, ownership, audit and budget sums live in
// planRecords.ts and the evaluation in scenarioService.ts.
import { planFields, statusLabels } from '../../../../domain/actionPlan.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { shownActor } from '../accounts/shownActor.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import * as plans from './planRecords.ts';
import * as records from './planRecordStore.ts';
import { checkChanges } from './scenarioChanges.ts';
import { equityFor, evaluate, summarise } from './scenarioService.ts';
import { suggestSites } from './siteSuggestions.ts';
import { questionOf } from '../coverage/coverageTarget.ts';

export const planningResolvers: Resolvers = {
  ScenarioChangeKind: { ADD: 'add', CLOSE: 'close', MOVE: 'move', CAPACITY: 'capacity' },
  MeasureStatus: { PROPOSED: 'proposed', DECIDED: 'decided', IN_PROGRESS: 'in_progress', DONE: 'done' },
  Query: {
    scenario: (_, args, ctx) => records.scenarioByKey(ctx.db, args.key),
    scenarios: (_, args, ctx) => plans.listScenarios(ctx, args.first),
    scenarioEffect: async (_, args, ctx) => evaluate(ctx, { ...questionOf(args), level: args.level ?? 'sozialraum' }, await checkChanges(ctx, plans.inputs(args.changes))),
    siteSuggestions: async (_, { category, ...args }, ctx) =>
      suggestSites(
        ctx,
        { ...args, question: questionOf({ ...args, target: category ? { category } : null }) },
        await checkChanges(ctx, plans.inputs(args.changes)),
      ),
    equity: async (_, args, ctx) => equityFor(ctx, questionOf(args), await checkChanges(ctx, plans.inputs(args.changes))),
    planFields: (_, __, ctx) => planFields.map((f) => plans.fieldOut(ctx, f)),
    actionPlan: async (_, args, ctx) => (await plans.plansFor(ctx, [args.aktionsraum], args.budgetYear))[0],
    actionPlans: (_, args, ctx) => plans.plansFor(ctx, null, args.budgetYear),
  },
  Mutation: {
    createScenario: (_, args, ctx) => plans.createScenario(ctx, args.input),
    updateScenario: (_, args, ctx) => plans.updateScenario(ctx, args.key, args.version, args.input),
    deleteScenario: (_, args, ctx) => plans.deleteScenario(ctx, args.key),
    createMeasure: (_, args, ctx) => plans.createMeasure(ctx, args.input),
    updateMeasure: (_, args, ctx) => plans.updateMeasure(ctx, args.id, args.version, args.input),
    deleteMeasure: (_, args, ctx) => plans.deleteMeasure(ctx, args.id, args.version),
  },
  Scenario: {
    owner: (s, _, ctx) => shownActor(ctx, s.owner),
    createdAt: (s) => s.created_at,
    updatedAt: (s) => s.updated_at,
    changes: (s, _, ctx) => records.changesOf(ctx.db, [s.id]),
    effect: async (s, args, ctx) => evaluate(ctx, { ...questionOf(args), level: args.level ?? 'sozialraum' }, await plans.storedChanges(ctx, s.id)),
    summary: async (s, args, ctx) => summarise(ctx, await plans.storedChanges(ctx, s.id), args.aktionsraum ?? null),
  },
  ScenarioChange: {
    facility: (c, _, ctx) => (c.facility_key ? ctx.loaders.facilityByKey.load(c.facility_key) : null),
    facilityKey: (c) => c.facility_key,
    category: (c) => (c.category ? (categoryOf(c.category) ?? null) : null),
    location: (c) => (c.lon === null ? null : { longitude: c.lon, latitude: c.lat! }),
  },
  Measure: {
    id: (m) => String(m.id),
    aktionsraum: async (m, _, ctx) => (await ctx.loaders.areasOfLevel.load('aktionsraum')).find((a) => a.code === m.aktionsraum_code)!,
    field: (m, _, ctx) => plans.fieldOut(ctx, planFields.find((f) => f.key === m.field)!),
    focalPoint: (m, _, ctx) => plans.fieldOut(ctx, planFields.find((f) => f.key === m.field)!).focalPoints.find((p) => p.key === m.focal_point)!,
    statusLabel: (m, _, ctx) => statusLabels[m.status][ctx.lang],
    costEur: (m) => m.cost_eur,
    budgetYear: (m) => m.budget_year,
    scenario: async (m, _, ctx) => (m.scenario_id === null ? null : ((await records.scenariosByIds(ctx.db, [m.scenario_id]))[0] ?? null)),
    effects: async (m, _, ctx) => (m.scenario_id === null ? [] : summarise(ctx, await plans.storedChanges(ctx, m.scenario_id), m.aktionsraum_code)),
    createdBy: (m, _, ctx) => shownActor(ctx, m.created_by),
    updatedAt: (m) => m.updated_at,
  },
};
