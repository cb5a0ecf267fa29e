// The cost model against the dashboard's own requests and against the shapes that froze the server.
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { atlasDataQuery } from '../../web/src/api/queries.ts';
import { childrenQuery, gapQuery, needQuery, plannerQuery } from '../../web/src/features/coverage/plannerQuery.ts';
import { partnerQuery } from '../../web/src/features/partners/partnerQuery.ts';
import { profileQuery } from '../../web/src/features/profile/profileQuery.ts';
import { Gate } from './analysisGate.ts';
import { LIMITS, operationCost, validationRules, variableProblems } from './queryLimits.ts';
import { typeDefs } from './schema.ts';

const schema = buildSchema(typeDefs.join('\n'));
const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost({ schema, query: parse(query), variables });

describe('the cost of a request', () => {
  const area = { level: 'AKTIONSRAUM', code: '022' };
  const planner = { level: 'AKTIONSRAUM', target: { category: 'kita' }, ageBand: 'AGE_0_5', threshold: null };
  const dashboard = [
    [atlasDataQuery, {}],
    [plannerQuery, planner],
    [gapQuery, { ...planner, limit: 200 }],
    [childrenQuery, { ageBand: 'AGE_0_5' }],
    [needQuery, planner],
    [profileQuery, { ...area, ref: area, near: { ...area, metres: 500 }, indicators: [], ...planner, level: 'AKTIONSRAUM' }],
    [partnerQuery, { near: { point: { longitude: 7.45, latitude: 51.51 } }, radius: 1000, categories: ['kita'] }],
  ] as const;

  it('lets every request of the dashboard through, the area profile included', () => {
    for (const [document, variables] of dashboard) {
      expect(cost(document.toString(), variables).cost, document.toString().slice(0, 40)).toBeLessThanOrEqual(LIMITS.cost / 2);
    }
  });

  it('marks analyses as expensive and look-ups as cheap', () => {
    const [, planner, , , , profile, partner] = dashboard;
    expect(cost(planner[0].toString(), planner[1]).expensive).toBe(true);
    expect(cost(profile[0].toString(), profile[1]).expensive).toBe(true);
    expect(cost(partner[0].toString(), partner[1]).expensive).toBe(false);
    expect(cost('{ areas(level: AKTIONSRAUM) { code name } }').expensive).toBe(false);
  });

  it('stops a nested chain of lists (city -> sub-districts -> parents -> sub-districts)', () => {
    const chain = '{ area(level: CITY, code: "0") { subDistricts { parents { subDistricts { code } } } } }';
    expect(cost(chain).cost).toBeGreaterThan(LIMITS.cost);
  });

  it('stops many coverage tables in one request', () => {
    const aliases = Array.from({ length: 25 }, (_, i) => `c${i}: coverage(level: UBZ, target: { category: "kita" }, ageBand: AGE_0_5, thresholdMetres: ${300 + i}) { areas { shareWithin area { code } children { value } } }`);
    expect(cost(`{ ${aliases.join(' ')} }`).cost).toBeGreaterThan(LIMITS.cost);
  });

  it('counts a page of facilities by the page size asked for', () => {
    const page = (first: number) => cost(`{ facilities(first: ${first}) { nodes { key category { key } } } }`).cost;
    expect(page(1000)).toBeGreaterThan(page(10));
  });
});

