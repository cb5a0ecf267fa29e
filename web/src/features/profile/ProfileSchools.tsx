// The profile's schools: pupils, the share in the most burdened school environments (social index
// 7-9) and the Startchancen schools, from the state's school directory.
import { useT } from '../../kit/i18n.ts';
import { formatNumber } from '../../kit/format.ts';
import type { ProfileData } from './profileQuery.ts';

export function ProfileSchools({ data }: { data: ProfileData }) {
  const t = useT();
  const s = data.area!.schools;
  if (!s.source) return null;
  return (
    <section aria-labelledby="profile-schools-title" data-testid="profile-schools">
      <h3 id="profile-schools-title">{t('schoolsTitle')}</h3>
      {s.schools === 0 ? (
        <p>{t('schoolsNone')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('schoolsCount')}</dt>
          <dd data-testid="schools-count">{formatNumber(s.schools, 0)}</dd>
          <dt>{t('schoolsPupils')}</dt>
          <dd data-testid="schools-pupils">
            {formatNumber(s.pupils ?? 0, 0)}
            {s.pupilsPer1000Children !== null && <> ({t('schoolsPer1000', { n: formatNumber(s.pupilsPer1000Children, 0) })})</>}
          </dd>
          <dt>{t('schoolsHighIndex')}</dt>
          <dd data-testid="schools-high-index">
            {t('schoolsHighIndexValue', { n: formatNumber(s.pupilsIndex7To9, 0), share: `${formatNumber((s.shareIndex7To9 ?? 0) * 100, 0)} %`, schools: formatNumber(s.schoolsIndex7To9, 0) })}
          </dd>
          <dt>{t('schoolsStartchancen')}</dt>
          <dd data-testid="schools-startchancen">
            {s.startchancenSchools.length === 0 ? (
              t('schoolsStartchancenNone')
            ) : (
              <ul className="plain-list">
                {s.startchancenSchools.map((school) => (
                  <li key={school.schulnummer}>
                    {school.name} ({school.schulform}; {school.pupils === null ? '–' : t('schoolPupils', { n: formatNumber(school.pupils, 0) })};{' '}
                    {school.socialIndex === null ? t('socialIndexNone') : t('socialIndexValue', { n: String(school.socialIndex) })})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      <p className="hint">
        {t('schoolsHint')} {s.source}
      </p>
    </section>
  );
}
