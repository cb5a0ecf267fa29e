// The partner search in Chromium, as youth-service workers use it: the partners around a clicked
// point nearest first with walking minutes, on the map and as CSV; a place found by name, narrowed
// by kind and radius, restored from the copied link.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from '../harness/browser.ts';
import { useBrowserSuite } from '../harness/browserSuite.ts';
import { clickMapAt, download, renderedCount, waitForIdle } from '../harness/mapPage.ts';
import { ATLAS_TITLE, } from '../../domain/city.ts';

const suite = useBrowserSuite();
const { problems } = suite;

const NORDMARKT = { longitude: 7.4652, latitude: 51.5236 };

describe('the partner search', () => {
  it('finds the partners around a clicked point, nearest first, with walking minutes, on the map and as CSV', async () => {
    const page = await suite.open('?ansicht=partner');
    await page.getByTestId('partner-search').waitFor();
    await page.evaluate(([lon, lat]) => void window.versorgungsatlasMap!.jumpTo({ center: [lon, lat], zoom: 14 }), [NORDMARKT.longitude, NORDMARKT.latitude]);
    await waitForIdle(page);
    await clickMapAt(page, NORDMARKT.longitude, NORDMARKT.latitude);
    const table = page.getByTestId('partner-results');
    await table.waitFor({ timeout: 15_000 });
    const distances = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-distance'))));
    expect(distances.length).toBeGreaterThan(5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(1000);

    const url = new URL(page.url());
    const [lon, lat] = url.searchParams.get('ort')!.split(',').map(Number);
    expect(lon).toBeCloseTo(NORDMARKT.longitude, 3);
    expect(lat).toBeCloseTo(NORDMARKT.latitude, 3);
    const kinds = url.searchParams.get('arten')!.split(',');
    const { facilitiesNear } = await suite.api.data(
      `query($p: PointInput!, $c: [String!]) { facilitiesNear(near: { point: $p }, radius: 1000, categories: $c, limit: 500) { items { distanceMetres facility { key name } } } }`,
      { p: { longitude: lon, latitude: lat }, c: kinds },
    );
    const keys = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(keys).toEqual(facilitiesNear.items.map((i: { facility: { key: string } }) => i.facility.key));
    const first = await table.locator('tbody tr').first().innerText();
    expect(first).toContain(facilitiesNear.items[0].facility.name);
    expect(first).toMatch(/ca\. \d+ Min\./);
    await expect(page.getByTestId('partner-search').innerText()).resolves.toContain('Luftlinie × 1,3');

    await waitForIdle(page);
    expect(await renderedCount(page, 'partner-radius-fill')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'partner-origin')).toBe(1);
    expect(await renderedCount(page, 'partner-result')).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifactsDir, 'partner-search.png') });

    const csv = await download(page, () => page.getByTestId('partner-csv').click());
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    // As a German spreadsheet reads it: where it came from, a German header with units, numbers.
    expect(lines[0]).toMatch(new RegExp(`^"?${ATLAS_TITLE.de}, Partner um Punkt auf der Karte .*, Umkreis \\d+ m, Arten: .*Kita`));
    expect(lines[0]).toContain('ansicht=partner');
    expect(lines[1]).toBe('Einrichtung;Kategorie;Adresse;Telefon;E-Mail;Angebote;Schule (Land NRW);Entfernung (m);zu Fuß (min);Längengrad;Breitengrad');
    expect(lines).toHaveLength(facilitiesNear.items.length + 2);
    const firstLine = lines[2].split(';');
    expect(firstLine[7]).toBe(String(facilitiesNear.items[0].distanceMetres));
    expect(firstLine[9]).toMatch(/^7,\d+$/);
    expect(firstLine[10]).toMatch(/^51,\d+$/);
    // A school's line says its social index and whether it is a Startchancen school.
    const school = lines.slice(2).find((l) => /;(Grundschule|Weiterführende Schule);/.test(l));
    expect(school).toBeDefined();
    expect(school!.split(';')[6]).toMatch(/^(Sozialindex \d|ohne Sozialindex)(, Startchancen-Schule)?$/);

    // A youth worker looks for the Startchancen schools around her: only they stay, each marked.
    await page.getByTestId('partner-startchancen').check();
    await page.waitForFunction(() => window.location.search.includes('startchancen=1'));
    const { facilitiesNear: startchancen } = await suite.api.data(
      `query($p: PointInput!, $c: [String!]) { facilitiesNear(near: { point: $p }, radius: 1000, categories: $c, startchancen: true, limit: 500) { items { facility { key } } } }`,
      { p: { longitude: lon, latitude: lat }, c: kinds },
    );
    expect(startchancen.items.length).toBeGreaterThan(0);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(startchancen.items.length);
    for (const text of await table.locator('tbody tr').allInnerTexts()) expect(text).toContain('Startchancen-Schule');
    await page.getByTestId('partner-startchancen').uncheck();
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(facilitiesNear.items.length);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-kicker').innerText()).resolves.toContain('Partner um Punkt auf der Karte');
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('partner-search-input').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('finds a place by facility name, narrows by kind and radius, and restores all from the copied link', async () => {
    const page = await suite.open('?ansicht=partner');
    await page.getByTestId('partner-search-input').fill('Dietrich-Keuning');
    const choice = page.locator('.search-results button').first();
    const name = await choice.innerText();
    await choice.click();
    await expect(page.getByTestId('partner-origin').innerText()).resolves.toContain(name);
    await page.getByTestId('partner-radius').selectOption('500');
    // Only the youth centres: none, then one kind.
    await page.getByTestId('partner-kinds-none').click();
    await page.getByTestId('partner-empty').waitFor({ timeout: 15_000 });
    await expect(page.locator('input[data-kind]:checked').count()).resolves.toBe(0);
    await page.locator('input[data-kind="jugendfreizeitstaette"]').check();
    await page.waitForFunction(() => window.location.search.includes('arten=jugendfreizeitstaette&') || window.location.search.endsWith('arten=jugendfreizeitstaette'));
    const table = page.getByTestId('partner-results').or(page.getByTestId('partner-empty'));
    await table.waitFor({ timeout: 15_000 });
    const before = await page.getByTestId('partner-search').innerText();
    const link = page.url();
    expect(link).toContain('einrichtung=');
    expect(link).toContain('umkreis=500');
    await page.close();

    const again = await suite.open(link);
    await again.getByTestId('partner-results').or(again.getByTestId('partner-empty')).waitFor({ timeout: 15_000 });
    await expect(again.getByTestId('partner-origin').innerText()).resolves.toContain(name);
    await expect(again.getByTestId('partner-radius').inputValue()).resolves.toBe('500');
    await expect(again.locator('input[data-kind="kita"]').isChecked()).resolves.toBe(false);
    await expect(again.getByTestId('partner-search').innerText()).resolves.toBe(before);
    await again.close();
  });

  it('logged no page or console errors', () => {
    expect(problems).toEqual([]);
  });
});
