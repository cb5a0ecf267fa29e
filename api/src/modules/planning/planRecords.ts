// Stored planning records: scenarios (shared by link, changed by their owner) and the measures of
// the action plans with their budget sums. Reading is public (internal measures for planners
// only); writes need the planner role, leave one audit record each and run in one transaction.
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { AKTIONSRAUM_BUDGET, BUDGET_YEARS, focalPointKeys, planFields, type PlanField } from '../../../../domain/actionPlan.ts';
import type { Knex } from 'knex';
import type { Context } from '../../context.ts';
import type { MeasureInput, ScenarioChangeInput, ScenarioInput } from '../../generated/resolvers.ts';
import { audit } from '../accounts/accountStore.ts';
import { actorOf, requireRole, roleAllows, type Principal } from '../accounts/auth.ts';
import * as areaStore from '../areas/areaStore.ts';
import { badUserInput } from '../common/errors.ts';
import { checkRange, checkWholeNumber } from '../common/validate.ts';
import { notFound } from '../editing/editService.ts';
import { checkText } from '../editing/facilityFields.ts';
import * as store from './planningStore.ts';
import * as records from './planRecordStore.ts';
import { checkChanges, type ChangeInput, type CheckedChange } from './scenarioChanges.ts';
import { todayInCity } from '../../../../domain/city.ts';

export const fieldOut = (ctx: Context, f: PlanField) => ({
  key: f.key,
  label: f.label[ctx.lang],
  focalPoints: f.focalPoints.map((p) => ({ key: p.key, label: p.label[ctx.lang] })),
});

export const inputs = (changes: readonly ScenarioChangeInput[] | null | undefined): ChangeInput[] => (changes ?? []).map((c) => ({ ...c }));

