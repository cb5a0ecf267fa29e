import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{api,db,geodata,web,test}/**/*.test.{ts,tsx}'],
    globalSetup: ['test/harness/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
