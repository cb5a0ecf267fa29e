// Re-import conflicts for reviewers: the city's data brought new values for a record an editor
// had changed. Take the source's values, or keep the edit.
import { ErrorNote } from '../../kit/AsyncView.tsx';
import { useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { conflictsQuery, resolveConflictMutation } from './editingApi.ts';
import { useWrite, write } from '../../kit/write.ts';

const shown = (values: unknown) =>
  Object.entries((values ?? {}) as Record<string, unknown>)
    .filter(([key]) => !['lon', 'lat'].includes(key))
    .map(([key, value]) => `${key}: ${value ?? '–'}`)
    .join(' · ');

export function ConflictList() {
  const t = useT();
  const lang = useLang();
  const conflicts = useGraphQL(conflictsQuery, {});
  const { act, error } = useWrite();
  if (conflicts.status !== 'done' || conflicts.value.facilityConflicts.length === 0) return null;
  const resolve = (id: number, resolution: 'APPLY_SOURCE' | 'KEEP_EDIT') => act(() => write(resolveConflictMutation, { id, resolution }, lang));
  return (
    <section className="review-queue" data-testid="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts')}</h2>
      <p className="hint">{t('conflictsHint')}</p>
      <ErrorNote message={error} />
      <ul>
        {conflicts.value.facilityConflicts.map((c) => (
          <li key={c.id}>
            <strong>{c.facility?.name ?? c.facilityKey}</strong>
            <p>
              {t('conflictSource')}: {shown(c.incoming)}
            </p>
            <p>
              {t('conflictEdit')}: {shown(c.current)}
            </p>
            <div className="report-actions">
              <button type="button" onClick={() => resolve(c.id, 'APPLY_SOURCE')}>
                {t('applySource')}
              </button>
              <button type="button" onClick={() => resolve(c.id, 'KEEP_EDIT')}>
                {t('keepEdit')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
