// axe-core over every view of the dashboard (WCAG 2.1 A and AA rules): any violation fails.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { waitForIdle } from '../harness/mapPage.ts';

const suite = useBrowserSuite();
let axeSource = '';

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

afterAll(() => {
  expect(suite.problems).toEqual([]);
});

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe in the page (evaluated over DevTools, so the page's script policy does not apply). */
async function violations(page: Awaited<ReturnType<typeof suite.open>>): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(
    () => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r: any) => r.violations),
  )) as Violation[];
  return found.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('no accessibility violations', () => {
  it('in the overview', async () => {
    const page = await suite.open();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in the gap map with its ranking and chart', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking-csv').waitFor({ timeout: 30_000 });
    await waitForIdle(page);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in the scenario mode, with an effect, equity and site suggestions', async () => {
    const page = await suite.open('?ansicht=luecken&modus=szenario&plan=a~kita~7.4604~51.5227~60');
    const scenario = page.getByTestId('scenario');
    await scenario.getByTestId('scenario-effect').waitFor({ timeout: 30_000 });
    await scenario.getByTestId('suggest-area').selectOption('023');
    await scenario.getByTestId('suggest-run').click();
    await scenario.getByTestId('suggestions').waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in the action plan of an Aktionsraum and the report for all 13', async () => {
    const page = await suite.open('?ansicht=plan&aktionsraum=023');
    await page.getByTestId('plan-budget').waitFor({ timeout: 30_000 });
    await page.getByTestId('area-reach').waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('plan-aktionsraum').selectOption('');
    await page.getByTestId('plan-section').nth(12).waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in an area profile', async () => {
    const page = await suite.open('?aktionsraum=023');
    await page.getByTestId('area-reach').waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in data care: sign-in and the proposal form', async () => {
    const page = await suite.open('?ansicht=redaktion');
    await page.getByTestId('login-form').waitFor({ timeout: 15_000 });
    await page.getByTestId('facility-editor').locator('fieldset').first().waitFor({ timeout: 15_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in the partner search, with a search typed and results listed', async () => {
    const page = await suite.open('?ansicht=partner&ort=7.4604,51.5227&umkreis=500');
    await page.getByTestId('partner-results').waitFor({ timeout: 15_000 });
    await page.getByTestId('partner-search-input').fill('Borsig');
    await page.locator('.search-results li').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('in English', async () => {
    const page = await suite.open('?ansicht=luecken&sprache=en');
    await page.getByTestId('ranking-csv').waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
