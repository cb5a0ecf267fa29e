// Living data over real HTTP on the real data: who may write what (an authorisation matrix over
// every mutation and every kind of caller), the audit trail, optimistic concurrency, validation,
// corrections from the field with review, and the reach recomputed after an edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { createApiToken, revokeApiToken } from '../api/src/modules/accounts/bearer.ts';
import { startHttpServer } from './harness/httpServer.ts';
import { startWriteSuite, type WriteSuite } from './harness/writeSuite.ts';
import { OUTSIDE_CITY } from '../domain/city.ts';

let suite: WriteSuite;
let db: Database;
let server: WriteSuite['server'];
const callers: Record<string, Record<string, string>> = { anonymous: {} };
const post: WriteSuite['post'] = (...args) => suite.post(...args);
const data: WriteSuite['data'] = (...args) => suite.data(...args);
const rows: WriteSuite['rows'] = (...args) => suite.rows(...args);
const auditCount = () => suite.auditCount();

beforeAll(async () => {
  suite = await startWriteSuite();
  ({ db, server } = suite);
  const { issuer } = suite;
  callers.editor = await suite.signedIn('editor', 'Eda Editor', 'editor');
  callers.editor2 = await suite.signedIn('editor2', 'Second Editor', 'editor');
  callers.reviewer = await suite.apiToken('review-bot', 'reviewer');
  callers.admin = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', name: 'Ada Admin', realm_access: { roles: ['admin'] } })}` };
  callers.expired = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}` };
  callers.forged = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { forged: true })}` };
  callers.wrongAudience = { authorization: `Bearer ${await issuer.token({ sub: 'u-42', realm_access: { roles: ['admin'] } }, { audience: 'another-app' })}` };
  const revoked = await createApiToken(db.knex, { name: 'old-bot', role: 'admin', createdBy: 'test', expiresAt: null });
  await revokeApiToken(db.knex, revoked.row.id);
  callers.revoked = { authorization: `Bearer ${revoked.token}` };
}, 120_000);

afterAll(async () => {
  await suite?.stop();
});

// A place in Bövinghausen, inside the city, and one in Bochum, outside it.
const INSIDE = { longitude: 7.3212, latitude: 51.5163 };
const OUTSIDE = { longitude: 7.2, latitude: 51.48 };

const FACILITY_FIELDS = 'key version name category { key } origin contact { phone email website } openingHours languages offers lastVerified { at by } retired { on reason by } address { formatted } location { longitude latitude }';
const CHANGE = `facility { ${FACILITY_FIELDS} } audit { action actor entityKey before after reason } reachRecomputed`;

/** A facility of the city's data to edit, and its current version. */
async function someFacility(category: string, offset = 0) {
  const [row] = await rows(`select key, version from facility where category = ? and origin = 'import' order by id offset ? limit 1`, [category, offset]);
  return row as { key: string; version: number };
}

async function currentVersion(key: string) {
  return (await rows('select version from facility_record where key = ?', [key]))[0].version as number;
}

async function openReport(kind: 'problem' | 'proposal') {
  const facility = await someFacility('spielplatz', 3);
  const [row] = await rows(
    `insert into facility_report (kind, facility_key, changes, message, client_hash) values (?, ?, ?::jsonb, 'Test report text', 'x') returning id`,
    kind === 'problem'
      ? ['problem', facility.key, JSON.stringify({ openingHours: 'Mo-Fr 8-18' })]
      : ['proposal', null, JSON.stringify({ name: 'Familienzentrum Testweg', category: 'familienzentrum', ...INSIDE })],
  );
  return row.id as number;
}

async function openConflict() {
  const facility = await someFacility('bibliothek');
  await rows(`update facility_conflict set status = 'edit_kept' where facility_key = ? and status = 'open'`, [facility.key]);
  const [row] = await rows(`insert into facility_conflict (facility_key, source_file, incoming, current) values (?, 'test.geojson', (select source_values from facility_record where key = ?), '{}') returning id`, [facility.key, facility.key]);
  return row.id as number;
}

