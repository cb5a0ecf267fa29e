// The planner's gap map in Chromium: areas coloured by the documented classes, recoloured when the
// category changes, with legend and ranking, restored from a copied link.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classBreaks, classOf } from '../../web/src/features/coverage/classes.ts';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { renderedCount, renderedProperties, waitForIdle } from '../harness/mapPage.ts';
import { CITY } from '../../domain/city.ts';

const suite = useBrowserSuite();
const { problems } = suite;

/** The class every Aktionsraum should have, from the API's figures and the documented breaks. */
async function expectedClasses(category: string, ageBand: string) {
  const { coverage } = await suite.api.data(`{ coverage(level: AKTIONSRAUM, target: { category: "${category}" }, ageBand: ${ageBand}) {
    areas { area { code } shareWithin } } }`);
  return Object.fromEntries(
    coverage.areas.map((a: { area: { code: string }; shareWithin: number | null }) => [
      a.area.code,
      classOf(classBreaks.shareWithin, a.shareWithin === null ? null : a.shareWithin * 100),
    ]),
  );
}

async function drawnClasses(page: Page) {
  await waitForIdle(page);
  const props = await renderedProperties(page, 'coverage-fill');
  return Object.fromEntries(Object.entries(props).map(([code, p]) => [code, p.class]));
}

