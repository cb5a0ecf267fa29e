// Writes: a typed document sent with the session cookie; afterwards every query is fetched anew,
// so that map, lists and search show the change. useWrite keeps the last error for the form.
import { useCallback, useState } from 'react';
import { graphql as run } from '../api/graphql.ts';
import type { TypedDocumentString } from '../gql/graphql.ts';
import { queryClient } from './useGraphQL.ts';

/** Runs a write and refreshes every query. */
export async function write<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, lang: string): Promise<TResult> {
  const result = await run<TResult>(document.toString(), variables as Record<string, unknown>, undefined, lang);
  await queryClient.invalidateQueries();
  return result;
}

/**
 * A form's writes: `act` runs one (or several) and keeps its error message for the form to show;
 * `busy` is true while one runs.
 */
export function useWrite() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { act, error, busy, setError };
}