let counter = 0;
type Needed = 'anyone' | 'editor' | 'reviewer' | 'admin';
const mutations: { name: string; needs: Needed; query: string; variables: () => Promise<Record<string, unknown>> }[] = [
  {
    name: 'createFacility',
    needs: 'editor',
    query: `mutation ($f: FacilityFields!, $l: PointInput!) { createFacility(fields: $f, location: $l) { ${CHANGE} } }`,
    variables: async () => ({ f: { name: `Familienzentrum Matrix ${++counter}`, category: 'familienzentrum' }, l: INSIDE }),
  },
  {
    name: 'updateFacility',
    needs: 'editor',
    query: `mutation ($k: String!, $v: Int!, $f: FacilityFields!) { updateFacility(key: $k, version: $v, fields: $f, reason: "matrix") { ${CHANGE} } }`,
    variables: async () => {
      const f = await someFacility('jugendfreizeitstaette');
      return { k: f.key, v: f.version, f: { phone: `0231 ${500000 + ++counter}` } };
    },
  },
  {
    name: 'moveFacility',
    needs: 'editor',
    query: `mutation ($k: String!, $v: Int!, $l: PointInput!) { moveFacility(key: $k, version: $v, location: $l) { ${CHANGE} } }`,
    variables: async () => {
      const f = await someFacility('wochenmarkt');
      return { k: f.key, v: f.version, l: { longitude: 7.46 + ++counter / 10000, latitude: 51.51 } };
    },
  },
  {
    name: 'retireFacility',
    needs: 'editor',
    query: `mutation ($k: String!, $v: Int!) { retireFacility(key: $k, version: $v, reason: "closed for good") { ${CHANGE} } }`,
    variables: async () => {
      const f = await someFacility('seniorenbuero');
      return { k: f.key, v: f.version };
    },
  },
  {
    name: 'confirmFacility',
    needs: 'editor',
    query: `mutation ($k: String!, $v: Int!) { confirmFacility(key: $k, version: $v) { ${CHANGE} } }`,
    variables: async () => {
      const f = await someFacility('grundschule');
      return { k: f.key, v: f.version };
    },
  },
  {
    name: 'reportFacilityProblem',
    needs: 'anyone',
    query: 'mutation ($k: String!) { reportFacilityProblem(key: $k, message: "The entrance moved round the corner") { id status } }',
    variables: async () => ({ k: (await someFacility('kita')).key }),
  },
  {
    name: 'proposeFacility',
    needs: 'anyone',
    query: 'mutation ($f: FacilityFields!, $l: PointInput!) { proposeFacility(fields: $f, location: $l, message: "A family centre opened here") { id status } }',
    variables: async () => ({ f: { name: 'Familienzentrum Vorschlag', category: 'familienzentrum' }, l: INSIDE }),
  },
  {
    name: 'acceptReport',
    needs: 'reviewer',
    query: 'mutation ($id: Int!) { acceptReport(id: $id) { id status } }',
    variables: async () => ({ id: await openReport('problem') }),
  },
  {
    name: 'rejectReport',
    needs: 'reviewer',
    query: 'mutation ($id: Int!) { rejectReport(id: $id, note: "not reproducible") { id status } }',
    variables: async () => ({ id: await openReport('proposal') }),
  },
  {
    name: 'resolveFacilityConflict',
    needs: 'reviewer',
    query: 'mutation ($id: Int!) { resolveFacilityConflict(id: $id, resolution: KEEP_EDIT) { id status } }',
    variables: async () => ({ id: await openConflict() }),
  },
  {
    name: 'importFacilitiesCsv',
    needs: 'editor',
    query: 'mutation ($csv: String!) { importFacilitiesCsv(csv: $csv, source: { name: "Matrix", licence: "CC BY 4.0", attribution: "Test" }) { written created updated } }',
    variables: async () => ({ csv: `id,name,category,longitude,latitude\nm${++counter},Frühe Hilfen Matrix ${counter},fruehe_hilfen,${INSIDE.longitude},${INSIDE.latitude}\n` }),
  },
  {
    name: 'createAccount',
    needs: 'admin',
    query: 'mutation ($l: String!) { createAccount(login: $l, displayName: "New Person", role: EDITOR, password: "another long password") { login role } }',
    variables: async () => ({ l: `person${++counter}` }),
  },
  {
    name: 'createApiToken',
    needs: 'admin',
    query: 'mutation { createApiToken(name: "integration", role: EDITOR) { token apiToken { id role } } }',
    variables: async () => ({}),
  },
  {
    name: 'revokeApiToken',
    needs: 'admin',
    query: 'mutation ($id: Int!) { revokeApiToken(id: $id) { id revokedAt } }',
    variables: async () => ({ id: (await createApiToken(db.knex, { name: `to revoke ${++counter}`, role: 'editor', createdBy: 'test', expiresAt: null })).row.id }),
  },
];

const RANK: Record<string, number> = { anonymous: 0, editor: 1, reviewer: 2, admin: 3 };
const NEEDED: Record<Needed, number> = { anyone: 0, editor: 1, reviewer: 2, admin: 3 };

