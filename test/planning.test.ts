// Planning over real HTTP on the real data: who may write scenarios and measures (an
// authorisation matrix, one audit record per allowed write, none for a refused one), owners and
// versions, internal measures, the action plan's budget, and the planner's path in Borsigplatz:
// a suggested Kita, its effect, a measure with its cost, the plan for the council.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteSuite, type WriteSuite } from './harness/writeSuite.ts';

let suite: WriteSuite;
const callers: Record<string, Record<string, string>> = { anonymous: {} };
const post: WriteSuite['post'] = (...args) => suite.post(...args);
const data: WriteSuite['data'] = (...args) => suite.data(...args);
const rows: WriteSuite['rows'] = (...args) => suite.rows(...args);
const auditCount = () => suite.auditCount();

beforeAll(async () => {
  suite = await startWriteSuite();
  const { issuer } = suite;
  callers.planner = await suite.signedIn('planner', 'planner', 'planner');
  callers.planner2 = await suite.signedIn('planner2', 'planner2', 'planner');
  callers.editor = await suite.signedIn('editor-p', 'editor-p', 'editor');
  callers.reviewer = await suite.apiToken('review-bot-p', 'reviewer');
  callers.plannerToken = await suite.apiToken('plan-bot', 'planner');
  callers.admin = { authorization: `Bearer ${await issuer.token({ sub: 'u-7', name: 'Ada Admin', realm_access: { roles: ['admin'] } })}` };
  callers.oidcPlanner = { authorization: `Bearer ${await issuer.token({ sub: 'u-8', name: 'Paul Planer', realm_access: { roles: ['planner'] } })}` };
}, 120_000);

afterAll(async () => {
  await suite?.stop();
});

const BORSIGPLATZ = { level: 'AKTIONSRAUM', code: '023' };
const SCENARIO = 'key title version owner changes { kind facilityKey category { key } name location { longitude latitude } capacity }';
const MEASURE = 'id title status statusLabel costEur budgetYear internal version aktionsraum { code } field { key } focalPoint { key label } scenario { key }';
const measureInput = (extra: Record<string, unknown> = {}) => ({
  aktionsraum: '023', title: 'Neue Kita am Hoeschpark', field: 'betreuung', focalPoint: 'kindertagesbetreuung', status: 'PROPOSED', costEur: 45000, budgetYear: 2026, ...extra,
});
let counter = 0;
const newScenario = async (who = callers.planner) =>
  (await data(`mutation ($i: ScenarioInput!) { createScenario(input: $i) { ${SCENARIO} } }`, { i: { title: `Szenario ${++counter}`, changes: [] } }, who)).createScenario;
const newMeasure = async () => (await data(`mutation ($i: MeasureInput!) { createMeasure(input: $i) { ${MEASURE} } }`, { i: measureInput({ title: `Maßnahme ${++counter}` }) }, callers.planner)).createMeasure;

type Needed = 'planner' | 'owner';
const mutations: { name: string; needs: Needed; query: string; variables: () => Promise<Record<string, unknown>> }[] = [
  { name: 'createScenario', needs: 'planner', query: `mutation ($i: ScenarioInput!) { createScenario(input: $i) { key } }`, variables: async () => ({ i: { title: 'Mehr Kitas im Norden', changes: [] } }) },
  {
    name: 'updateScenario',
    needs: 'owner',
    query: 'mutation ($k: String!, $v: Int!, $i: ScenarioInput!) { updateScenario(key: $k, version: $v, input: $i) { version } }',
    variables: async () => {
      const s = await newScenario();
      return { k: s.key, v: s.version, i: { title: 'Umbenannt', changes: [] } };
    },
  },
  { name: 'deleteScenario', needs: 'owner', query: 'mutation ($k: String!) { deleteScenario(key: $k) }', variables: async () => ({ k: (await newScenario()).key }) },
  { name: 'createMeasure', needs: 'planner', query: 'mutation ($i: MeasureInput!) { createMeasure(input: $i) { id } }', variables: async () => ({ i: measureInput() }) },
  {
    name: 'updateMeasure',
    needs: 'planner',
    query: 'mutation ($id: ID!, $v: Int!, $i: MeasureInput!) { updateMeasure(id: $id, version: $v, input: $i) { version } }',
    variables: async () => {
      const m = await newMeasure();
      return { id: m.id, v: m.version, i: measureInput({ status: 'DECIDED' }) };
    },
  },
  {
    name: 'deleteMeasure',
    needs: 'planner',
    query: 'mutation ($id: ID!, $v: Int!) { deleteMeasure(id: $id, version: $v) }',
    variables: async () => {
      const m = await newMeasure();
      return { id: m.id, v: m.version };
    },
  },
];

