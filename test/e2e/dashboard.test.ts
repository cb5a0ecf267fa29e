// The dashboard's flows in Chromium, as planners and youth-service workers use them: gap layer and
// catchments, need x provision linked to the map, the area profile and its print view, shared links,
// the English switch, keyboard use and a tablet layout. The partner search: partners.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { download, renderedCount, waitForIdle } from '../harness/mapPage.ts';
import { ATLAS_TITLE, CITY } from '../../domain/city.ts';

const suite = useBrowserSuite();
const { problems } = suite;

const _NORDMARKT = { longitude: 7.4652, latitude: 51.5236 };
const percent = (share: number) => `${Math.round(share * 100)} %`;


describe('the planner flows', () => {
  it('draws the gap layer and, on request, the facilities with their catchment, and exports the map as GeoJSON', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('gap-summary').waitFor({ timeout: 30_000 });
    await waitForIdle(page);
    expect(await renderedCount(page, 'gap-fill')).toBeGreaterThan(10);
    expect(await renderedCount(page, 'catchment-line')).toBe(0);
    const { gaps } = await suite.api.data(`{ gaps(target: { category: "kita" }, ageBand: AGE_0_5) { childrenBeyond { display } } }`);
    await expect(page.getByTestId('gap-summary').innerText()).resolves.toContain(gaps.childrenBeyond.display);

    await page.getByTestId('planner-catchments').check();
    await page.waitForFunction(() => window.location.search.includes('einzug=1'));
    await expect.poll(() => renderedCount(page, 'catchment-line'), { timeout: 15_000 }).toBeGreaterThan(50);
    const shownCategories = await page.evaluate(() =>
      [...new Set(window.versorgungsatlasMap!.queryRenderedFeatures({ layers: ['facility-circle'] }).map((f) => f.properties.category))],
    );
    expect(shownCategories).toEqual(['kita']);
    await expect(page.getByTestId('coverage-legend').innerText()).resolves.toContain('Einzugsbereich (500 m um jede Einrichtung)');
    await page.screenshot({ path: path.join(artifactsDir, 'gap-layer-catchments.png') });

    const file = await download(page, () => page.getByTestId('export-geojson').click());
    expect(file.name).toBe('versorgungsatlas-luecken.geojson');
    const geojson = JSON.parse(file.text);
    const layers = new Set(geojson.features.map((f: { properties: { layer: string } }) => f.properties.layer));
    expect([...layers].sort()).toEqual(['coverage', 'facility', 'gap']);
    expect(geojson.features.filter((f: { properties: { layer: string } }) => f.properties.layer === 'coverage')).toHaveLength(13);
    await page.close();
  });

  it('links the need x provision chart with the map: hover outlines the area, a click opens its profile', async () => {
    const page = await suite.open('?ansicht=luecken');
    const chart = page.getByTestId('need-chart');
    await chart.waitFor({ timeout: 30_000 });
    await expect(chart.locator('.need-point').count()).resolves.toBe(13);
    const { needProvision } = await suite.api.data(`{ needProvision(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) {
      rows { area { code name } highNeedPoorProvision } } }`);
    const urgent = needProvision.rows.find((r: { highNeedPoorProvision: boolean }) => r.highNeedPoorProvision);
    const point = chart.locator(`.need-point[data-code="${urgent.area.code}"]`);
    await expect(point.locator('circle').getAttribute('fill')).resolves.toBe('#b2182b');
    await point.hover();
    await expect
      .poll(() => page.evaluate((code) => window.versorgungsatlasMap!.getFeatureState({ source: 'coverage', id: code }).hover, urgent.area.code))
      .toBe(true);
    await expect(page.locator(`[data-testid="ranking"] tr[data-code="${urgent.area.code}"]`).getAttribute('class')).resolves.toBe('hovered');
    await point.click();
    await expect(page.locator('#area-title').innerText({ timeout: 15_000 })).resolves.toBe(`Aktionsraum ${urgent.area.name}`);
    expect(page.url()).toContain(`aktionsraum=${urgent.area.code}`);
    await page.close();
  });
});