describe('the authorisation matrix', () => {
  const cases = mutations.flatMap((m) => ['anonymous', 'editor', 'reviewer', 'admin', 'expired', 'forged', 'wrongAudience', 'revoked'].map((caller) => [m.name, caller] as const));

  it.each(cases)('%s as %s', async (name, caller) => {
    const mutation = mutations.find((m) => m.name === name)!;
    const before = await auditCount();
    const { status, body } = await post(mutation.query, await mutation.variables(), callers[caller]);
    const badToken = !(caller in RANK);
    const allowed = !badToken && RANK[caller] >= NEEDED[mutation.needs];
    if (allowed) {
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      // Exactly one audit record per write (a CSV import: one per record it wrote, here one).
      expect(await auditCount()).toBe(before + 1);
    } else {
      const expected = badToken || caller === 'anonymous' ? ['UNAUTHENTICATED', 401] : ['FORBIDDEN', 403];
      expect(body.errors?.[0].extensions.code).toBe(expected[0]);
      expect(status).toBe(expected[1]);
      expect(body.data ?? null).toBeNull();
      expect(await auditCount()).toBe(before);
    }
  }, 60_000);

  it('names who acted in the audit trail: the login, oidc:<subject>, token:<name>', async () => {
    const actors = (await rows(`select distinct actor from audit_log where action like 'facility.%' or action like 'report.%'`)).map((r: { actor: string }) => r.actor);
    expect(actors).toEqual(expect.arrayContaining(['editor', 'oidc:u-42', 'token:review-bot', 'anonymous']));
  });

  it('refuses the session cookie on a request from another site (CSRF)', async () => {
    const f = await someFacility('grundschule', 1);
    const query = 'mutation ($k: String!, $v: Int!) { confirmFacility(key: $k, version: $v) { facility { version } } }';
    const crossSite = await post(query, { k: f.key, v: f.version }, { ...callers.editor, origin: 'https://evil.example' });
    expect(crossSite.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const form = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', ...callers.editor }, body: JSON.stringify({ query, variables: { k: f.key, v: f.version } }) });
    expect(form.status).toBe(400);
    expect(await currentVersion(f.key)).toBe(f.version);
    const sameSite = await post(query, { k: f.key, v: f.version }, { ...callers.editor, origin: server.url });
    expect(sameSite.body.data.confirmFacility.facility.version).toBe(f.version + 1);
  });
});

describe('editing a facility', () => {
  it('adds a Familienzentrum with contact and offers: audited, shown in the partner search at once', async () => {
    const fields = {
      name: 'Familienzentrum Am Westrich',
      category: 'familienzentrum',
      operator: 'AWO',
      phone: '0231 123456',
      email: 'fz-westrich@example.org',
      website: 'https://example.org/fz',
      openingHours: 'Mo-Fr 7-16 Uhr',
      languages: ['de', 'tr', 'ar'],
      offers: ['sprachfoerderung', 'familiencafe'],
      street: 'Westricher Straße',
      houseNumber: '1',
    };
    const { createFacility: created } = await data(`mutation ($f: FacilityFields!, $l: PointInput!) { createFacility(fields: $f, location: $l, reason: "neu eröffnet") { ${CHANGE} } }`, { f: fields, l: INSIDE }, callers.editor);
    expect(created.facility).toMatchObject({ name: fields.name, origin: 'MANUAL', version: 1, languages: ['de', 'tr', 'ar'], contact: { phone: '0231 123456' } });
    expect(created.facility.offers).toEqual(['sprachfoerderung', 'familiencafe']);
    expect(created.facility.lastVerified.by).toBe('editor');
    expect(created.audit).toMatchObject({ action: 'facility.create', actor: 'editor', before: null, reason: 'neu eröffnet' });
    expect(created.audit.after).toMatchObject({ name: fields.name, offers: fields.offers });
    expect(created.reachRecomputed).toEqual(['familienzentrum']);

    const near = await data(
      `query ($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 300, categories: ["familienzentrum"], offers: ["sprachfoerderung"], languages: ["tr"]) { items { facility { key name } distanceMetres } geojson } }`,
      { p: INSIDE },
      {},
    );
    expect(near.facilitiesNear.items[0]).toEqual({ facility: { key: created.facility.key, name: fields.name }, distanceMetres: 0 });
    expect(near.facilitiesNear.geojson.features[0].properties).toMatchObject({ phone: '0231 123456', offers: fields.offers, languages: fields.languages });
    const none = await data(`query ($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 300, categories: ["familienzentrum"], offers: ["ganztag"]) { items { facility { key } } } }`, { p: INSIDE }, {});
    expect(none.facilitiesNear.items.map((i: { facility: { key: string } }) => i.facility.key)).not.toContain(created.facility.key);
  });

  it('answers a stale edit with VERSION_CONFLICT showing both versions, and keeps the first edit', async () => {
    const f = await someFacility('kita', 5);
    const query = 'mutation ($k: String!, $v: Int!, $f: FacilityFields!) { updateFacility(key: $k, version: $v, fields: $f) { facility { version openingHours } } }';
    const first = await data(query, { k: f.key, v: f.version, f: { openingHours: 'Mo-Fr 7-17' } }, callers.editor);
    expect(first.updateFacility.facility).toEqual({ version: f.version + 1, openingHours: 'Mo-Fr 7-17' });
    const before = await auditCount();
    const second = await post(query, { k: f.key, v: f.version, f: { openingHours: 'Mo-Do 8-16' } }, callers.editor2);
    expect(second.status).toBe(409);
    expect(second.body.errors![0].extensions).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: f.version + 1,
      current: { openingHours: 'Mo-Fr 7-17' },
      yours: { values: { opening_hours: 'Mo-Do 8-16' } },
    });
    expect((await rows('select opening_hours from facility_record where key = ?', [f.key]))[0].opening_hours).toBe('Mo-Fr 7-17');
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['a point outside the city', 'createFacility', { f: { name: 'Kita Bochum', category: 'kita' }, l: OUTSIDE }, OUTSIDE_CITY],
    ['an unknown category', 'createFacility', { f: { name: 'Kita X', category: 'kindergarten' }, l: INSIDE }, 'unknown category "kindergarten"'],
    ['a negative capacity', 'createFacility', { f: { name: 'Kita X', category: 'kita', capacity: -3 }, l: INSIDE }, 'capacity must be a whole number of places from 0 to 3000'],
    ['an absurd capacity', 'createFacility', { f: { name: 'Kita X', category: 'kita', capacity: 90000 }, l: INSIDE }, 'capacity must be'],
    ['a bad e-mail address', 'createFacility', { f: { name: 'Kita X', category: 'kita', email: 'kita at example' }, l: INSIDE }, 'email is not an e-mail address'],
    ['a website that is not http(s)', 'createFacility', { f: { name: 'Kita X', category: 'kita', website: 'javascript:alert(1)' }, l: INSIDE }, 'website must be an http(s) address'],
    ['an unknown offer', 'createFacility', { f: { name: 'Kita X', category: 'kita', offers: ['free beer'] }, l: INSIDE }, 'unknown offer "free beer"'],
    ['a one-letter name', 'createFacility', { f: { name: 'K', category: 'kita' }, l: INSIDE }, 'name must be 2 to 200 characters'],
    ['a latitude out of range', 'createFacility', { f: { name: 'Kita X', category: 'kita' }, l: { longitude: 7.4, latitude: 123 } }, 'latitude must be from -90 to 90'],
  ])('refuses %s with a message saying what is wrong, writing nothing', async (_, mutation, variables, message) => {
    const before = await auditCount();
    const query = `mutation ($f: FacilityFields!, $l: PointInput!) { ${mutation}(fields: $f, location: $l) { facility { key } } }`;
    const { body } = await post(query, variables, callers.editor);
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toContain(message);
    expect(await auditCount()).toBe(before);
  });

  it('retires with a reason and a date, never in the future; a retired facility leaves the lists but keeps its history', async () => {
    const f = await someFacility('jugendfreizeitstaette', 2);
    const retire = 'mutation ($k: String!, $v: Int!, $on: String) { retireFacility(key: $k, version: $v, reason: "Träger hat geschlossen", on: $on) { facility { retired { on reason by } } } }';
    const future = await post(retire, { k: f.key, v: f.version, on: '2099-01-01' }, callers.editor);
    expect(future.body.errors![0].message).toContain('lies in the future');
    const done = await data(retire, { k: f.key, v: f.version, on: '2026-10-31' }, callers.editor);
    expect(done.retireFacility.facility.retired).toEqual({ on: '2026-10-31', reason: 'Träger hat geschlossen', by: 'editor' });
    const listed = await data('query ($s: String!) { facilities(filter: { search: $s, categories: ["jugendfreizeitstaette"] }) { nodes { key } } }', { s: (await rows('select name from facility_record where key = ?', [f.key]))[0].name }, {});
    expect(listed.facilities.nodes.map((n: { key: string }) => n.key)).not.toContain(f.key);
    const history = await data('query ($k: String!) { facility(key: $k) { retired { on } history { action actor before after } } }', { k: f.key }, {});
    expect(history.facility.retired.on).toBe('2026-10-31');
    expect(history.facility.history[0]).toMatchObject({ action: 'facility.retire', actor: 'editor', before: { retiredOn: null }, after: { retiredOn: '2026-10-31' } });
    const again = await post('mutation ($k: String!, $v: Int!) { confirmFacility(key: $k, version: $v) { facility { key } } }', { k: f.key, v: f.version + 1 }, callers.editor);
    expect(again.body.errors![0].message).toContain('was retired');
  });

  it('confirms an entry without changing it: zuletzt geprüft and by whom', async () => {
    const f = await someFacility('bibliothek', 2);
    const { confirmFacility } = await data(`mutation ($k: String!, $v: Int!) { confirmFacility(key: $k, version: $v) { ${CHANGE} } }`, { k: f.key, v: f.version }, callers.admin);
    expect(confirmFacility.facility.lastVerified.by).toBe('oidc:u-42');
    expect(Date.now() - Date.parse(confirmFacility.facility.lastVerified.at)).toBeLessThan(60_000);
    const { before, after } = confirmFacility.audit;
    expect({ ...after, version: 0, verifiedAt: null, verifiedBy: null }).toEqual({ ...before, version: 0, verifiedAt: null, verifiedBy: null });
    expect(confirmFacility.reachRecomputed).toEqual([]);
  });
});