describe('the gap map in Chromium', () => {
  it('colours the 13 Aktionsräume by share within reach in the documented classes, with legend and ranking', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await waitForIdle(page);
    expect(await drawnClasses(page)).toEqual(await expectedClasses('kita', 'AGE_0_5'));
    const legend = await page.getByTestId('coverage-legend').innerText();
    expect(legend).toContain('Anteil der Kinder in Reichweite');
    expect(legend).toContain('unter 50');
    expect(legend).toContain('500 m');
    expect(legend).toContain('Schätzung');
    const rows = await page.locator('[data-testid="ranking"] tbody tr').count();
    expect(rows).toBe(14);
    await expect(page.locator('[data-testid="ranking"] tr.city-row').innerText()).resolves.toContain(CITY.officialName.de);
    await page.screenshot({ path: path.join(artifactsDir, 'gap-map.png') });
    await page.close();
  });

  it('recolours the areas when another category is chosen, and keeps the choice in the link', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await page.getByTestId('planner-target').selectOption('spielplatz');
    await page.waitForFunction(() => window.location.search.includes('angebot=spielplatz'));
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    const expected = await expectedClasses('spielplatz', 'AGE_0_5');
    await expect.poll(() => drawnClasses(page), { timeout: 15_000 }).toEqual(expected);
    const link = page.url();
    await page.close();

    const again = await suite.open(link);
    await again.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await expect(again.getByTestId('planner-target').inputValue()).resolves.toBe('spielplatz');
    await expect.poll(() => drawnClasses(again), { timeout: 15_000 }).toEqual(expected);
    await again.close();
  });

  it('asks the server once for a typed threshold and keeps the ranking on screen while it loads', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    const asked: unknown[] = [];
    page.on('request', (request) => {
      const body = request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.query?.includes('query Planner')) asked.push(body.variables.threshold);
    });
    await page.getByTestId('planner-threshold').pressSequentially('750', { delay: 60 });
    await expect(page.getByTestId('ranking').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.getByTestId('coverage-legend').innerText(), { timeout: 30_000 }).toContain('Reichweite: 750 m');
    expect(asked).toEqual([750]);
    expect(page.url()).toContain('entfernung=750');
    // Half-typed or out of range ("7", "20000") is never asked: the field says the range instead.
    await expect(page.getByTestId('threshold-range').count()).resolves.toBe(0);
    await page.getByTestId('planner-threshold').fill('20000');
    await expect(page.getByTestId('threshold-range').innerText()).resolves.toContain('50 und 10.000 m');
    await expect(page.getByTestId('planner-threshold').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.close();
  });

  it('sorts the ranking by a column', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'außer Reichweite' }).click();
    const values = await page.locator('[data-testid="ranking"] tbody tr:not(.city-row) td:nth-child(3)').allInnerTexts();
    const numbers = values.map((v) => Number(v.replace(/\./g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await page.close();
  });

  it('shows where children live, census-located, in fixed classes with a legend, and keeps the choice in the link', async () => {
    const page = await suite.open('?ansicht=luecken&alter=AGE_0_5&kinder=1');
    const legend = page.getByTestId('children-legend');
    await legend.waitFor({ timeout: 45_000 });
    const { childrenGrid } = await suite.api.data('{ childrenGrid(ageBand: AGE_0_5) { children { display } cellCount } }');
    await expect(page.getByTestId('children-summary').innerText()).resolves.toBe(`${childrenGrid.children.display} Kinder in ${childrenGrid.cellCount} bewohnten Zellen.`);
    const text = await legend.innerText();
    expect(text).toContain('Wo Kinder leben');
    expect(text).toContain('unter 1');
    expect(text).toContain('20 und mehr');
    expect(text).toMatch(/Schätzung: .*Zensus-Gitter 2011/);
    await expect(page.getByTestId('spread-note').innerText()).resolves.toContain('Zensus-Gitter 2011');
    await expect.poll(() => waitForIdle(page).then(() => renderedCount(page, 'children-fill')), { timeout: 20_000 }).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(artifactsDir, 'children-map.png') });
    await page.getByTestId('planner-children').uncheck();
    await page.waitForFunction(() => !window.location.search.includes('kinder=1'));
    await expect.poll(() => waitForIdle(page).then(() => renderedCount(page, 'children-fill')), { timeout: 20_000 }).toBe(0);
    await page.close();
  });

  it("shows the state's schools by social index, Startchancen schools ringed, with a legend and the source", async () => {
    const page = await suite.open('?ansicht=luecken&schulen=1');
    const legend = page.getByTestId('school-legend');
    await legend.waitFor({ timeout: 45_000 });
    const { schools } = await suite.api.data('{ schools(childrensProvision: true) { schulnummer socialIndex startchancen } }');
    const startchancen = schools.filter((s: { startchancen: boolean }) => s.startchancen).length;
    await expect(page.getByTestId('school-summary').innerText()).resolves.toBe(`${schools.length} Schulen, davon ${startchancen} im Startchancen-Programm.`);
    const text = await legend.innerText();
    expect(text).toContain('1 (geringste Belastung)');
    expect(text).toContain('9 (höchste Belastung)');
    expect(text).toContain('ohne Sozialindex');
    expect(text).toMatch(/IT\.NRW 2024\/25.*dl-de\/by-2-0/);
    // Every school drawn carries its own index and flag, as the API gives them.
    const byNumber = new Map(schools.map((s: { schulnummer: string }) => [s.schulnummer, s]));
    await expect.poll(() => waitForIdle(page).then(() => renderedCount(page, 'school-circle')), { timeout: 20_000 }).toBeGreaterThan(100);
    const drawn = await page.evaluate(() => window.versorgungsatlasMap!.queryRenderedFeatures({ layers: ['school-circle'] }).map((f) => f.properties));
    for (const p of drawn) expect(byNumber.get(String(p.schulnummer))).toMatchObject({ socialIndex: p.socialIndex ?? null, startchancen: p.startchancen });
    await page.screenshot({ path: path.join(artifactsDir, 'schools-map.png') });
    await page.getByTestId('planner-schools').uncheck();
    await page.waitForFunction(() => !window.location.search.includes('schulen=1'));
    await expect.poll(() => waitForIdle(page).then(() => renderedCount(page, 'school-circle')), { timeout: 20_000 }).toBe(0);
    await page.close();
  });

  it('logged no page or console errors', () => {
    expect(problems).toEqual([]);
  });
});