describe('the area profile', () => {
  it('shows the right figures for an area chosen in the ranking, at any level', async () => {
    const page = await suite.open('?ansicht=luecken&ebene=SOZIALRAUM');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    const { coverage } = await suite.api.data(`{ coverage(level: SOZIALRAUM, target: { category: "kita" }, ageBand: AGE_0_5) {
      areas { area { code name } shareWithin childrenWithin { display } children { display } } city { shareWithin } } }`);
    const row = coverage.areas.find((a: { area: { code: string } }) => a.area.code === '022');
    await page.locator('[data-testid="ranking"] tr[data-code="022"] button').click();
    await expect(page.locator('#area-title').innerText({ timeout: 15_000 })).resolves.toBe(`Sozialraum ${row.area.name}`);
    expect(page.url()).toContain('gebiet=SOZIALRAUM:022');
    const kita = page.locator('[data-testid="area-reach"] li[data-category="kita"]');
    await kita.waitFor({ timeout: 30_000 });
    await expect(kita.innerText()).resolves.toContain(
      `${percent(row.shareWithin)} (${CITY.officialName.de} ${percent(coverage.city.shareWithin)}) · ${row.childrenWithin.display} von ${row.children.display} Kindern`,
    );
    const { area, gaps } = await suite.api.data(`{ area(level: SOZIALRAUM, code: "022") { indicators(keys: ["children_under_15_SGB_II_pct"], year: 2024) { value } }
      gaps(target: { category: "kita" }, ageBand: AGE_0_5, area: { level: SOZIALRAUM, code: "022" }) { childrenBeyond { value display } } }`);
    const poverty = await page.locator('[data-testid="profile-indicators"] tr[data-indicator="children_under_15_SGB_II_pct"] td').nth(1).innerText();
    expect(poverty).toBe(`${area.indicators[0].value.toFixed(1).replace('.', ',')} %`);
    // Two releases that divide by different populations: no change shown, a note says why.
    const u25 = page.locator('[data-testid="profile-indicators"] tr[data-indicator="unemployed_under_25_pct"] [data-testid="indicator-change"]');
    await expect(u25.innerText()).resolves.toBe('nicht vergleichbar ¹');
    await expect(page.getByTestId('indicator-not-comparable').first().innerText()).resolves.toMatch(/Arbeitslose unter 25: Die beiden Ausgaben teilen/);
    // Located by the census, practically every child of the Nordmarkt lives near a Kita.
    await expect(page.getByTestId('profile-gaps').innerText()).resolves.toContain(
      gaps.childrenBeyond.value === 0 ? 'Keine Kinder außer Reichweite' : gaps.childrenBeyond.display,
    );
    await expect(page.getByTestId('profile-map').locator('circle').count()).resolves.toBeGreaterThan(10);
    await waitForIdle(page);
    expect(await renderedCount(page, 'selection-line')).toBeGreaterThan(0);
    await page.close();
  });

  it('prints on A4: title, figures, map with legend and scale, sources, method and date; no interactive map', async () => {
    const page = await suite.open('?aktionsraum=022');
    await page.getByTestId('print-profile').waitFor({ timeout: 30_000 });
    await page.getByTestId('area-reach').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('map').isVisible()).resolves.toBe(false);
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-profile').isVisible()).resolves.toBe(false);
    await expect(page.locator('.print-kicker').innerText()).resolves.toMatch(new RegExp(`^${ATLAS_TITLE.de} · Steckbrief · \\d{2}\\.\\d{2}\\.\\d{4}$`));
    await expect(page.locator('#area-title').innerText()).resolves.toBe('Aktionsraum Nordmarkt');
    const miniMap = page.getByTestId('profile-map');
    await expect(miniMap.isVisible()).resolves.toBe(true);
    await expect(miniMap.innerText()).resolves.toMatch(/^\d+ k?m\s+Maßstab[\s\S]*Lücke: Kinder wohnen weiter als 500 m entfernt[\s\S]*Kita/);
    const sources = await page.locator('.profile-sources').innerText();
    expect(sources).toContain('Statistikatlas');
    expect(sources).toContain('Kinder verortet nach dem Zensus-Gitter 2011 (100 m). © Statistisches Bundesamt (Destatis), Zensus 2011');
    // Dated by the data (the children's reference date) and the import, in German form.
    expect(sources).toMatch(/Datenstand: Kinderzahlen zum \d{2}\.\d{2}\.\d{4}/);
    expect(sources).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sources).not.toMatch(/\.\./);
    expect(sources).toContain(`Erstellt mit dem ${ATLAS_TITLE.de}`);
    await page.screenshot({ path: path.join(artifactsDir, 'profile-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: path.join(artifactsDir, 'profile.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // A profile fits on two A4 pages.
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('for everyone', () => {
  it('switches to English and back, and keeps the language in the link', async () => {
    const page = await suite.open('?ansicht=luecken');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1').innerText()).resolves.toBe(ATLAS_TITLE.en);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.view-switch').innerText()).resolves.toMatch(/Overview\s+Gaps in provision\s+Partner search/);
    await expect(page.getByTestId('coverage-legend').innerText()).resolves.toContain('Share of children within reach');
    await expect(page.getByTestId('coverage-legend').innerText()).resolves.toContain('below 50');
    await expect(page.locator('[data-testid="planner-target"] option:checked').innerText()).resolves.toBe('Day-care centre');
    await expect(page.getByRole('button', { name: 'Download CSV' }).isVisible()).resolves.toBe(true);
    expect(page.url()).toContain('sprache=en');
    // Numbers in the chosen language: the city's under-6s as 34,456 in English, 34.456 in German.
    const cityRow = () => page.locator('[data-testid="ranking"] tr.city-row').innerText();
    await expect(cityRow()).resolves.toMatch(/\b\d{2},\d{3}\b/);
    await expect(cityRow()).resolves.not.toMatch(/\b\d{2}\.\d{3}\b/);
    await page.screenshot({ path: path.join(artifactsDir, 'gap-map-english.png') });
    const link = page.url();
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1').innerText()).resolves.toBe(ATLAS_TITLE.de);
    await expect(cityRow()).resolves.toMatch(/\b\d{2}\.\d{3}\b/);
    await page.close();

    const again = await suite.open(link);
    await expect(again.locator('h1').innerText()).resolves.toBe(ATLAS_TITLE.en);
    await again.close();
  });

  it('is operable by keyboard: skip link, view switch, planner controls, ranking and chart reach focus and act', async () => {
    const page = await suite.open('');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('data-view') ?? el.getAttribute('data-testid') ?? ''}|${el.textContent?.trim().slice(0, 40)}` : '';
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^a\|\|Zum Inhalt neben der Karte springen$/);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen).toEqual(
      expect.arrayContaining(['button|karte|Übersicht', 'button|luecken|Versorgungslücken', 'button|partner|Partnersuche', 'button|plan|Aktionsplan', 'button|lang-switch|English']),
    );
    while (!(await focused()).startsWith('button|luecken')) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
    await page.getByTestId('planner-target').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^select\|planner-age\|/);
    await page.getByTestId('planner-measure').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain('mass=childrenBeyond');
    await page.locator('.need-point').first().focus();
    const code = await page.evaluate(() => document.activeElement!.getAttribute('data-code'));
    await page.keyboard.press('Enter');
    await page.locator('#area-title').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`aktionsraum=${code}`);
    await page.close();
  });

  it('lays out for a tablet, landscape and portrait, without cutting off the panel', async () => {
    for (const [name, width, height] of [
      ['tablet-landscape', 1024, 768],
      ['tablet-portrait', 768, 1024],
    ] as const) {
      const page = await suite.browser.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${suite.server.url}/?ansicht=luecken`);
      await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
      await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
      const overflow = await page.evaluate(() => {
        const panel = document.querySelector('.panel')!;
        return { panel: panel.scrollWidth - panel.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
      });
      expect(overflow.panel).toBeLessThanOrEqual(1);
      expect(overflow.page).toBeLessThanOrEqual(0);
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(map.width).toBeGreaterThan(300);
      expect(map.height).toBeGreaterThan(300);
      await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
      await page.close();
    }
  });

  it('shows an error to the user when the server fails, not only in the console', async () => {
    const page = await suite.browser.newPage();
    await page.route('**/graphql', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${suite.server.url}/`);
    await expect(page.getByRole('alert').innerText({ timeout: 15_000 })).resolves.toContain('Die Daten konnten nicht geladen werden');
    await page.close();
  });

  it('logged no page or console errors', () => {
    expect(problems).toEqual([]);
  });
});
