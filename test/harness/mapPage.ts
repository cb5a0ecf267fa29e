// Helpers for driving the map page in Chromium.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';

/** Opens the page, records page and console errors into `problems`, and waits for the map. */
export async function openMapPage(browser: BrowserContext, url: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 45_000 });
  await waitForIdle(page);
  return page;
}

/** Waits until the map has drawn everything; the repaint makes sure an 'idle' event follows. */
export function waitForIdle(page: Page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.versorgungsatlasMap!;
        map.once('idle', () => resolve(null));
        map.triggerRepaint();
      }),
  );
}

/** Clicks the map where a longitude/latitude is shown. */
export async function clickMapAt(page: Page, longitude: number, latitude: number) {
  const point = await page.evaluate(([lon, lat]) => window.versorgungsatlasMap!.project([lon, lat]), [longitude, latitude]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

export const renderedCount = (page: Page, layer: string) =>
  page.evaluate((id) => window.versorgungsatlasMap!.queryRenderedFeatures({ layers: [id] }).length, layer);

/** Properties of the features drawn in a layer, one per feature id or code. */
export const renderedProperties = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const byCode = new Map<string, Record<string, unknown>>();
    for (const f of window.versorgungsatlasMap!.queryRenderedFeatures({ layers: [id] })) byCode.set(String(f.properties.code), f.properties);
    return Object.fromEntries(byCode);
  }, layer);

/** The file a click downloads: its suggested name and its text. */
export async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}
