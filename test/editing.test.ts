// Living data over real HTTP on the real data: the audit trail, optimistic concurrency,
// validation, corrections from the field with review, the reach recomputed after an edit, CSV
// supplements. Who may write what, and re-imports over edited records: authorisation.test.ts.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from './harness/httpServer.ts';
import { CHANGE, INSIDE, OUTSIDE, useEditingSuite } from './harness/editingSuite.ts';
import { OUTSIDE_CITY } from '../domain/city.ts';

const e = useEditingSuite();
const { callers, post, data, rows, auditCount, someFacility } = e;

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
    await refreshReach(e.suite.db.knex, ['kita'], { replaceAll: false });
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
    const own = await startHttpServer(e.suite.db.knex);
    // The limit is counted in the database: an hour without earlier reports from this address.
    await e.suite.db.knex.raw('delete from report_hit');
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
