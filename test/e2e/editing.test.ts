// Data care in the browser: an editor signs in and adds a Familienzentrum by a click on the map,
// a youth worker reports a wrong address, a reviewer accepts it; each change shows at once.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accountStore from '../../api/src/modules/accounts/accountStore.ts';
import { hashPassword } from '../../api/src/modules/accounts/passwords.ts';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { clickMapAt, waitForIdle } from '../harness/mapPage.ts';

const suite = useBrowserSuite();
const PASSWORD = 'a long enough password';
// Bövinghausen, inside the city.
const PLACE = { longitude: 7.3212, latitude: 51.5163 };

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await accountStore.createAccount(suite.db.knex, { login: 'eda', displayName: 'Eda Editor', role: 'editor', passwordHash });
  await accountStore.createAccount(suite.db.knex, { login: 'rita', displayName: 'Rita Reviewer', role: 'reviewer', passwordHash });
});

afterAll(() => {
  expect(suite.problems).toEqual([]);
});

async function signIn(page: Awaited<ReturnType<typeof suite.open>>, login: string) {
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 15_000 });
  await form.locator('input[name="login"]').fill(login);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('session').waitFor({ timeout: 15_000 });
}

describe('data care', () => {
  it('an editor signs in, places a Familienzentrum on the map, and the partner search finds it at once', async () => {
    const page = await suite.open('?ansicht=redaktion');
    // A wrong password first: the dashboard says so in German, without telling whether the login exists.
    const login = page.getByTestId('login-form');
    await login.waitFor({ timeout: 15_000 });
    await login.locator('input[name="login"]').fill('eda');
    await login.locator('input[name="password"]').fill('not the password');
    await login.getByRole('button', { name: 'Anmelden' }).click();
    await expect(login.getByText(/^Anmeldename oder Passwort ist falsch/).waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
    // Chromium logs the refused request (401) itself; that one is expected.
    const refused = suite.problems.findIndex((p) => /status of 401/.test(p));
    if (refused >= 0) suite.problems.splice(refused, 1);
    await signIn(page, 'eda');
    await expect(page.getByTestId('session').innerText()).resolves.toContain('Eda Editor (Redaktion)');
    // Editors see no review queue.
    expect(await page.getByTestId('review-queue').count()).toBe(0);
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 15 }), [PLACE.longitude, PLACE.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, PLACE.longitude, PLACE.latitude);
    await expect(page.getByTestId('new-point').innerText()).resolves.toContain('Ort gesetzt');
    const form = page.getByTestId('facility-editor');
    await form.locator('input[name="name"]').fill('Familienzentrum Browsertest');
    await form.locator('select[name="category"]').selectOption('familienzentrum');
    await form.locator('input[name="phone"]').fill('0231 555123');
    await form.locator('input[name="offers"][value="sprachfoerderung"]').check();
    await form.locator('input[name="languages"][value="tr"]').check();
    await page.screenshot({ path: path.join(artifactsDir, 'data-care-new-facility.png') });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(form.getByRole('status').innerText({ timeout: 15_000 })).resolves.toContain('„Familienzentrum Browsertest“ ist eingetragen');

    await page.goto(`${suite.server.url}/?ansicht=partner&ort=${PLACE.longitude},${PLACE.latitude}&umkreis=500&arten=familienzentrum`);
    const results = page.getByTestId('partner-results');
    await results.waitFor({ timeout: 15_000 });
    await expect(results.innerText()).resolves.toContain('Familienzentrum Browsertest');
    // The gap map for family centres says that it counts only what editors entered.
    await page.goto(`${suite.server.url}/?ansicht=luecken&angebot=familienzentrum&alter=AGE_0_5`);
    await expect(page.getByTestId('editor-only-note').innerText({ timeout: 15_000 })).resolves.toContain('Gezählt werden nur die 1 von der Redaktion eingetragenen');
    const [row] = (await suite.db.knex.raw(`select actor, action from audit_log where entity = 'facility' and after->>'name' = 'Familienzentrum Browsertest'`)).rows;
    expect(row).toEqual({ actor: 'eda', action: 'facility.create' });
    await page.getByTestId('session').getByRole('button', { name: 'Abmelden' }).click();
    await page.getByTestId('session').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('a youth worker reports a wrong address on a facility; a reviewer corrects it from the queue', async () => {
    const { facilities } = await suite.api.data(`{ facilities(filter: { categories: ["jugendfreizeitstaette"], area: { level: AKTIONSRAUM, code: "123" } }, first: 1) {
      nodes { key name location { longitude latitude } } } }`);
    const [centre] = facilities.nodes;
    const page = await suite.open('?kategorien=jugendfreizeitstaette');
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 15 }), [centre.location.longitude, centre.location.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, centre.location.longitude, centre.location.latitude);
    const details = page.getByTestId('facility-details');
    await expect(details.locator('h2').innerText({ timeout: 10_000 })).resolves.toBe(centre.name);
    await expect(page.getByTestId('last-verified').innerText()).resolves.toContain('noch nie');
    await details.getByTestId('report-problem').click();
    const report = page.getByTestId('report-form');
    await report.locator('textarea[name="message"]').fill('Der Eingang ist jetzt Am Markt 7');
    await report.getByRole('button', { name: 'Senden' }).click();
    await expect(details.getByRole('status').innerText({ timeout: 15_000 })).resolves.toContain('Danke!');

    // Meanwhile a re-import found new values for a record an editor had changed.
    const [edited] = (await suite.db.knex.raw(`select key from facility where category = 'schwimmbad' order by id limit 1`)).rows;
    const [conflict] = (
      await suite.db.knex.raw(
        `insert into facility_conflict (facility_key, source_file, incoming, current) values (?, 'swimming_pools.geojson', '{"name": "Hallenbad Neu"}', '{"name": "Hallenbad (korrigiert)"}') returning id`,
        [edited.key],
      )
    ).rows;

    await page.goto(`${suite.server.url}/?ansicht=redaktion`);
    await page.waitForSelector('[data-map-ready="true"]');
    await signIn(page, 'rita');
    const conflicts = page.getByTestId('conflicts');
    await expect(conflicts.innerText({ timeout: 15_000 })).resolves.toContain('name: Hallenbad Neu');
    await conflicts.getByRole('button', { name: 'Änderung behalten' }).click();
    await conflicts.waitFor({ state: 'detached', timeout: 15_000 });
    const [settled] = (await suite.db.knex.raw('select status, resolved_by from facility_conflict where id = ?', [conflict.id])).rows;
    expect(settled).toEqual({ status: 'edit_kept', resolved_by: 'rita' });
    const queue = page.getByTestId('review-queue');
    const item = queue.getByTestId('report').filter({ hasText: 'Der Eingang ist jetzt Am Markt 7' });
    await item.waitFor({ timeout: 15_000 });
    await expect(item.innerText()).resolves.toContain(centre.name);
    await page.screenshot({ path: path.join(artifactsDir, 'data-care-review.png') });
    await item.locator('input').first().fill('Am Markt 7');
    await item.getByRole('button', { name: 'Übernehmen' }).click();
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('session').getByRole('button', { name: 'Abmelden' }).click();
    await page.getByTestId('session').waitFor({ state: 'detached', timeout: 15_000 });
    const after = await suite.api.data(`{ facility(key: "${centre.key}") { address { formatted } history(first: 1) { action actor reason } } }`);
    expect(after.facility.address.formatted).toMatch(/^Am Markt 7/);
    expect(after.facility.history[0]).toEqual({ action: 'report.accept', actor: 'reviewer', reason: expect.stringContaining('Der Eingang ist jetzt Am Markt 7') });
    await page.close();
  });

  it('anyone proposes a missing offer from the map; an editor changes a facility from its details, and the history shows it', async () => {
    const page = await suite.open('?ansicht=redaktion');
    const proposal = page.getByTestId('facility-editor');
    await proposal.waitFor({ timeout: 15_000 });
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 15 }), [PLACE.longitude, PLACE.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, PLACE.longitude + 0.002, PLACE.latitude);
    await proposal.locator('input[name="name"]').fill('Erziehungsberatung Vorschlag');
    await proposal.locator('select[name="category"]').selectOption('erziehungsberatung');
    await proposal.locator('textarea[name="message"]').fill('Seit Oktober gibt es hier eine Beratungsstelle');
    await proposal.getByRole('button', { name: 'Senden' }).click();
    await expect(proposal.getByRole('status').innerText({ timeout: 15_000 })).resolves.toContain('Danke!');
    const [report] = (await suite.db.knex.raw(`select kind, changes->>'name' as name, status from facility_report where message = 'Seit Oktober gibt es hier eine Beratungsstelle'`)).rows;
    expect(report).toEqual({ kind: 'proposal', name: 'Erziehungsberatung Vorschlag', status: 'open' });

    await signIn(page, 'eda');
    const { facilities } = await suite.api.data(`{ facilities(filter: { categories: ["bibliothek"] }, first: 1) {
      nodes { key name location { longitude latitude } } } }`);
    const [library] = facilities.nodes;
    await page.goto(`${suite.server.url}/?kategorien=bibliothek`);
    await page.waitForSelector('[data-map-ready="true"]');
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 16 }), [library.location.longitude, library.location.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, library.location.longitude, library.location.latitude);
    const details = page.getByTestId('facility-details');
    await expect(details.locator('h2').innerText({ timeout: 10_000 })).resolves.toBe(library.name);
    await details.getByTestId('edit-facility').click();
    const edit = page.getByTestId('facility-edit');
    await edit.locator('input[name="openingHours"]').fill('Di-Fr 10-18 Uhr');
    await edit.locator('input[name="offers"][value="sprachfoerderung"]').check();
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await expect(details.getByRole('status').innerText({ timeout: 15_000 })).resolves.toContain('Änderung gespeichert');
    await expect(details.innerText()).resolves.toContain('Di-Fr 10-18 Uhr');
    await expect(details.innerText()).resolves.toContain('Sprachförderung');
    await details.locator('.history summary').click();
    await expect(details.locator('.history').innerText()).resolves.toContain('geändert (eda)');
    await page.screenshot({ path: path.join(artifactsDir, 'data-care-details.png') });
    await page.getByTestId('session').getByRole('button', { name: 'Abmelden' }).click();
    await page.getByTestId('session').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('an editor checks a CSV supplement line by line, then reads it in', async () => {
    const page = await suite.open('?ansicht=redaktion');
    await signIn(page, 'eda');
    const form = page.getByTestId('supplement-import');
    await form.locator('input[name="sourceName"]').fill('Frühe Hilfen, Liste 2026');
    await form.locator('input[name="licence"]').fill('dl-de/by-2-0');
    await form.locator('input[name="attribution"]').fill('Netzwerk Frühe Hilfen');
    const file = (lines: string[]) => ({ name: 'fruehe-hilfen.csv', mimeType: 'text/csv', buffer: Buffer.from(['id;name;category;longitude;latitude;offers', ...lines].join('\n')) });
    await form.locator('input[name="file"]').setInputFiles(file(['fh1;Babycafé Westerfilde;fruehe_hilfen;7.405;51.545;familiencafe', 'fh2;Ohne Art;babycafe;7.41;51.55;']));
    await form.getByRole('button', { name: 'Prüfen' }).click();
    const report = page.getByTestId('supplement-report');
    await expect(report.innerText({ timeout: 15_000 })).resolves.toContain('1 fehlerhafte Zeilen: nichts geschrieben');
    await expect(report.innerText()).resolves.toContain('Zeile 3: category: unknown category "babycafe"');
    await expect(form.getByRole('button', { name: 'Einlesen' }).isDisabled()).resolves.toBe(true);

    await form.locator('input[name="file"]').setInputFiles(file(['fh1;Babycafé Westerfilde;fruehe_hilfen;7.405;51.545;familiencafe']));
    await form.getByRole('button', { name: 'Prüfen' }).click();
    await expect.poll(() => report.innerText(), { timeout: 15_000 }).toContain('Geprüft: 1 neu');
    await form.getByRole('button', { name: 'Einlesen' }).click();
    await expect.poll(() => report.innerText(), { timeout: 15_000 }).toContain('Eingelesen: 1 neu');
    const [row] = (await suite.db.knex.raw(`select name, origin, licence from facility where key = 'supplement:fruehe-hilfen-liste-2026:fh1'`)).rows;
    expect(row).toEqual({ name: 'Babycafé Westerfilde', origin: 'supplement', licence: 'dl-de/by-2-0' });
    await page.close();
  });
});
