// The map in a real browser: it loads, draws the 13 Aktionsräume, and a click opens the right panel.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../../web/src/features/facilities/categoryStyle.ts';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { clickMapAt, renderedCount, waitForIdle } from '../harness/mapPage.ts';
import { ATLAS_TITLE, CITY } from '../../domain/city.ts';

const suite = useBrowserSuite();
const { problems } = suite;


describe('the map in Chromium', () => {
  it('loads and draws the 13 Aktionsräume over the other areas, with facilities and credits', async () => {
    const page = await suite.open();
    const codes = await page.evaluate(() =>
      [...new Set(window.versorgungsatlasMap!.queryRenderedFeatures({ layers: ['aktionsraum-fill'] }).map((f) => f.properties.code))].sort(),
    );
    expect(codes).toEqual(['013', '014', '021', '022', '023', '042', '043', '054', '082', '102', '103', '121', '123']);
    expect(await renderedCount(page, 'ubz-line')).toBeGreaterThan(100);
    expect(await renderedCount(page, 'facility-circle')).toBeGreaterThan(500);
    await expect(page.getByRole('button', { name: 'Nordmarkt' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain(CITY.officialName.de);
    await page.screenshot({ path: path.join(artifactsDir, 'map-overview.png') });
    // Where GIS users find the same data: the OGC API's address, and the link opens its landing page.
    const gis = page.getByTestId('gis-links');
    await expect(gis.innerText()).resolves.toContain(`${suite.server.url}/ogc`);
    await gis.getByRole('link', { name: 'OGC API – Features' }).click();
    await page.waitForURL('**/ogc?f=html');
    await expect(page.locator('h1').innerText()).resolves.toBe(ATLAS_TITLE.de);
    await page.close();
  });

  it('hides a category when its toggle is switched off', async () => {
    const page = await suite.open();
    const before = await renderedCount(page, 'facility-circle');
    await page.locator('input[data-category="spielplatz"]').uncheck();
    await waitForIdle(page);
    const after = await renderedCount(page, 'facility-circle');
    expect(after).toBeLessThan(before);
    expect(page.url()).not.toContain('spielplatz');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const geojson = JSON.parse(await readFile((await file.path())!, 'utf8'));
    const byLayer = (layer: string) => geojson.features.filter((f: { properties: { layer: string } }) => f.properties.layer === layer);
    expect(byLayer('aktionsraum')).toHaveLength(13);
    const shown = defaultCategories.filter((c) => c !== 'spielplatz');
    const { facilities } = await suite.api.data(`query($c: [String!]) { facilities(filter: { categories: $c }) { totalCount } }`, { c: shown });
    expect(byLayer('facility')).toHaveLength(facilities.totalCount);
    expect(byLayer('facility').some((f: { properties: { category: string } }) => f.properties.category === 'spielplatz')).toBe(false);
    await page.close();
  });

  it('opens the panel of the Aktionsraum clicked, with its name, borough, counts and child poverty', async () => {
    const { area } = await suite.api.data(`{ area(level: AKTIONSRAUM, code: "022") { name labelPoint { longitude latitude }
      facilityCounts { category { labelDe fieldOfAction } count } } }`);
    const page = await suite.open();
    await page.getByTestId('categories-none').click();
    await waitForIdle(page);
    expect(await renderedCount(page, 'facility-circle')).toBe(0);
    await clickMapAt(page, area.labelPoint.longitude, area.labelPoint.latitude);
    await expect(page.locator('#area-title').innerText({ timeout: 15_000 })).resolves.toBe('Aktionsraum Nordmarkt');
    await expect(page.getByTestId('area-borough').innerText()).resolves.toBe('Innenstadt-Nord');
    const rows = await page.locator('[data-testid="area-counts"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.querySelector('summary')?.textContent ?? td.textContent)),
    );
    // A child profile lists the offers for children and families (the city's other services are left out).
    const expected = area.facilityCounts
      .filter((c: { category: { fieldOfAction: string } }) => c.category.fieldOfAction !== 'SONSTIGE')
      .map((c: { category: { labelDe: string }; count: number }) => [c.category.labelDe, String(c.count)]);
    expect(rows.filter((r) => r[1] !== '0').sort()).toEqual(expected.sort());
    const poverty = await page.locator('[data-testid="profile-indicators"] tr[data-indicator="children_under_15_SGB_II_pct"]').innerText();
    expect(poverty).toMatch(/^Kinderarmut .*\*\s+\d+,\d %\s+\d+,\d %\s+[+−±]\d+,\d Pp\.$/s);
    await expect(page.locator('.estimate').first().innerText()).resolves.toContain('Schätzung');
    const reach = page.getByTestId('area-reach');
    await reach.waitFor({ timeout: 30_000 });
    const reachRows = await reach.locator('li').allInnerTexts();
    expect(reachRows).toHaveLength(6);
    expect(reachRows[0]).toMatch(new RegExp(`^Kita unter 6 Jahre, 500 m\\s+\\d+ % \\(${CITY.officialName.de} \\d+ %\\) · [\\d.]+ von [\\d.]+ Kindern$`));
    await expect(page.locator('.estimate').last().innerText()).resolves.toContain('Kinderzahlen je Unterbezirk sind aus Bezirkszahlen');
    expect(page.url()).toContain('aktionsraum=022');
    await page.screenshot({ path: path.join(artifactsDir, 'aktionsraum-panel.png') });
    await page.close();
  });

  it('shows name, address and category of a clicked facility', async () => {
    const { facilities } = await suite.api.data(`{ facilities(filter: { categories: ["jugendfreizeitstaette"], area: { level: AKTIONSRAUM, code: "123" } }, first: 1) {
      nodes { name location { longitude latitude } address { formatted } } } }`);
    const [youthCentre] = facilities.nodes;
    const page = await suite.open('?kategorien=jugendfreizeitstaette');
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 15 }), [youthCentre.location.longitude, youthCentre.location.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, youthCentre.location.longitude, youthCentre.location.latitude);
    const details = page.getByTestId('facility-details');
    await expect(details.locator('h2').innerText({ timeout: 10_000 })).resolves.toBe(youthCentre.name);
    await expect(details.innerText()).resolves.toContain('Jugendfreizeitstätte');
    await expect(details.innerText()).resolves.toContain(youthCentre.address.formatted);
    await page.close();
  });

  it('opens the same view from a copied link', async () => {
    const page = await suite.open('?aktionsraum=103&kategorien=kita');
    await expect(page.locator('#area-title').innerText({ timeout: 15_000 })).resolves.toBe('Aktionsraum Bövinghausen/Westrich');
    await expect(page.locator('input[data-category="kita"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[data-category="spielplatz"]').isChecked()).resolves.toBe(false);
    await page.close();
  });

  it('flies to a chosen Aktionsraum, and jumps there for who asks the system for less motion', async () => {
    const flight = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await suite.browser.newPage();
      await page.emulateMedia({ reducedMotion });
      const moves = await (async () => {
        await page.goto(suite.server.url);
        await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
        await waitForIdle(page);
        await page.evaluate(() => {
          const times: number[] = [];
          (window as unknown as { moveTimes: number[] }).moveTimes = times;
          window.versorgungsatlasMap!.on('move', () => times.push(performance.now()));
        });
        await page.getByRole('button', { name: 'Nordmarkt' }).click();
        await expect(page.locator('#area-title').innerText({ timeout: 15_000 })).resolves.toBe('Aktionsraum Nordmarkt');
        await page.waitForFunction(() => !window.versorgungsatlasMap!.isMoving(), null, { timeout: 15_000 });
        return page.evaluate(() => (window as unknown as { moveTimes: number[] }).moveTimes);
      })();
      await page.close();
      return { count: moves.length, millis: moves.length ? moves[moves.length - 1] - moves[0] : 0 };
    };
    // A flight moves the camera over several frames in about 600 ms (how many frames depends on how
    // fast the machine draws); a jump moves it once.
    const flying = await flight('no-preference');
    expect(flying.count).toBeGreaterThanOrEqual(2);
    expect(flying.millis).toBeGreaterThan(300);
    const jumping = await flight('reduce');
    expect(jumping).toEqual({ count: 1, millis: 0 });
  });

  it('logged no page or console errors', () => {
    expect(problems).toEqual([]);
  });
});
