// Runs GraphQL operations against the real server object, without HTTP.
import type { Knex } from 'knex';
import { createApp, type App } from '../../api/src/server.ts';

export type GraphQLResult<T = any> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

export async function createRunner(db: Knex) {
  const app: App = await createApp({ db, basemapStyleUrl: null, webDistDir: null });
  const run = async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor() });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GraphQLResult<T>;
  };
  /** Runs and expects no errors; returns data. */
  const data = async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await run<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };
  return { app, run, data, stop: () => app.stop() };
}
