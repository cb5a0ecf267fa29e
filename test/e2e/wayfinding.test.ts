// Finding one's way on the map: it follows what is chosen, names places without a font server,
// answers a hover with a tooltip, links the partner list with its dots, and speaks German.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { clickMapAt, renderedCount, waitForIdle } from '../harness/mapPage.ts';

const suite = useBrowserSuite();
const NORDMARKT = { longitude: 7.4604, latitude: 51.5227 };

const mapView = (page: Awaited<ReturnType<typeof suite.open>>) =>
  page.evaluate(() => {
    const map = window.versorgungsatlasMap!;
    const b = map.getBounds();
    return { zoom: map.getZoom(), west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
  });

afterAll(() => {
  expect(suite.problems).toEqual([]);
});

describe('the map follows the user', () => {
  it('fits a chosen Aktionsraum, and a partner search to its radius', async () => {
    const page = await suite.open();
    const city = await mapView(page);
    await page.getByRole('button', { name: 'Nordmarkt' }).click();
    await page.waitForFunction(() => window.versorgungsatlasMap!.getZoom() > 12.5, undefined, { timeout: 15_000 });
    await waitForIdle(page);
    const area = await mapView(page);
    expect(area.zoom).toBeGreaterThan(city.zoom + 1.5);
    expect(NORDMARKT.longitude).toBeGreaterThan(area.west);
    expect(NORDMARKT.longitude).toBeLessThan(area.east);

    await page.goto(`${suite.server.url}/?ansicht=partner&umkreis=500`);
    await page.waitForSelector('[data-map-ready="true"]');
    await page.getByTestId('partner-search-input').fill('FABIDO');
    await page.locator('.search-results button').first().click();
    await page.getByTestId('partner-results').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => window.versorgungsatlasMap!.getZoom() > 13.5, undefined, { timeout: 15_000 });
    const search = await mapView(page);
    const [lon, lat] = new URL(page.url()).searchParams.get('ort')!.split(',').map(Number);
    // The 500 m circle is inside the view: about 0.0072° of longitude and 0.0045° of latitude here.
    expect(search.west).toBeLessThan(lon - 0.0072);
    expect(search.east).toBeGreaterThan(lon + 0.0072);
    expect(search.south).toBeLessThan(lat - 0.0045);
    expect(search.north).toBeGreaterThan(lat + 0.0045);
    await page.close();
  });

  it('links partner rows and dots: a row opens the popup, a dot marks its row and leaves the search where it is', async () => {
    const page = await suite.open(`?ansicht=partner&ort=${NORDMARKT.longitude},${NORDMARKT.latitude}&umkreis=500`);
    const table = page.getByTestId('partner-results');
    await table.waitFor({ timeout: 15_000 });
    await waitForIdle(page);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const firstName = await rows.nth(0).locator('strong').innerText();
    await rows.nth(0).getByTestId('partner-show').click();
    const popup = page.getByTestId('partner-popup');
    await popup.waitFor();
    await expect(popup.innerText()).resolves.toContain(firstName);
    await expect(rows.nth(0).getAttribute('aria-current')).resolves.toBe('true');
    // Another row replaces the choice (and its popup).
    await rows.nth(1).getByTestId('partner-show').click();
    await expect.poll(() => rows.nth(1).getAttribute('aria-current')).toBe('true');
    await expect(rows.nth(0).getAttribute('aria-current')).resolves.toBeNull();
    await expect(popup.innerText()).resolves.toContain(await rows.nth(1).locator('strong').innerText());
    // The same row again closes it, so that the popup does not cover the dots.
    await rows.nth(1).getByTestId('partner-show').click();
    await expect.poll(() => popup.count()).toBe(0);

    const before = new URL(page.url()).searchParams.get('ort');
    const secondKey = (await rows.nth(2).getAttribute('data-key'))!;
    const dot = await page.evaluate(
      (key) => {
        const f = window.versorgungsatlasMap!.querySourceFeatures('partner-results').find((x) => x.properties.key === key)!;
        return (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
      },
      secondKey,
    );
    await clickMapAt(page, dot[0], dot[1]);
    await expect.poll(() => rows.nth(2).getAttribute('aria-current')).toBe('true');
    expect(new URL(page.url()).searchParams.get('ort')).toBe(before);
    await page.screenshot({ path: path.join(artifactsDir, 'partner-linked.png') });
    await page.close();
  });
});

describe('focus', () => {
  it('goes to the profile when one opens, and back to the button that opened it when it closes', async () => {
    const page = await suite.open();
    const opener = page.getByRole('button', { name: 'Hörde' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('area-reach').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '← Zurück' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hörde');
    await page.close();
  });
});

describe('search', () => {
  it('finds Borsigplatz by name, says what each result is, and searches around it', async () => {
    const page = await suite.open('?ansicht=partner');
    await page.getByTestId('partner-search-input').fill('Borsigplatz');
    const results = page.locator('.search-results li');
    await results.first().waitFor();
    const kinds = await results.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds[0]).toBe('AKTIONSRAUM');
    expect(kinds).toContain('UBZ');
    await expect(results.first().innerText()).resolves.toMatch(/^Borsigplatz\s+Aktionsraum$/);
    await results.first().locator('button').click();
    await expect(page.getByTestId('partner-origin').innerText()).resolves.toContain('Borsigplatz');
    await page.getByTestId('partner-results').waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('names and tooltips', () => {
  it('labels boroughs at city zoom and Aktionsräume and sub-districts closer in, with no font server', async () => {
    const external: string[] = [];
    const page = await suite.open();
    page.on('request', (request) => {
      if (!request.url().startsWith(suite.server.url)) external.push(request.url());
    });
    // Labels that would collide are left out; most of the twelve boroughs are named at city zoom.
    expect(await renderedCount(page, 'stadtbezirk-label')).toBeGreaterThanOrEqual(8);
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 13.5 }), [NORDMARKT.longitude, NORDMARKT.latitude]);
    await waitForIdle(page);
    const names = await page.evaluate(() => window.versorgungsatlasMap!.queryRenderedFeatures({ layers: ['aktionsraum-label', 'ubz-label'] }).map((f) => String(f.properties.name)));
    expect(names).toContain('Nordmarkt');
    expect(names.length).toBeGreaterThan(3);
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 16 }), [NORDMARKT.longitude, NORDMARKT.latitude]);
    await waitForIdle(page);
    expect(await renderedCount(page, 'facility-label')).toBeGreaterThan(0);
    expect(external).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'labels-street-zoom.png') });
    await page.close();
  });

  it('names the area and its figure under the pointer', async () => {
    const page = await suite.open('?ansicht=luecken&luecken=0');
    await page.getByTestId('ranking-csv').waitFor({ timeout: 30_000 });
    await waitForIdle(page);
    // A point of Nordmarkt with no facility dot on it (a dot names the facility instead).
    const point = await page.evaluate(() => {
      const map = window.versorgungsatlasMap!;
      const canvas = map.getCanvas();
      for (let y = 10; y < canvas.clientHeight; y += 8) {
        for (let x = 10; x < canvas.clientWidth; x += 8) {
          const inside = map.queryRenderedFeatures([x, y]).some((f) => f.layer.id === 'coverage-fill' && f.properties.name === 'Nordmarkt');
          const near = map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]]);
          if (inside && !near.some((f) => f.geometry.type === 'Point' || (f.layer.id === 'coverage-fill' && f.properties.name !== 'Nordmarkt'))) return { x, y };
        }
      }
      throw new Error('Nordmarkt is not on the map');
    });
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    await expect.poll(() => page.getByTestId('map').getAttribute('data-tooltip')).toMatch(/^Nordmarkt: Anteil der Kinder in Reichweite \d+ %$/);
    await expect(page.locator('.map-tooltip').innerText()).resolves.toMatch(/Nordmarkt/);
    await page.close();
  });
});

describe('German throughout', () => {
  it('gives the method notes and the data date in German, and in English in the English view', async () => {
    const page = await suite.open('?ansicht=luecken');
    const legend = page.getByTestId('data-as-of');
    await legend.waitFor({ timeout: 30_000 });
    await expect(legend.innerText()).resolves.toMatch(/^Datenstand: Kinderzahlen zum \d{2}\.\d{2}\.20\d{2}( – \d{2}\.\d{2}\.20\d{2})?; eingelesen am \d{2}\.\d{2}\.20\d{2}\.$/);
    const panel = await page.getByTestId('planner').innerText();
    expect(panel).toContain('Vom Atlas gewählter Richtwert');
    expect(panel).not.toMatch(/Chosen default|straight line|override per query/);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('planner').innerText()).toContain('Chosen default of the atlas');
    await expect(legend.innerText()).resolves.toMatch(/^Data as of: children on \d{1,2} \w{3} 20\d{2}/);
    await page.close();
  });
});
