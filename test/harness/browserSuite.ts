// One test database, the HTTP server, a GraphQL runner and headless Chromium for a browser test
// file, opened before its tests and closed after; page and console errors are collected.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { launchBrowser } from './browser.ts';
import { openTestDatabase } from './database.ts';
import { createRunner } from './graphqlRunner.ts';
import { startHttpServer } from './httpServer.ts';
import { openMapPage } from './mapPage.ts';

export type BrowserSuite = {
  db: Database;
  server: Awaited<ReturnType<typeof startHttpServer>>;
  api: Awaited<ReturnType<typeof createRunner>>;
  browser: BrowserContext;
  /** Page and console errors of every page opened with `open`. */
  problems: string[];
  /** Opens the map at a path and query (`?ansicht=luecken`) or a full URL, and waits for it. */
  open: (pathOrUrl?: string) => ReturnType<typeof openMapPage>;
};

export function useBrowserSuite(): BrowserSuite {
  const suite = { problems: [] as string[] } as BrowserSuite;
  suite.open = (pathOrUrl = '') =>
    openMapPage(suite.browser, pathOrUrl.startsWith('http') ? pathOrUrl : `${suite.server.url}/${pathOrUrl}`, suite.problems);
  beforeAll(async () => {
    suite.db = await openTestDatabase();
    suite.server = await startHttpServer(suite.db.knex);
    suite.api = await createRunner(suite.db.knex);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.api?.stop();
    await suite.server?.stop();
    await suite.db?.close();
  });
  return suite;
}
