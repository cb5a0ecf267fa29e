// Who may write what, over real HTTP on the real data: every mutation called by every kind of
// caller (anonymous, editor, reviewer, admin, and expired, forged, wrong-audience and revoked
// tokens); allowed writes leave exactly one audit record, refused ones none. CSRF. And the
// reviewer's side of a re-import: a record an editor changed is never overwritten silently.
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../api/src/modules/accounts/bearer.ts';
import { CHANGE, INSIDE, useEditingSuite } from './harness/editingSuite.ts';

const e = useEditingSuite();
const { callers, post, data, rows, auditCount, someFacility, currentVersion, openReport, openConflict } = e;

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
    variables: async () => ({ id: (await createApiToken(e.suite.db.knex, { name: `to revoke ${++counter}`, role: 'editor', createdBy: 'test', expiresAt: null })).row.id }),
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
    const form = await fetch(`${e.suite.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', ...callers.editor }, body: JSON.stringify({ query, variables: { k: f.key, v: f.version } }) });
    expect(form.status).toBe(400);
    expect(await currentVersion(f.key)).toBe(f.version);
    const sameSite = await post(query, { k: f.key, v: f.version }, { ...callers.editor, origin: e.suite.server.url });
    expect(sameSite.body.data.confirmFacility.facility.version).toBe(f.version + 1);
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
    await upsertFacilities(e.suite.db.knex, records);
    expect((await upsertFacilities(e.suite.db.knex, records)).changed).toBe(0);
    const { updateFacility } = await data('mutation ($k: String!, $v: Int!) { updateFacility(key: $k, version: $v, fields: { name: "Hallenbad (von Hand korrigiert)" }) { facility { version } } }', { k: edited.key, v: await currentVersion(edited.key) }, callers.editor);
    // The same source again: the edit stands, no conflict.
    expect(await upsertFacilities(e.suite.db.knex, records)).toEqual({ changed: 0, conflicts: 0 });
    // The source changes both records: the untouched one follows, the edited one is listed.
    const changed = records.map((r) => ({ ...r, name: `${r.name} (neu)` }));
    expect(await upsertFacilities(e.suite.db.knex, changed)).toEqual({ changed: 2, conflicts: 1 });
    const names = Object.fromEntries((await rows('select key, name, version from facility_record where key = any(?::text[])', [[edited.key, untouched.key]])).map((r: any) => [r.key, r]));
    expect(names[edited.key]).toMatchObject({ name: 'Hallenbad (von Hand korrigiert)', version: updateFacility.facility.version });
    expect(names[untouched.key].name).toBe(`${untouched.name} (neu)`);
    const { facilityConflicts } = await data('{ facilityConflicts { id facilityKey incoming current status } }', {}, callers.reviewer);
    const conflict = facilityConflicts.find((c: { facilityKey: string }) => c.facilityKey === edited.key);
    expect(conflict).toMatchObject({ status: 'OPEN', incoming: { name: `${edited.name} (neu)` }, current: { name: 'Hallenbad (von Hand korrigiert)' } });
    // A record the source no longer has is retired, not deleted; an edited one is listed instead.
    const stale = await retireFacilitiesNotIn(e.suite.db.knex, (await rows(`select key from facility_record where origin = 'import' and key <> all(?::text[])`, [[edited.key, records[2].key]])).map((r: any) => r.key));
    expect(stale).toEqual({ retired: 1, conflicts: 0 });
    expect((await rows('select retired_by from facility_record where key = ?', [records[2].key]))[0].retired_by).toBe('import');
    // The reviewer takes the source's values: the record follows the import again.
    const resolved = await data('mutation ($id: Int!) { resolveFacilityConflict(id: $id, resolution: APPLY_SOURCE) { status resolvedBy facility { name } } }', { id: conflict.id }, callers.reviewer);
    expect(resolved.resolveFacilityConflict).toEqual({ status: 'SOURCE_APPLIED', resolvedBy: 'token:review-bot', facility: { name: `${edited.name} (neu)` } });
    // The next import owns it again, and brings back the record it had retired.
    expect((await upsertFacilities(e.suite.db.knex, changed)).conflicts).toBe(0);
    const after = await rows('select key, name, retired_on from facility_record where key = any(?::text[]) order by key', [[edited.key, records[2].key]]);
    expect(after.map((r: any) => [r.name, r.retired_on])).toEqual(expect.arrayContaining([[`${edited.name} (neu)`, null], [`${records[2].name} (neu)`, null]]));
  });
});
