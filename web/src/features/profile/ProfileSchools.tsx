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
    <section className="profile-schools" aria-labelledby="profile-schools-title" data-testid="profile-schools">
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
            {s.startchancenSchools.length === 0
              ? t('schoolsStartchancenNone')
              : // One line of names (the city's short name where the school is matched to its point): the profile stays on two A4 pages.
                s.startchancenSchools
                  .map((school) => {
                    const pupils = school.pupils === null || school.pupils === undefined ? '–' : formatNumber(school.pupils, 0);
                    const index = school.socialIndex === null || school.socialIndex === undefined ? t('socialIndexNone') : t('socialIndexValue', { n: String(school.socialIndex) });
                    return `${school.facility?.name ?? school.name} (${school.schulform}, ${t('schoolPupils', { n: pupils })}, ${index})`;
                  })
                  .join('; ')}
          </dd>
        </dl>
      )}
      <p className="hint">
        {t('schoolsHint')} {s.source}
      </p>
    </section>
  );
}
