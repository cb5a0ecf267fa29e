// Planning in the browser: a planner builds a scenario for Borsigplatz from a suggested site,
// closes a Kita on the map, sees the effect and the difference layer, saves the scenario, files
// it as a measure with its cost and prints the action plan; the saved link opens read-only.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accountStore from '../../api/src/modules/accounts/accountStore.ts';
import { hashPassword } from '../../api/src/modules/accounts/passwords.ts';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { clickMapAt, renderedCount, waitForIdle } from '../harness/mapPage.ts';

const suite = useBrowserSuite();
const PASSWORD = 'a long enough password';
let scenarioKey = '';

beforeAll(async () => {
  await accountStore.createAccount(suite.db.knex, { login: 'paula', displayName: 'Paula Planerin', role: 'planner', passwordHash: await hashPassword(PASSWORD) });
});

afterAll(() => {
  expect(suite.problems).toEqual([]);
});

type Page = Awaited<ReturnType<typeof suite.open>>;

async function signIn(page: Page) {
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 15_000 });
  await form.locator('input[name="login"]').fill('paula');
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('session').waitFor({ timeout: 15_000 });
}

describe('planning measures', () => {
  it('a planner takes a suggested Kita site into a scenario, sees who gains, saves it and files it as a measure', async () => {
    const page = await suite.open('?ansicht=redaktion');
    await signIn(page);
    await page.goto(`${suite.server.url}/?ansicht=luecken&angebot=kita&alter=AGE_0_5&entfernung=300&modus=szenario`);
    const scenario = page.getByTestId('scenario');
    await scenario.waitFor({ timeout: 30_000 });
    await scenario.getByTestId('suggest-area').selectOption('023');
    await scenario.getByTestId('suggest-run').click();
    const suggestions = scenario.getByTestId('suggestions');
    await suggestions.waitFor({ timeout: 30_000 });
    const first = await suggestions.locator('li').first().innerText();
    const gained = Number(/\+(\d+) Kinder/.exec(first)?.[1]);
    expect(gained).toBeGreaterThan(0);
    await suggestions.getByTestId('suggestion-add').first().click();
    await expect(scenario.getByTestId('scenario-changes').locator('li').count()).resolves.toBe(1);
    // The effect table: Borsigplatz gains exactly what the suggestion promised.
    const row = scenario.locator('[data-testid="scenario-effect"] tr[data-area="023"]');
    await expect(row.getByTestId('gain').innerText({ timeout: 30_000 })).resolves.toBe(`+${gained}`);
    await expect(scenario.locator('tr[data-area="city"]').getByTestId('gain').innerText()).resolves.toBe(`+${gained}`);
    await expect(scenario.getByTestId('equity').innerText()).resolves.toContain('Gini');
    // The difference layer shows where children gain reach.
    const planned = await page.evaluate(() => new URL(window.location.href).searchParams.get('plan'));
    expect(planned).toMatch(/^a~kita~/);
    const [lon, lat] = planned!.split('~').slice(2, 4).map(Number);
    await page.evaluate(([x, y]) => void window.versorgungsatlasMap!.jumpTo({ center: [x, y], zoom: 15 }), [lon, lat]);
    await waitForIdle(page);
    expect(await renderedCount(page, 'scenario-difference-fill')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'scenario-point')).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifactsDir, 'planning-scenario.png') });

    // A click on the map adds a planned Kita there; its × removes it again.
    await clickMapAt(page, lon + 0.004, lat + 0.002);
    await expect(scenario.getByTestId('scenario-changes').locator('li').count()).resolves.toBe(2);
    await scenario.getByTestId('scenario-changes').locator('li').nth(1).getByRole('button').click();
    await expect(scenario.getByTestId('scenario-changes').locator('li').count()).resolves.toBe(1);

    await scenario.getByTestId('scenario-name').fill('Kita für den Borsigplatz');
    await scenario.getByTestId('scenario-save').click();
    const link = scenario.getByTestId('scenario-link');
    await link.waitFor({ timeout: 15_000 });
    const [stored] = (await suite.db.knex.raw("select key, owner from scenario where title = 'Kita für den Borsigplatz'")).rows;
    expect(stored.owner).toBe('paula');
    scenarioKey = stored.key;
    await expect(link.innerText()).resolves.toContain(`szenario=${scenarioKey}`);

    await link.getByTestId('scenario-to-measure').click();
    const plan = page.getByTestId('action-plan');
    await plan.waitFor({ timeout: 15_000 });
    await expect(plan.locator('#plan-title').innerText()).resolves.toContain('Borsigplatz');
    const form = plan.getByTestId('measure-form');
    await expect(form.locator('input[name="scenario"]').inputValue()).resolves.toBe(scenarioKey);
    await form.locator('input[name="title"]').fill('Neue Kita am Borsigplatz');
    await form.locator('select[name="focal"]').selectOption('betreuung|kindertagesbetreuung');
    await form.locator('input[name="responsible"]').fill('Jugendamt / FABIDO');
    await form.locator('input[name="cost"]').fill('120000');
    await form.getByTestId('measure-add').click();
    const measure = plan.locator('tr[data-measure="Neue Kita am Borsigplatz"]');
    await expect(measure.innerText({ timeout: 30_000 })).resolves.toMatch(/Wirkung \(Kita, 500 m\): \+\d+ Kinder in Reichweite; Rang unter den 13: \d+ → \d+/);
    await expect(plan.getByTestId('plan-budget').innerText()).resolves.toMatch(/Budget \d{4}: ca\. 230\.000\s€.*Kosten der Maßnahmen: 120\.000\s€; verbleibend: 110\.000\s€/);
    await page.close();
  }, 180_000);

  it('prints the action plan without the map and the forms, and the report for all 13', async () => {
    const page = await suite.open('?ansicht=plan&aktionsraum=023');
    const plan = page.getByTestId('action-plan');
    await plan.getByTestId('measures').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await plan.getByTestId('plan-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('map').isVisible()).toBe(false);
    expect(await plan.locator('.plan-controls').isVisible()).toBe(false);
    await expect(plan.innerText()).resolves.toContain('Neue Kita am Borsigplatz');
    const pdf = await page.pdf({ format: 'A4' });
    await writeFile(path.join(artifactsDir, 'aktionsplan-borsigplatz.pdf'), pdf);
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    await plan.getByTestId('plan-aktionsraum').selectOption('');
    await expect(plan.locator('#plan-title').innerText()).resolves.toContain('Handlungsvorschläge für den Rat');
    await plan.getByTestId('plan-section').nth(12).waitFor({ timeout: 30_000 });
    expect(await plan.getByTestId('plan-section').count()).toBe(13);
    await page.close();
  }, 120_000);

  it('the saved link opens the scenario for anyone; a click on a Kita closes it in a new draft', async () => {
    const page = await suite.open(`?ansicht=luecken&szenario=${scenarioKey}`);
    await page.getByTestId('session').getByRole('button', { name: 'Abmelden' }).click();
    await page.getByTestId('session').waitFor({ state: 'detached', timeout: 15_000 });
    const scenario = page.getByTestId('scenario');
    await scenario.getByTestId('scenario-changes').locator('li').first().waitFor({ timeout: 30_000 });
    await expect(scenario.innerText()).resolves.toContain('Speichern können Konten mit der Rolle Planung');
    const { facilities } = await suite.api.data(`{ facilities(filter: { categories: ["kita"], area: { level: AKTIONSRAUM, code: "022" } }, first: 1) { nodes { key name location { longitude latitude } } } }`);
    const [kita] = facilities.nodes;
    await page.evaluate(([x, y]) => void window.versorgungsatlasMap!.jumpTo({ center: [x, y], zoom: 16 }), [kita.location.longitude, kita.location.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, kita.location.longitude, kita.location.latitude);
    const picked = scenario.getByTestId('scenario-picked');
    await expect(picked.innerText({ timeout: 10_000 })).resolves.toContain(kita.name);
    await picked.getByRole('button', { name: 'Im Szenario schließen' }).click();
    await expect(scenario.getByTestId('scenario-changes').innerText()).resolves.toContain(`Geschlossen: ${kita.name}`);
    // The same figures as the API gives for the stored change and the closure.
    const { scenario: stored } = await suite.api.data('query ($k: String!) { scenario(key: $k) { changes { location { longitude latitude } } } }', { k: scenarioKey });
    const changes = [
      { kind: 'ADD', category: 'kita', location: stored.changes[0].location },
      { kind: 'CLOSE', facilityKey: kita.key },
    ];
    const { scenarioEffect } = await suite.api.data(
      'query ($c: [ScenarioChangeInput!]!) { scenarioEffect(changes: $c, target: { category: "kita" }, ageBand: AGE_0_5) { difference { cellsGaining cellsLosing } } }',
      { c: changes },
    );
    const { cellsGaining, cellsLosing } = scenarioEffect.difference;
    await expect(scenario.getByTestId('scenario-cells').innerText({ timeout: 30_000 })).resolves.toContain(`${cellsGaining} Rasterzellen gewinnen Reichweite, ${cellsLosing} verlieren sie`);
    await page.close();
  }, 120_000);
});