// The scenarios of the matrix belong to "planner" (by cookie): planner2 and the other planners
// may not change them, an admin may.
const ALLOWED: Record<string, Record<Needed, boolean>> = {
  anonymous: { planner: false, owner: false },
  editor: { planner: false, owner: false },
  reviewer: { planner: false, owner: false },
  planner: { planner: true, owner: true },
  planner2: { planner: true, owner: false },
  plannerToken: { planner: true, owner: false },
  oidcPlanner: { planner: true, owner: false },
  admin: { planner: true, owner: true },
};

describe('the authorisation matrix of planning', () => {
  const cases = mutations.flatMap((m) => Object.keys(ALLOWED).map((caller) => [m.name, caller] as const));
  it.each(cases)('%s as %s', async (name, caller) => {
    const mutation = mutations.find((m) => m.name === name)!;
    const variables = await mutation.variables();
    const before = await auditCount();
    const { status, body } = await post(mutation.query, variables, callers[caller]);
    if (ALLOWED[caller][mutation.needs]) {
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(await auditCount()).toBe(before + 1);
    } else {
      const code = caller === 'anonymous' ? ['UNAUTHENTICATED', 401] : ['FORBIDDEN', 403];
      expect(body.errors?.[0].extensions.code).toBe(code[0]);
      expect(status).toBe(code[1]);
      expect(await auditCount()).toBe(before);
    }
  }, 60_000);

  it('lists scenarios for planners only; reads one by its link for anyone', async () => {
    const s = await newScenario();
    expect((await post('{ scenarios { key } }')).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await post('{ scenarios { key } }', {}, callers.editor)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await data('{ scenarios { key } }', {}, callers.planner2)).scenarios.map((x: any) => x.key)).toContain(s.key);
    expect((await data('query ($k: String!) { scenario(key: $k) { title owner } }', { k: s.key })).scenario).toEqual({ title: s.title, owner: 'planner' });
  });

  it('refuses a stale version and keeps the newer one', async () => {
    const s = await newScenario();
    const update = 'mutation ($k: String!, $v: Int!, $i: ScenarioInput!) { updateScenario(key: $k, version: $v, input: $i) { version title } }';
    await data(update, { k: s.key, v: s.version, i: { title: 'Erste Fassung', changes: [] } }, callers.planner);
    const stale = await post(update, { k: s.key, v: s.version, i: { title: 'Veraltet', changes: [] } }, callers.planner);
    expect(stale.body.errors?.[0].extensions.code).toBe('VERSION_CONFLICT');
    expect((await data('query ($k: String!) { scenario(key: $k) { title version } }', { k: s.key })).scenario).toEqual({ title: 'Erste Fassung', version: 2 });
  });

  it('checks a measure: Aktionsraum, focal point of its field, cost', async () => {
    const create = 'mutation ($i: MeasureInput!) { createMeasure(input: $i) { id } }';
    const bad = async (extra: Record<string, unknown>) => (await post(create, { i: measureInput(extra) }, callers.planner)).body.errors?.[0].message;
    expect(await bad({ aktionsraum: '999' })).toMatch(/no Aktionsraum with code "999"/);
    expect(await bad({ focalPoint: 'familienzentren' })).toMatch(/focalPoint must be one of kindertagesbetreuung, ganztagsschule/);
    expect(await bad({ costEur: -5 })).toMatch(/costEur/);
    expect(await bad({ scenario: 'no-such-scenario' })).toMatch(/no scenario with key/);
  });
});

