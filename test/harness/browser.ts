// Headless Chromium (Debian's package) driven by playwright-core, with a fresh profile. Debian's
// chromium-headless-shell (the lean headless build) when installed: the same engine for about 15 %
// less processor time per test than the full browser in headless mode.
// The pages ask for reduced motion: the map then jumps instead of flying and shows labels without
// fading, so a camera change draws about half the frames (a frame of the full map costs a fifth of a
// processor second in software WebGL). map.test.ts checks the flights with motion on
// (`page.emulateMedia({ reducedMotion: 'no-preference' })`).
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
    // A meeting room's projector (1280 x 720): where planners show the map. Tablet sizes are tested
    // in dashboard.test.ts.
    viewport: { width: 1280, height: 720 },
    reducedMotion: 'reduce',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
