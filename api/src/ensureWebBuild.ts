// Builds the map (web/) with Vite when there is no build yet or the sources are newer, so that
// `npm start` alone serves an up-to-date page and a restart without changes skips the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/config.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuild(distDir: string, log: (line: string) => void): Promise<void> {
  const index = path.join(distDir, 'index.html');
  // The dashboard also takes the city's words and rules from domain/.
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'web/src')),
    newestMtime(path.join(projectRoot, 'domain')),
    statSync(path.join(projectRoot, 'web/index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('Building the map (web/) ...');
  const { build } = await import('vite');
  // Always the production build: inside the test runner NODE_ENV is 'test', and Vite would then
  // bundle React's development build (several times slower to render).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