/** A stored scenario's changes, checked; changes of facilities no longer in service are left out. */
export async function storedChanges(ctx: Context, scenarioId: number): Promise<CheckedChange[]> {
  const rows = await records.changesOf(ctx.db, [scenarioId]);
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
function requireOwner(who: Principal, scenario: records.ScenarioRow) {
  const owns = (who.account_id !== null && who.account_id === scenario.owner_account_id) || actorOf(who) === scenario.owner;
  if (!owns && who.role !== 'admin') {
    throw new GraphQLError(`Only ${scenario.owner} (who created it) or an admin may change scenario "${scenario.title}".`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

const scenarioSnapshot = (s: records.ScenarioRow, changes: records.ChangeValues[]) => ({ title: s.title, description: s.description, version: s.version, changes });
const changeValues = (changes: CheckedChange[]): records.ChangeValues[] =>
  changes.map(({ kind, facility_key, category, name, lon, lat, capacity }) => ({ kind, facility_key, category, name, lon, lat, capacity }));

const currentYear = () => Number(todayInCity().slice(0, 4));

async function checkMeasure(ctx: Context, input: MeasureInput): Promise<records.MeasureValues> {
  const aktionsraum = await areaStore.findArea(ctx.db, 'aktionsraum', input.aktionsraum);
  if (!aktionsraum) throw badUserInput(`aktionsraum: there is no Aktionsraum with code "${input.aktionsraum}" (e.g. 023 Borsigplatz)`);
  const field = planFields.find((f) => f.key === input.field);
  if (!field) throw badUserInput(`field must be one of ${planFields.map((f) => f.key).join(', ')} (got "${input.field}")`);
  if (focalPointKeys.get(input.focalPoint) !== field.key) {
    throw badUserInput(`focalPoint must be one of ${field.focalPoints.map((p) => p.key).join(', ')} for the field ${field.key} (got "${input.focalPoint}")`);
  }
  let scenarioId: number | null = null;
  if (input.scenario) {
    const scenario = await records.scenarioByKey(ctx.db, input.scenario);
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
    budget_year: input.budgetYear == null ? currentYear() : checkWholeNumber('budgetYear', input.budgetYear, BUDGET_YEARS.first, BUDGET_YEARS.last),
    scenario_id: scenarioId,
    internal: input.internal ?? false,
    notes: input.notes ? checkText('notes', input.notes, 0, 2000) : '',
  };
}

const canSeeInternal = async (ctx: Context) => {
  const viewer = await ctx.viewer();
  return viewer !== null && roleAllows(viewer.role, 'planner');
};

export async function plansFor(ctx: Context, codes: string[] | null, year: number | null | undefined) {
  const budgetYear = year == null ? currentYear() : checkWholeNumber('budgetYear', year, BUDGET_YEARS.first, BUDGET_YEARS.last);
  const aktionsraeume = (await ctx.loaders.areasOfLevel.load('aktionsraum')).filter((a) => codes === null || codes.includes(a.code));
  if (codes && aktionsraeume.length === 0) throw badUserInput(`aktionsraum: there is no Aktionsraum with code "${codes[0]}" (e.g. 023 Borsigplatz)`);
  const measures = await records.listMeasures(ctx.db, { codes, year: budgetYear, includeInternal: await canSeeInternal(ctx) });
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


/** A new scenario owned by the caller (planner), with its changes; audited. */
export async function createScenario(ctx: Context, input: ScenarioInput) {
  const who = requireRole(await ctx.viewer(), 'planner');
  const values = checkScenarioInput(input);
  const changes = changeValues(await checkChanges(ctx, inputs(input.changes)));
  return ctx.db.transaction(async (trx) => {
    const scenario = await records.insertScenario(trx, { key: randomBytes(12).toString('base64url'), ...values, ownerAccountId: who.account_id, owner: actorOf(who) });
    await records.replaceChanges(trx, scenario.id, changes);
    await writeAudit(trx, who, 'create', 'scenario', scenario.key, null, scenarioSnapshot(scenario, changes));
    return scenario;
  });
}

/** A scenario saved over by its owner (or an admin) at the version they loaded; audited. */
export async function updateScenario(ctx: Context, key: string, version: number, input: ScenarioInput) {
  const who = requireRole(await ctx.viewer(), 'planner');
  const values = checkScenarioInput(input);
  const changes = changeValues(await checkChanges(ctx, inputs(input.changes)));
  return ctx.db.transaction(async (trx) => {
    const current = await records.scenarioByKey(trx, key, true);
    if (!current) throw notFound(`Scenario "${key}"`);
    requireOwner(who, current);
    if (current.version !== version) throw versionConflict('scenario', current.version, version);
    const before = scenarioSnapshot(current, (await records.changesOf(trx, [current.id])).map(({ kind, facility_key, category, name, lon, lat, capacity }) => ({ kind, facility_key, category, name, lon, lat, capacity })));
    const updated = await records.updateScenario(trx, current.id, values);
    await records.replaceChanges(trx, current.id, changes);
    await writeAudit(trx, who, 'update', 'scenario', current.key, before, scenarioSnapshot(updated, changes));
    return updated;
  });
}

/** A scenario deleted by its owner (or an admin); audited. */
export async function deleteScenario(ctx: Context, key: string) {
  const who = requireRole(await ctx.viewer(), 'planner');
  return ctx.db.transaction(async (trx) => {
    const current = await records.scenarioByKey(trx, key, true);
    if (!current) throw notFound(`Scenario "${key}"`);
    requireOwner(who, current);
    await records.deleteScenario(trx, current.id);
    await writeAudit(trx, who, 'delete', 'scenario', current.key, scenarioSnapshot(current, []), null);
    return true;
  });
}

/** The stored scenarios (planners). */
export async function listScenarios(ctx: Context, first: number) {
  requireRole(await ctx.viewer(), 'planner');
  return records.listScenarios(ctx.db, checkWholeNumber('first', first, 1, 200));
}

/** A measure of an action plan (planner); audited. */
export async function createMeasure(ctx: Context, input: MeasureInput) {
  const who = requireRole(await ctx.viewer(), 'planner');
  const values = await checkMeasure(ctx, input);
  return ctx.db.transaction(async (trx) => {
    const measure = await records.insertMeasure(trx, values, actorOf(who));
    await writeAudit(trx, who, 'create', 'measure', String(measure.id), null, measure);
    return measure;
  });
}

/** A measure changed or deleted at the version loaded (planner); audited. */
async function withMeasure<T>(ctx: Context, _who: Principal, rawId: string, version: number, work: (trx: Knex.Transaction, current: records.MeasureRow) => Promise<T>) {
  const id = checkWholeNumber('id', Number(rawId), 1, 2 ** 31 - 1);
  return ctx.db.transaction(async (trx) => {
    const current = await records.measureById(trx, id, true);
    if (!current) throw notFound(`Measure ${id}`);
    if (current.version !== version) throw versionConflict('measure', current.version, version);
    return work(trx, current);
  });
}

export async function updateMeasure(ctx: Context, rawId: string, version: number, input: MeasureInput) {
  const who = requireRole(await ctx.viewer(), 'planner');
  const values = await checkMeasure(ctx, input);
  return withMeasure(ctx, who, rawId, version, async (trx, current) => {
    const updated = await records.updateMeasure(trx, current.id, values);
    await writeAudit(trx, who, 'update', 'measure', String(current.id), current, updated);
    return updated;
  });
}

export async function deleteMeasure(ctx: Context, rawId: string, version: number) {
  const who = requireRole(await ctx.viewer(), 'planner');
  return withMeasure(ctx, who, rawId, version, async (trx, current) => {
    await records.deleteMeasure(trx, current.id);
    await writeAudit(trx, who, 'delete', 'measure', String(current.id), current, null);
    return true;
  });
}
