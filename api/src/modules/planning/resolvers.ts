// Planning in the API: scenarios (stored, shared by link, evaluated), site suggestions, equity and
// the action plans. Reading is public (internal measures for planners only); writes need the
// planner role, leave one audit record each and run in one transaction.
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { AKTIONSRAUM_BUDGET, focalPointKeys, planFields, statusLabels, type PlanField } from '../../../../domain/actionPlan.ts';
import type { Knex } from 'knex';
import type { Context } from '../../context.ts';
import type { MeasureInput, Resolvers, ScenarioChangeInput, ScenarioInput } from '../../generated/resolvers.ts';
import { audit } from '../accounts/accountStore.ts';
import { actorOf, requireRole, roleAllows, type Principal } from '../accounts/auth.ts';
import { shownActor } from '../accounts/shownActor.ts';
import * as areaStore from '../areas/areaStore.ts';
import { badUserInput } from '../common/errors.ts';
import { checkRange, checkWholeNumber } from '../common/validate.ts';
import { notFound, todayInDortmund } from '../editing/editService.ts';
import { checkText } from '../editing/facilityFields.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import * as store from './planningStore.ts';
import { checkChanges, equityFor, evaluate, suggestSites, summarise, type ChangeInput, type CheckedChange } from './scenarioService.ts';

const fieldOut = (ctx: Context, f: PlanField) => ({
  key: f.key,
  label: f.label[ctx.lang],
  focalPoints: f.focalPoints.map((p) => ({ key: p.key, label: p.label[ctx.lang] })),
});

const inputs = (changes: readonly ScenarioChangeInput[] | null | undefined): ChangeInput[] => (changes ?? []).map((c) => ({ ...c }));

/** A stored scenario's changes, checked; changes of facilities no longer in service are left out. */
async function storedChanges(ctx: Context, scenarioId: number): Promise<CheckedChange[]> {
  const rows = await store.changesOf(ctx.db, [scenarioId]);
  const inService = new Set((await store.facilitiesForPlanning(ctx.db, rows.flatMap((r) => (r.facility_key ? [r.facility_key] : [])))).map((f) => f.key));
  return checkChanges(
    ctx,
    rows
      .filter((r) => r.facility_key === null || inService.has(r.facility_key))
      .map((r) => ({
        kind: r.kind,
        facilityKey: r.facility_key,
        category: r.category,
        name: r.name,
        location: r.lon === null ? null : { longitude: r.lon, latitude: r.lat! },
        capacity: r.capacity,
      })),
  );
}

const versionConflict = (what: string, current: number, yours: number) =>
  new GraphQLError(`The ${what} was changed meanwhile: it is at version ${current}, your edit started from version ${yours}. Load it again.`, {
    extensions: { code: 'VERSION_CONFLICT', http: { status: 409 }, currentVersion: current },
  });

function checkScenarioInput(input: ScenarioInput) {
  return { title: checkText('title', input.title, 1, 200), description: input.description ? checkText('description', input.description, 0, 4000) : '' };
}

