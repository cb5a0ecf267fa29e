// Data fetching with TanStack Query: one request per distinct query and variables however many
// views ask, a superseded request cancelled, and (where asked) the previous answer kept on screen
// while the next one loads, so a settings change never blanks the map.
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql.ts';
import type { TypedDocumentString } from '../gql/graphql.ts';
import type { Lang } from './i18n.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T };

export const queryClient = new QueryClient({
  // The data changes with an import, not while a page is open; errors reach the user at once.
  defaultOptions: { queries: { staleTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false } },
});

/** Runs a generated document while variables are given (null: not needed now). */
export function useGraphQL<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  { keepPrevious = false, lang = 'de' }: { keepPrevious?: boolean; lang?: Lang } = {},
): AsyncState<TResult> {
  const query = document.toString();
  const result = useQuery({
    // The language is part of the answer: the API's method texts come in it.
    queryKey: [query, variables, lang],
    queryFn: ({ signal }) => graphql<TResult>(query, (variables ?? {}) as Record<string, unknown>, signal, lang),
    enabled: variables !== null,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  if (result.isError) return { status: 'error', message: result.error.message };
  if (result.data !== undefined) return { status: 'done', value: result.data };
  return { status: 'loading' };
}

/**
 * The value once it has stopped changing for `ms` (a typed threshold asks once, not per key). A
 * value `accept` refuses (a half-typed number out of range) is never passed on: the last accepted
 * one stays.
 */
export function useDebounced<T>(value: T, ms: number, accept: (value: T) => boolean = () => true): T {
  const [settled, setSettled] = useState(value);
  const ok = accept(value);
  useEffect(() => {
    if (!ok) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, ok]);
  return settled;
}