describe('the planner in Borsigplatz', () => {
  it('takes a suggested Kita into a scenario, sees its effect, files it as a measure and gets the plan for the council', async () => {
    const baseline = await data('{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 300) { areas { area { code } childrenWithin { value } } } }');
    const sites = (
      await data(
        'query ($a: AreaRef) { siteSuggestions(question: { target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 300 }, area: $a, count: 3, weightByNeed: true) { childrenBeyond { value } suggestions { rank location { longitude latitude } subDistrict { code } childrenGained { value } } } }',
        { a: BORSIGPLATZ },
      )
    ).siteSuggestions;
    expect(sites.suggestions.length).toBeGreaterThan(0);
    // Sites lie where children live in Borsigplatz (UBZ 061 Borsigplatz, 062 Westfalenhütte).
    for (const s of sites.suggestions) expect(['061', '062']).toContain(s.subDistrict.code);
    const gained = sites.suggestions.reduce((sum: number, s: any) => sum + (s.childrenGained.value ?? 0), 0);
    expect(gained).toBeLessThanOrEqual(sites.childrenBeyond.value);

    const add = { kind: 'ADD', category: 'kita', name: 'Kita Borsigplatz (geplant)', capacity: 60, location: sites.suggestions[0].location };
    const scenario = (await data(`mutation ($i: ScenarioInput!) { createScenario(input: $i) { ${SCENARIO} } }`, { i: { title: 'Kita für den Borsigplatz', changes: [add] } }, callers.planner)).createScenario;
    const effect = (
      await data(
        `query ($k: String!) { scenario(key: $k) { effect(target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: 300, level: AKTIONSRAUM) {
          aktionsraeume { area { code } newlyWithin { value } newlyBeyond { value } rankBefore rankAfter before { childrenWithin { value } } after { childrenWithin { value } } }
          city { newlyWithin { value } } difference { cellsGaining } } } }`,
        { k: scenario.key },
      )
    ).scenario.effect;
    const borsig = effect.aktionsraeume.find((a: any) => a.area.code === '023');
    expect(borsig.newlyWithin.value).toBe(sites.suggestions[0].childrenGained.value);
    expect(borsig.newlyBeyond.value).toBe(0);
    expect(borsig.after.childrenWithin.value - borsig.before.childrenWithin.value).toBe(borsig.newlyWithin.value);
    expect(borsig.rankAfter).toBeGreaterThanOrEqual(borsig.rankBefore);
    expect(effect.difference.cellsGaining).toBeGreaterThan(0);
    // "Before" is the real coverage, untouched.
    const before = Object.fromEntries(baseline.coverage.areas.map((a: any) => [a.area.code, a.childrenWithin.value]));
    expect(borsig.before.childrenWithin.value).toBe(before['023']);
    expect((await rows("select count(*)::int as n from facility where name = 'Kita Borsigplatz (geplant)'"))[0].n).toBe(0);

    const measure = (
      await data(`mutation ($i: MeasureInput!) { createMeasure(input: $i) { ${MEASURE} effects { category { key } thresholdMetres area { newlyWithin { value } } aktionsraumRankBefore aktionsraumRankAfter } } }`, {
        i: measureInput({ title: 'Kita für den Borsigplatz', costEur: 120000, scenario: scenario.key, responsible: 'Jugendamt, FABIDO' }),
      }, callers.planner)
    ).createMeasure;
    expect(measure).toMatchObject({ status: 'PROPOSED', statusLabel: 'proposed', costEur: 120000, budgetYear: 2026, scenario: { key: scenario.key } });
    expect(measure.effects).toEqual([expect.objectContaining({ category: { key: 'kita' }, thresholdMetres: 500 })]);
    await data('mutation ($i: MeasureInput!) { createMeasure(input: $i) { id } }', { i: measureInput({ title: 'Abstimmung der Träger (intern)', internal: true, costEur: 5000, field: 'uebergreifend', focalPoint: 'vernetzung' }) }, callers.planner);

    const PLAN = `query ($a: String!) { actionPlan(aktionsraum: $a, budgetYear: 2026) { aktionsraum { name } budget { eurPerYear isApproximate source }
      measures { title internal } totalCostEur remainingEur measuresWithoutCost } }`;
    const publicPlan = (await data(PLAN, { a: '023' })).actionPlan;
    expect(publicPlan.aktionsraum.name).toBe('Borsigplatz');
    expect(publicPlan.budget).toMatchObject({ eurPerYear: 230000, isApproximate: true });
    expect(publicPlan.measures.map((m: any) => m.title)).toContain('Kita für den Borsigplatz');
    expect(publicPlan.measures.some((m: any) => m.internal)).toBe(false);
    const plannersPlan = (await data(PLAN, { a: '023' }, callers.planner)).actionPlan;
    expect(plannersPlan.measures.some((m: any) => m.internal)).toBe(true);
    expect(plannersPlan.totalCostEur - publicPlan.totalCostEur).toBe(5000);
    expect(plannersPlan.remainingEur).toBe(230000 - plannersPlan.totalCostEur);

    const all = (await data('{ actionPlans(budgetYear: 2026) { aktionsraum { code } } }')).actionPlans;
    expect(all).toHaveLength(13);
  }, 120_000);

  it('refuses a site search too large to weigh, with what to do instead', async () => {
    const { body } = await post('{ siteSuggestions(category: "schwimmbad", ageBand: AGE_6_17, thresholdMetres: 3000, detourFactor: 3) { suggestions { rank } } }');
    expect(body.errors?.[0].message).toMatch(/too many candidate sites.*choose an area/);
  }, 60_000);

  it('gives equity for a target: the Aktionsräume against the rest of the city', async () => {
    const { equity } = await data('{ equity(target: { category: "kita" }, ageBand: AGE_0_5) { equity { giniSupply giniDistance palmaRatio concentrationIndex shareWithinAktionsraeume shareWithinRest shareGapPoints } equityMethod } }');
    for (const key of ['giniSupply', 'giniDistance']) expect(equity.equity[key]).toBeGreaterThan(0);
    expect(equity.equity.giniSupply).toBeLessThan(1);
    expect(equity.equity.palmaRatio).toBeGreaterThan(1);
    expect(equity.equity.shareGapPoints).toBeCloseTo((equity.equity.shareWithinAktionsraeume - equity.equity.shareWithinRest) * 100, 1);
    expect(equity.equityMethod).toMatch(/Palma/);
  });
});
