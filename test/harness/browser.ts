// Headless Chromium (Debian's package) driven by playwright-core, with a fresh profile. Debian's
// chromium-headless-shell (the lean headless build) when installed: the same engine for about 15 %
// less processor time per test than the full browser in headless mode.
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { projectRoot } from '../../config/config.ts';

export const artifactsDir = path.join(projectRoot, 'test-artifacts');

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export async function launchBrowser(): Promise<BrowserContext> {
  await mkdir(artifactsDir, { recursive: true });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium'),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