/** Only the owner of a scenario (or an admin) changes it. */
function requireOwner(who: Principal, scenario: store.ScenarioRow) {
  const owns = (who.account_id !== null && who.account_id === scenario.owner_account_id) || actorOf(who) === scenario.owner;
  if (!owns && who.role !== 'admin') {
    throw new GraphQLError(`Only ${scenario.owner} (who created it) or an admin may change scenario "${scenario.title}".`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

const scenarioSnapshot = (s: store.ScenarioRow, changes: store.ChangeValues[]) => ({ title: s.title, description: s.description, version: s.version, changes });
const changeValues = (changes: CheckedChange[]): store.ChangeValues[] =>
  changes.map(({ kind, facility_key, category, name, lon, lat, capacity }) => ({ kind, facility_key, category, name, lon, lat, capacity }));

const currentYear = () => Number(todayInDortmund().slice(0, 4));

async function checkMeasure(ctx: Context, input: MeasureInput): Promise<store.MeasureValues> {
  const aktionsraum = await areaStore.findArea(ctx.db, 'aktionsraum', input.aktionsraum);
  if (!aktionsraum) throw badUserInput(`aktionsraum: there is no Aktionsraum with code "${input.aktionsraum}" (e.g. 023 Borsigplatz)`);
  const field = planFields.find((f) => f.key === input.field);
  if (!field) throw badUserInput(`field must be one of ${planFields.map((f) => f.key).join(', ')} (got "${input.field}")`);
  if (focalPointKeys.get(input.focalPoint) !== field.key) {
    throw badUserInput(`focalPoint must be one of ${field.focalPoints.map((p) => p.key).join(', ')} for the field ${field.key} (got "${input.focalPoint}")`);
  }
  let scenarioId: number | null = null;
  if (input.scenario) {
    const scenario = await store.scenarioByKey(ctx.db, input.scenario);
    if (!scenario) throw badUserInput(`scenario: there is no scenario with key "${input.scenario}"`);
    scenarioId = scenario.id;
  }
  return {
    aktionsraum_code: aktionsraum.code,
    title: checkText('title', input.title, 1, 200),
    field: field.key,
    focal_point: input.focalPoint,
    status: input.status,
    responsible: input.responsible ? checkText('responsible', input.responsible, 0, 200) : '',
    cost_eur: input.costEur == null ? null : Math.round(checkRange('costEur', input.costEur, 0, 100_000_000, ' EUR') * 100) / 100,
    budget_year: input.budgetYear == null ? currentYear() : checkWholeNumber('budgetYear', input.budgetYear, 2008, 2100),
    scenario_id: scenarioId,
    internal: input.internal ?? false,
    notes: input.notes ? checkText('notes', input.notes, 0, 2000) : '',
  };
}

const canSeeInternal = async (ctx: Context) => {
  const viewer = await ctx.viewer();
  return viewer !== null && roleAllows(viewer.role, 'planner');
};

async function plansFor(ctx: Context, codes: string[] | null, year: number | null | undefined) {
  const budgetYear = year == null ? currentYear() : checkWholeNumber('budgetYear', year, 2008, 2100);
  const aktionsraeume = (await ctx.loaders.areasOfLevel.load('aktionsraum')).filter((a) => codes === null || codes.includes(a.code));
  if (codes && aktionsraeume.length === 0) throw badUserInput(`aktionsraum: there is no Aktionsraum with code "${codes[0]}" (e.g. 023 Borsigplatz)`);
  const measures = await store.listMeasures(ctx.db, { codes, year: budgetYear, includeInternal: await canSeeInternal(ctx) });
  return aktionsraeume
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((aktionsraum) => {
      const own = measures.filter((m) => m.aktionsraum_code === aktionsraum.code);
      const total = own.reduce((s, m) => s + (m.cost_eur ?? 0), 0);
      return {
        aktionsraum,
        budgetYear,
        budget: { eurPerYear: AKTIONSRAUM_BUDGET.eurPerYear, isApproximate: AKTIONSRAUM_BUDGET.isApproximate, source: AKTIONSRAUM_BUDGET.source[ctx.lang] },
        measures: own,
        totalCostEur: Math.round(total * 100) / 100,
        remainingEur: Math.round((AKTIONSRAUM_BUDGET.eurPerYear - total) * 100) / 100,
        measuresWithoutCost: own.filter((m) => m.cost_eur === null).length,
      };
    });
}

function writeAudit(trx: Knex.Transaction, who: Principal, action: string, entity: string, key: string, before: unknown, after: unknown) {
  return audit(trx, { accountId: who.account_id, actor: actorOf(who), action, entity, entityKey: key, before, after, reason: null });
}

export const planningResolvers: Resolvers = {
  ScenarioChangeKind: { ADD: 'add', CLOSE: 'close', MOVE: 'move', CAPACITY: 'capacity' },
  MeasureStatus: { PROPOSED: 'proposed', DECIDED: 'decided', IN_PROGRESS: 'in_progress', DONE: 'done' },
  Query: {
    scenario: (_, args, ctx) => store.scenarioByKey(ctx.db, args.key),
    scenarios: async (_, args, ctx) => {
      requireRole(await ctx.viewer(), 'planner');
      return store.listScenarios(ctx.db, checkWholeNumber('first', args.first, 1, 200));
    },
    scenarioEffect: async (_, args, ctx) => evaluate(ctx, { ...args, level: args.level ?? 'sozialraum' }, await checkChanges(ctx, inputs(args.changes))),
    siteSuggestions: async (_, args, ctx) => suggestSites(ctx, args, await checkChanges(ctx, inputs(args.changes))),
    equity: async (_, args, ctx) => equityFor(ctx, args, await checkChanges(ctx, inputs(args.changes))),
    planFields: (_, __, ctx) => planFields.map((f) => fieldOut(ctx, f)),
    actionPlan: async (_, args, ctx) => (await plansFor(ctx, [args.aktionsraum], args.budgetYear))[0],
    actionPlans: (_, args, ctx) => plansFor(ctx, null, args.budgetYear),
  },
  Mutation: {
    createScenario: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      const values = checkScenarioInput(args.input);
      const changes = changeValues(await checkChanges(ctx, inputs(args.input.changes)));
      return ctx.db.transaction(async (trx) => {
        const scenario = await store.insertScenario(trx, { key: randomBytes(12).toString('base64url'), ...values, ownerAccountId: who.account_id, owner: actorOf(who) });
        await store.replaceChanges(trx, scenario.id, changes);
        await writeAudit(trx, who, 'create', 'scenario', scenario.key, null, scenarioSnapshot(scenario, changes));
        return scenario;
      });
    },
    updateScenario: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      const values = checkScenarioInput(args.input);
      const changes = changeValues(await checkChanges(ctx, inputs(args.input.changes)));
      return ctx.db.transaction(async (trx) => {
        const current = await store.scenarioByKey(trx, args.key, true);
        if (!current) throw notFound(`Scenario "${args.key}"`);
        requireOwner(who, current);
        if (current.version !== args.version) throw versionConflict('scenario', current.version, args.version);
        const before = scenarioSnapshot(current, await store.changesOf(trx, [current.id]).then((rows) => rows.map(({ kind, facility_key, category, name, lon, lat, capacity }) => ({ kind, facility_key, category, name, lon, lat, capacity }))));
        const updated = await store.updateScenario(trx, current.id, values);
        await store.replaceChanges(trx, current.id, changes);
        await writeAudit(trx, who, 'update', 'scenario', current.key, before, scenarioSnapshot(updated, changes));
        return updated;
      });
    },
    deleteScenario: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      return ctx.db.transaction(async (trx) => {
        const current = await store.scenarioByKey(trx, args.key, true);
        if (!current) throw notFound(`Scenario "${args.key}"`);
        requireOwner(who, current);
        await store.deleteScenario(trx, current.id);
        await writeAudit(trx, who, 'delete', 'scenario', current.key, scenarioSnapshot(current, []), null);
        return true;
      });
    },
    createMeasure: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      const values = await checkMeasure(ctx, args.input);
      return ctx.db.transaction(async (trx) => {
        const measure = await store.insertMeasure(trx, values, actorOf(who));
        await writeAudit(trx, who, 'create', 'measure', String(measure.id), null, measure);
        return measure;
      });
    },
    updateMeasure: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      const id = checkWholeNumber('id', Number(args.id), 1, 2 ** 31 - 1);
      const values = await checkMeasure(ctx, args.input);
      return ctx.db.transaction(async (trx) => {
        const current = await store.measureById(trx, id, true);
        if (!current) throw notFound(`Measure ${id}`);
        if (current.version !== args.version) throw versionConflict('measure', current.version, args.version);
        const updated = await store.updateMeasure(trx, id, values);
        await writeAudit(trx, who, 'update', 'measure', String(id), current, updated);
        return updated;
      });
    },
    deleteMeasure: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'planner');
      const id = checkWholeNumber('id', Number(args.id), 1, 2 ** 31 - 1);
      return ctx.db.transaction(async (trx) => {
        const current = await store.measureById(trx, id, true);
        if (!current) throw notFound(`Measure ${id}`);
        if (current.version !== args.version) throw versionConflict('measure', current.version, args.version);
        await store.deleteMeasure(trx, id);
        await writeAudit(trx, who, 'delete', 'measure', String(id), current, null);
        return true;
      });
    },
  },
  Scenario: {
    owner: (s, _, ctx) => shownActor(ctx, s.owner),
    createdAt: (s) => s.created_at,
    updatedAt: (s) => s.updated_at,
    changes: (s, _, ctx) => store.changesOf(ctx.db, [s.id]),
    effect: async (s, args, ctx) => evaluate(ctx, { ...args, level: args.level ?? 'sozialraum' }, await storedChanges(ctx, s.id)),
    summary: async (s, args, ctx) => summarise(ctx, await storedChanges(ctx, s.id), args.aktionsraum ?? null),
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
    field: (m, _, ctx) => fieldOut(ctx, planFields.find((f) => f.key === m.field)!),
    focalPoint: (m, _, ctx) => fieldOut(ctx, planFields.find((f) => f.key === m.field)!).focalPoints.find((p) => p.key === m.focal_point)!,
    statusLabel: (m, _, ctx) => statusLabels[m.status][ctx.lang],
    costEur: (m) => m.cost_eur,
    budgetYear: (m) => m.budget_year,
    scenario: async (m, _, ctx) => (m.scenario_id === null ? null : ((await store.scenariosByIds(ctx.db, [m.scenario_id]))[0] ?? null)),
    effects: async (m, _, ctx) => (m.scenario_id === null ? [] : summarise(ctx, await storedChanges(ctx, m.scenario_id), m.aktionsraum_code)),
    createdBy: (m, _, ctx) => shownActor(ctx, m.created_by),
    updatedAt: (m) => m.updated_at,
  },
};