describe('the reach after an edit', () => {
  it('a new Kita in a gap shortens distances around it and nowhere else; other categories stay as they were', async () => {
    const gaps = await data('{ gaps(target: { category: "kita" }, ageBand: AGE_0_5, limit: 1) { hotspots { geometry children { value } } } }', {}, {});
    const [spot] = await rows('select ST_X(p) as longitude, ST_Y(p) as latitude from (select ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) as p) s', [JSON.stringify(gaps.gaps.hotspots[0].geometry)]);
    const reach = async (category: string) => new Map<number, number>((await rows('select cell_id, distance_m from cell_reach where category = ?', [category])).map((r: { cell_id: number; distance_m: number }) => [r.cell_id, r.distance_m]));
    const kitaBefore = await reach('kita');
    const schoolsBefore = await rows(`select count(*)::int as n, round(sum(distance_m)::numeric, 3)::float8 as total from cell_reach where category = 'grundschule'`);
    const coverageQuery = '{ coverage(level: STADTBEZIRK, target: { category: "kita" }, ageBand: AGE_0_5) { areas { area { code } childrenWithin { value } } } }';
    const coverageBefore = await data(coverageQuery, {}, {});

    const { createFacility: created } = await data(
      `mutation ($f: FacilityFields!, $l: PointInput!) { createFacility(fields: $f, location: $l) { facility { key areas { level code } } reachRecomputed } }`,
      { f: { name: 'Kita Neubau', category: 'kita', capacity: 75 }, l: { longitude: spot.longitude, latitude: spot.latitude } },
      callers.editor,
    );
    expect(created.reachRecomputed).toEqual(['kita']);
    const [newKita] = await rows('select id, ST_X(geom) as x, ST_Y(geom) as y from facility where key = ?', [created.facility.key]);
    const kitaAfter = await reach('kita');
    expect(kitaAfter.size).toBe(kitaBefore.size);
    const changed = [...kitaAfter].filter(([cell, d]) => d !== kitaBefore.get(cell));
    expect(changed.length).toBeGreaterThan(0);
    for (const [cell, distance] of changed) expect(distance).toBeLessThan(kitaBefore.get(cell)!);
    const changedIds = changed.map(([cell]) => cell);
    const owners = await rows('select count(*)::int as n from cell_reach where category = ? and cell_id = any(?::int[]) and facility_id = ?', ['kita', changedIds, newKita.id]);
    expect(owners[0].n).toBe(changed.length);
    expect(await rows(`select count(*)::int as n, round(sum(distance_m)::numeric, 3)::float8 as total from cell_reach where category = 'grundschule'`)).toEqual(schoolsBefore);
    // Extending the reach gives what a full rebuild of the category gives.
    const { refreshReach } = await import('../geodata/import/refreshReach.ts');
    await refreshReach(db.knex, ['kita'], { replaceAll: false });
    const rebuilt = await reach('kita');
    expect(rebuilt.size).toBe(kitaAfter.size);
    for (const [cell, distance] of rebuilt) expect(kitaAfter.get(cell)).toBeCloseTo(distance, 6);

    // Coverage is recounted: more children within reach in the Stadtbezirk of the new Kita, the same elsewhere.
    const coverageAfter = await data(coverageQuery, {}, {});
    const within = (c: any) => new Map(c.coverage.areas.map((a: any) => [a.area.code, a.childrenWithin.value]));
    const [b, a] = [within(coverageBefore), within(coverageAfter)];
    const bezirk = created.facility.areas.find((x: { level: string }) => x.level === 'STADTBEZIRK').code;
    expect(a.get(bezirk)).toBeGreaterThan(b.get(bezirk) as number);
    for (const [code, value] of b) if (code !== bezirk) expect(a.get(code)).toBe(value);
  }, 120_000);
});