describe('what integrators ask first', () => {
  const problems = (query: string) => validate(schema, parse(query), [...specifiedRules, ...validationRules]).map((e) => e.message);
  const fullIntrospection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

  it('lets the standard introspection query through (GraphiQL, Code Generator, Apollo, Postman)', () => {
    expect(problems(fullIntrospection)).toEqual([]);
    expect(cost(fullIntrospection).cost).toBe(0);
    expect(problems(getIntrospectionQuery())).toEqual([]);
  });

  it('bounds introspection that nests the schema\'s lists deeper than the standard query', () => {
    const deep = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
    expect(problems(deep)).toContainEqual(expect.stringMatching(/^Introspection nested too deep: .* 4 lists inside lists below __schema; the limits are 20 and 3/));
    const viaFragments = 'query { __type(name: "Area") { ...F } } fragment F on __Type { fields { type { fields { type { fields { type { fields { name } } } } } } } }';
    expect(problems(viaFragments)).toContainEqual(expect.stringMatching(/^Introspection nested too deep/));
    const longChain = `{ __schema { queryType { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } }`;
    expect(problems(longChain)).toContainEqual(expect.stringMatching(/^Introspection nested too deep: 22 levels/));
  });

  it('sizes a level\'s list by that level: the 13 Aktionsräume with their facility counts cost little', () => {
    const byLevel = (level: string) => cost(`{ areas(level: ${level}) { code name areaKm2 facilityCounts { category { key } count } } }`).cost;
    expect(byLevel('AKTIONSRAUM')).toBeLessThan(LIMITS.cost / 10);
    expect(byLevel('AKTIONSRAUM') * 170).toBeLessThanOrEqual(byLevel('UBZ') * 13 + 170 * 13);
    expect(byLevel('STADTBEZIRK')).toBeLessThan(byLevel('SOZIALRAUM'));
    expect(byLevel('UBZ')).toBeGreaterThan(LIMITS.cost);
    expect(cost('query ($l: AreaLevel!) { areas(level: $l) { code facilityCounts { count } } }', { l: 'SOZIALRAUM' }).cost).toBeLessThan(LIMITS.cost / 2);
  });

  it('names each variable of the wrong type before any cost is estimated', () => {
    const operation = (query: string) => parse(query).definitions[0] as Parameters<typeof variableProblems>[1];
    const facilitiesNear = 'query ($r: Float!, $n: Int) { facilitiesNear(near: { point: { longitude: 7.46, latitude: 51.52 } }, radius: $r, limit: $n) { items { distanceMetres } } }';
    expect(variableProblems(schema, operation(facilitiesNear), { r: 'far', n: 1.5 })).toMatch(/^Variable "\$r" got invalid value "far"; Float cannot represent non numeric value: "far" Variable "\$n" got invalid value 1\.5; Int cannot represent non-integer value: 1\.5$/);
    expect(variableProblems(schema, operation(facilitiesNear), { r: 500, n: 2 ** 31 })).toMatch(/^Variable "\$n" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value/);
    expect(variableProblems(schema, operation('query ($l: AreaLevel!) { areas(level: $l) { code } }'), { l: 'DISTRICT' })).toMatch(/^Variable "\$l" got invalid value "DISTRICT"; Value "DISTRICT" does not exist in "AreaLevel" enum/);
    expect(variableProblems(schema, operation(facilitiesNear), { r: 500 })).toBeNull();
  });
});

describe('the gate for analyses', () => {
  it('lets as many through as it has slots and the next when one leaves', async () => {
    const gate = new Gate(2, 5, 10_000);
    const first = await gate.enter();
    const second = await gate.enter();
    let thirdIn = false;
    const third = gate.enter().then((leave) => {
      thirdIn = true;
      return leave;
    });
    await Promise.resolve();
    expect(thirdIn).toBe(false);
    first();
    (await third)();
    expect(thirdIn).toBe(true);
    second();
  });

  it('refuses with SERVER_BUSY when the queue is full, and after waiting too long', async () => {
    const gate = new Gate(1, 1, 50);
    const leave = await gate.enter();
    const waiting = gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ extensions: { code: 'SERVER_BUSY' } });
    await expect(waiting).rejects.toMatchObject({ extensions: { code: 'SERVER_BUSY' } });
    leave();
    (await gate.enter())();
  });

  it('frees a slot only once however often leave is called', async () => {
    const gate = new Gate(1, 0, 10);
    const leave = await gate.enter();
    leave();
    leave();
    const again = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ extensions: { code: 'SERVER_BUSY' } });
    again();
  });
});

describe('analyses yield to cheap requests', () => {
  it('wait while cheap requests are in flight, and go when the last one ends', async () => {
    const gate = new Gate(1, 5, 10_000, 5_000);
    gate.cheapStarted();
    gate.cheapStarted();
    let entered = false;
    const analysis = gate.enter().then((leave) => {
      entered = true;
      return leave;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(entered).toBe(false);
    gate.cheapEnded();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(entered).toBe(false);
    gate.cheapEnded();
    (await analysis)();
    expect(entered).toBe(true);
  });

  it('do not starve: they go after yieldMs even under constant cheap load', async () => {
    const gate = new Gate(1, 5, 10_000, 30);
    gate.cheapStarted();
    const started = Date.now();
    (await gate.enter())();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    gate.cheapEnded();
  });
});
