// One test database and one GraphQL runner for a test file, opened before its tests and closed after.
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from './database.ts';
import { createRunner } from './graphqlRunner.ts';

export type TestApi = { db: Database; api: Awaited<ReturnType<typeof createRunner>> };

export function useTestApi(): TestApi {
  const context = {} as TestApi;
  beforeAll(async () => {
    context.db = await openTestDatabase();
    context.api = await createRunner(context.db.knex);
  });
  afterAll(async () => {
    await context.api?.stop();
    await context.db?.close();
  });
  return context;
}