describe('corrections from the field', () => {
  it('a youth worker reports a wrong address, a reviewer accepts it: applied, audited with the reporter\'s text, visible at once', async () => {
    const f = await someFacility('jugendfreizeitstaette', 4);
    const report = await data(
      'mutation ($k: String!, $p: FacilityFields) { reportFacilityProblem(key: $k, message: "Die Hausnummer ist falsch, es ist die 12a", contact: "jw@example.org", proposed: $p) { id status kind proposed contact } }',
      { k: f.key, p: { houseNumber: '12a' } },
      {},
    );
    expect(report.reportFacilityProblem).toMatchObject({ status: 'OPEN', kind: 'PROBLEM', proposed: { houseNumber: '12a' }, contact: null });
    const queue = await data('{ reports { id message contact facility { key } } }', {}, callers.reviewer);
    expect(queue.reports).toContainEqual({ id: report.reportFacilityProblem.id, message: 'Die Hausnummer ist falsch, es ist die 12a', contact: 'jw@example.org', facility: { key: f.key } });
    const forbidden = await post('{ reports { id } }', {}, callers.editor);
    expect(forbidden.body.errors![0].extensions.code).toBe('FORBIDDEN');

    const accepted = await data('mutation ($id: Int!) { acceptReport(id: $id, note: "geprüft am Telefon") { status reviewedBy facility { address { houseNumber } version } } }', { id: report.reportFacilityProblem.id }, callers.reviewer);
    expect(accepted.acceptReport).toMatchObject({ status: 'ACCEPTED', reviewedBy: 'token:review-bot', facility: { address: { houseNumber: '12a' }, version: f.version + 1 } });
    const [record] = await rows(`select action, actor, reason, before->>'houseNumber' as before, after->>'houseNumber' as after from audit_log where entity = 'facility' and entity_key = ? order by id desc limit 1`, [f.key]);
    expect(record).toEqual({ action: 'report.accept', actor: 'token:review-bot', reason: `Meldung #${report.reportFacilityProblem.id}: Die Hausnummer ist falsch, es ist die 12a (Prüfung: geprüft am Telefon)`, before: expect.anything(), after: '12a' });
    const search = await data('query ($k: String!) { facilitiesNear(near: { facilityKey: $k }, radius: 1, limit: 1) { origin { longitude } } facility(key: $k) { address { houseNumber } } }', { k: f.key }, {});
    expect(search.facility.address.houseNumber).toBe('12a');
    const twice = await post('mutation ($id: Int!) { acceptReport(id: $id) { id } }', { id: report.reportFacilityProblem.id }, callers.reviewer);
    expect(twice.body.errors![0].message).toContain('already accepted');
  });

  it('a proposed Familienzentrum becomes a facility when accepted; a rejection keeps the reason', async () => {
    const proposal = await data('mutation ($f: FacilityFields!, $l: PointInput!) { proposeFacility(fields: $f, location: $l, message: "Neues Familienzentrum seit Oktober") { id } }', { f: { name: 'Familienzentrum Bövinghausen', category: 'familienzentrum', offers: ['elternberatung'] }, l: INSIDE }, {});
    const accepted = await data('mutation ($id: Int!) { acceptReport(id: $id) { status facility { name origin offers category { key } } } }', { id: proposal.proposeFacility.id }, callers.reviewer);
    expect(accepted.acceptReport).toEqual({ status: 'ACCEPTED', facility: { name: 'Familienzentrum Bövinghausen', origin: 'MANUAL', offers: ['elternberatung'], category: { key: 'familienzentrum' } } });
    const other = await data('mutation ($f: FacilityFields!, $l: PointInput!) { proposeFacility(fields: $f, location: $l, message: "Gibt es hier eine Beratung?") { id } }', { f: { name: 'Beratung?', category: 'erziehungsberatung' }, l: INSIDE }, {});
    const rejected = await data('mutation ($id: Int!) { rejectReport(id: $id, note: "Keine Beratungsstelle an dieser Adresse") { status reviewNote } }', { id: other.proposeFacility.id }, callers.reviewer);
    expect(rejected.rejectReport).toEqual({ status: 'REJECTED', reviewNote: 'Keine Beratungsstelle an dieser Adresse' });
  });

  it('limits anonymous reports per address, with a clear answer', async () => {
    const own = await startHttpServer(db.knex);
    try {
      const k = (await someFacility('spielplatz', 7)).key;
      const report = () =>
        fetch(`${own.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation ($k: String!) { reportFacilityProblem(key: $k, message: "Das Klettergerüst ist kaputt") { id } }', variables: { k } }) });
      for (let i = 0; i < 5; i++) expect((await report()).status).toBe(200);
      const sixth = await report();
      expect(sixth.status).toBe(429);
      expect(((await sixth.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringContaining('at most 5 an hour') });
    } finally {
      await own.stop();
    }
  });

  it('refuses an empty or oversized report text', async () => {
    const k = (await someFacility('spielplatz', 8)).key;
    const short = await post('mutation ($k: String!) { reportFacilityProblem(key: $k, message: "  x ") { id } }', { k }, callers.editor);
    expect(short.body.errors![0].message).toContain('message must be 5 to 2000 characters');
    const long = await post('mutation ($k: String!, $m: String!) { reportFacilityProblem(key: $k, message: $m) { id } }', { k, m: 'x'.repeat(2001) }, callers.editor);
    expect(long.body.errors![0].message).toContain('message must be 5 to 2000 characters');
  });
});

describe('CSV supplements', () => {
  const IMPORT = 'mutation ($csv: String!, $dry: Boolean) { importFacilitiesCsv(csv: $csv, source: { name: "Familienzentren NRW 2026", licence: "dl-de/by-2-0", attribution: "Familienzentren NRW" }, dryRun: $dry) { written created updated unchanged errors lines { line status key message } reachRecomputed } }';
  const supplementCount = async () => (await rows(`select count(*)::int as n from facility_record where origin = 'supplement' and source_file = 'Familienzentren NRW 2026'`))[0].n as number;

  it('reports every bad line by number and writes nothing', async () => {
    const [known] = await rows(`select street, house_number from facility_record where street is not null and house_number is not null and origin = 'import' limit 1`);
    const csv = [
      'id;name;category;street;house_number;longitude;latitude;offers',
      `fz1;Familienzentrum Gut;familienzentrum;;;${INSIDE.longitude};${INSIDE.latitude};sprachfoerderung`,
      'fz2;Familienzentrum Falsch;kindergarten;;;7.45;51.51;',
      'fz3;Familienzentrum Bochum;familienzentrum;;;7.2;51.48;',
      'fz4;Familienzentrum Ohne Ort;familienzentrum;Nirgendwostraße;99;;;',
      'fz1;Familienzentrum Doppelt;familienzentrum;;;7.45;51.51;',
      'fz6;Familienzentrum Bier;familienzentrum;;;7.45;51.51;freibier',
      `fz7;Familienzentrum an bekannter Adresse;familienzentrum;${known.street};${known.house_number};;;`,
    ].join('\n');
    const before = await auditCount();
    const { importFacilitiesCsv: report } = await data(IMPORT, { csv }, callers.editor);
    expect(report).toMatchObject({ written: false, errors: 5 });
    expect(report.lines.map((l: { line: number; status: string }) => [l.line, l.status])).toEqual([
      [2, 'CREATED'], [3, 'ERROR'], [4, 'ERROR'], [5, 'ERROR'], [6, 'ERROR'], [7, 'ERROR'], [8, 'CREATED'],
    ]);
    const messages = Object.fromEntries(report.lines.filter((l: any) => l.message).map((l: any) => [l.line, l.message]));
    expect(messages[3]).toContain('unknown category "kindergarten"');
    expect(messages[4]).toContain(OUTSIDE_CITY);
    expect(messages[5]).toContain('not known to the atlas');
    expect(messages[6]).toContain('the same record as line 2');
    expect(messages[7]).toContain('unknown offer "freibier"');
    expect(await supplementCount()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a file that is not CSV or lacks columns, saying so', async () => {
    const broken = await post(IMPORT, { csv: 'name,category\n"Familienzentrum,familienzentrum\n' }, callers.editor);
    expect(broken.body.errors![0].message).toContain('cannot be read as CSV');
    const columns = await post(IMPORT, { csv: 'title,kind\nA,B\n' }, callers.editor);
    expect(columns.body.errors![0].message).toContain('lacks the column(s) name, category');
  });

  it('writes a clean file with its source; the same file again changes nothing; a changed line updates its record', async () => {
    const csv = (hours: string) =>
      `id,name,category,longitude,latitude,opening_hours,languages,offers\nfz-a,Familienzentrum Alpha,familienzentrum,${INSIDE.longitude},${INSIDE.latitude},${hours},de;tr,sprachfoerderung;familiencafe\nfz-b,Frühe Hilfen Beta,fruehe_hilfen,7.4513,51.5263,,,fruehe_hilfen\n`;
    const dry = await data(IMPORT, { csv: csv('Mo-Fr 8-16'), dry: true }, callers.editor);
    expect(dry.importFacilitiesCsv).toMatchObject({ written: false, created: 2, errors: 0 });
    expect(await supplementCount()).toBe(0);
    const before = await auditCount();
    const first = await data(IMPORT, { csv: csv('Mo-Fr 8-16') }, callers.editor);
    expect(first.importFacilitiesCsv).toMatchObject({ written: true, created: 2, errors: 0 });
    expect(first.importFacilitiesCsv.reachRecomputed.sort()).toEqual(['familienzentrum', 'fruehe_hilfen']);
    expect(await auditCount()).toBe(before + 2);
    const [record] = await rows(`select key, licence, attribution, source_dataset, origin, languages, offers from facility_record where key = 'supplement:familienzentren-nrw-2026:fz-a'`);
    expect(record).toEqual({ key: 'supplement:familienzentren-nrw-2026:fz-a', licence: 'dl-de/by-2-0', attribution: 'Familienzentren NRW', source_dataset: 'supplement:familienzentren-nrw-2026', origin: 'supplement', languages: ['de', 'tr'], offers: ['sprachfoerderung', 'familiencafe'] });
    const again = await data(IMPORT, { csv: csv('Mo-Fr 8-16') }, callers.editor);
    expect(again.importFacilitiesCsv).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 2 });
    const changed = await data(IMPORT, { csv: csv('Mo-Do 8-18') }, callers.editor);
    expect(changed.importFacilitiesCsv).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await supplementCount()).toBe(2);
  });
});

describe('a re-import of the city\'s data', () => {
  it('updates its own records, never overwrites a manual edit silently, and lists the conflict for a reviewer', async () => {
    const { upsertFacilities, retireFacilitiesNotIn } = await import('../geodata/import/facilityImportStore.ts');
    const records = (await rows(`
      select key, name, category, subtype, operator, street, house_number, city, ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat,
             city_codes, source_dataset, source_file, source_sha256, source_id, licence, attribution, properties
        from facility where category = 'schwimmbad' and origin = 'import' order by id limit 3`)) as any[];
    const [edited, untouched] = records;
    // Read back from the database, the coordinates went through one transformation: settle them once.
    await upsertFacilities(db.knex, records);
    expect((await upsertFacilities(db.knex, records)).changed).toBe(0);
    const { updateFacility } = await data('mutation ($k: String!, $v: Int!) { updateFacility(key: $k, version: $v, fields: { name: "Hallenbad (von Hand korrigiert)" }) { facility { version } } }', { k: edited.key, v: await currentVersion(edited.key) }, callers.editor);
    // The same source again: the edit stands, no conflict.
    expect(await upsertFacilities(db.knex, records)).toEqual({ changed: 0, conflicts: 0 });
    // The source changes both records: the untouched one follows, the edited one is listed.
    const changed = records.map((r) => ({ ...r, name: `${r.name} (neu)` }));
    expect(await upsertFacilities(db.knex, changed)).toEqual({ changed: 2, conflicts: 1 });
    const names = Object.fromEntries((await rows('select key, name, version from facility_record where key = any(?::text[])', [[edited.key, untouched.key]])).map((r: any) => [r.key, r]));
    expect(names[edited.key]).toMatchObject({ name: 'Hallenbad (von Hand korrigiert)', version: updateFacility.facility.version });
    expect(names[untouched.key].name).toBe(`${untouched.name} (neu)`);
    const { facilityConflicts } = await data('{ facilityConflicts { id facilityKey incoming current status } }', {}, callers.reviewer);
    const conflict = facilityConflicts.find((c: { facilityKey: string }) => c.facilityKey === edited.key);
    expect(conflict).toMatchObject({ status: 'OPEN', incoming: { name: `${edited.name} (neu)` }, current: { name: 'Hallenbad (von Hand korrigiert)' } });
    // A record the source no longer has is retired, not deleted; an edited one is listed instead.
    const stale = await retireFacilitiesNotIn(db.knex, (await rows(`select key from facility_record where origin = 'import' and key <> all(?::text[])`, [[edited.key, records[2].key]])).map((r: any) => r.key));
    expect(stale).toEqual({ retired: 1, conflicts: 0 });
    expect((await rows('select retired_by from facility_record where key = ?', [records[2].key]))[0].retired_by).toBe('import');
    // The reviewer takes the source's values: the record follows the import again.
    const resolved = await data('mutation ($id: Int!) { resolveFacilityConflict(id: $id, resolution: APPLY_SOURCE) { status resolvedBy facility { name } } }', { id: conflict.id }, callers.reviewer);
    expect(resolved.resolveFacilityConflict).toEqual({ status: 'SOURCE_APPLIED', resolvedBy: 'token:review-bot', facility: { name: `${edited.name} (neu)` } });
    // The next import owns it again, and brings back the record it had retired.
    expect((await upsertFacilities(db.knex, changed)).conflicts).toBe(0);
    const after = await rows('select key, name, retired_on from facility_record where key = any(?::text[]) order by key', [[edited.key, records[2].key]]);
    expect(after.map((r: any) => [r.name, r.retired_on])).toEqual(expect.arrayContaining([[`${edited.name} (neu)`, null], [`${records[2].name} (neu)`, null]]));
  });
});
