import { useState } from 'react';
import { ApiError } from '../../api/graphql.ts';
import { ErrorNote } from '../../kit/AsyncView.tsx';
import { useLang, useT } from '../../kit/i18n.ts';
import { loginMutation } from './editingApi.ts';
import { write } from '../../kit/write.ts';

export function LoginForm() {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await write(loginMutation, { login: String(form.get('login')), password: String(form.get('password')) }, lang);
    } catch (e) {
      // The API's refusals in the dashboard's language: one text for a wrong login or password and
      // a paused login (the API does not tell them apart either), the wait for too many failures.
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') setError(t('signInWrong'));
      else if (e instanceof ApiError && e.code === 'RATE_LIMITED') setError(t('signInWait', { s: Number(e.extensions.retryAfterSeconds ?? 60) }));
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="login-form">
      <h2>{t('signIn')}</h2>
      <p className="hint">{t('signInHint')}</p>
      <label>
        {t('login')}
        <input name="login" autoComplete="username" required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
