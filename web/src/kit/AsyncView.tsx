// One way to show data that is on its way: a status line while it loads, the API's message when it
// failed, the content when it is there.
import type { ReactNode } from 'react';
import type { AsyncState } from './useGraphQL.ts';
import { useT } from './i18n.ts';

export function AsyncView<T>({ state, children, loading }: { state: AsyncState<T>; children: (value: T) => ReactNode; loading?: string }) {
  const t = useT();
  if (state.status === 'loading') {
    return (
      <p className="hint" role="status">
        {loading ?? t('loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  }
  return <>{children(state.value)}</>;
}

/** A write's error, when there is one. */
export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
