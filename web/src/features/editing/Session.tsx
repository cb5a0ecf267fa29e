// Who is signed in: shown in the header with a sign-out button.
import { useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { meQuery, signOut } from './editingApi.ts';

export type Me = { login: string; displayName: string; role: 'EDITOR' | 'REVIEWER' | 'PLANNER' | 'ADMIN' } | null;

export function useMe(): Me {
  const me = useGraphQL(meQuery, {});
  return me.status === 'done' ? me.value.me : null;
}

export function SessionBadge({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  if (!me) return null;
  return (
    <span className="session" data-testid="session">
      {t('signedInAs', { name: me.displayName, role: t(`role_${me.role}`) })}{' '}
      <button type="button" className="link-button" onClick={() => void signOut(lang)}>
        {t('signOut')}
      </button>
    </span>
  );
}
