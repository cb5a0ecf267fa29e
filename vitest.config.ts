// Tests in four layers, each runnable alone (npm run test:unit | test:db | test:data | test:browser)
// and all together (npm test):
// - unit: no database, no source data (*.test.ts not named below);
// - db: real PostGIS on hand-made fixtures (*.fixture.test.ts), no source data;
// - data: the city's real data imported once per run (test/*.test.ts, *.data.test.ts);
// - browser: the dashboard in headless Chromium over the real data (test/e2e/).
// Timeouts are sized for a busy 2-core machine.
import { defineConfig } from 'vitest/config';

const heavy = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  // Node loads graphql's CommonJS build (it has no "exports"); Vite would pick its ES build for our
  // files, and schema objects from the two builds cannot be mixed (graphql-query-complexity, Apollo).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{api,config,db,domain,geodata,web}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.fixture.test.ts', '**/*.data.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      { extends: true, test: { name: 'db', include: ['**/*.fixture.test.ts'], exclude: ['**/node_modules/**'], globalSetup: ['test/harness/setupDatabase.ts'], ...heavy } },
      {
        extends: true,
        test: { name: 'data', include: ['test/*.test.ts', '{api,config,db,domain,geodata,web}/**/*.data.test.ts'], globalSetup: ['test/harness/globalSetup.ts'], ...heavy },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/harness/globalSetup.ts', 'test/harness/setupWebBuild.ts'], ...heavy },
      },
    ],
  },
});
