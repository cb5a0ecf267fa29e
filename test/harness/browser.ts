// Headless Chromium (Debian's package) driven by playwright-core, with a fresh profile.
import { mkdtemp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { projectRoot } from '../../config/config.ts';

export const artifactsDir = path.join(projectRoot, 'test-artifacts');

export async function launchBrowser(): Promise<BrowserContext> {
  await mkdir(artifactsDir, { recursive: true });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
