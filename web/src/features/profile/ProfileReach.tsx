// The profile's reach per offer against the city, as bars.
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { formatCount, formatNumber } from '../../kit/format.ts';
import type { CategoryInfo } from '../../api/queries.ts';
import { profileTargets, type ProfileData } from './profileQuery.ts';

export function ProfileReach({ data, categories }: { data: ProfileData; categories: CategoryInfo[] }) {
  const t = useT();
  const lang = useLang();
  const code = data.area!.code;
  const percent = (share: number | null) => (share === null ? '–' : `${formatNumber(share * 100, 0)} %`);
  const estimate = profileTargets.some((target) => data[target.alias].method.populationIsEstimate);
  return (
    <>
      <p className="hint">{t('reachHint')}</p>
      <ul className="reach-bars" data-testid="area-reach">
        {profileTargets.map((target) => {
          const result = data[target.alias];
          const row = result.areas.find((a) => a.area.code === code);
          const category = categories.find((c) => c.key === target.category);
          const label = category ? labelOf(lang, category) : target.category;
          const share = row?.shareWithin ?? null;
          const city = result.city.shareWithin;
          return (
            <li key={target.alias} data-category={target.category}>
              <div className="reach-label">
                <strong>{label}</strong>{' '}
                <small>
                  {t(`age_${target.band}`)}, {formatNumber(result.method.thresholdMetres, 0)} m
                </small>
              </div>
              <div className="bar" role="img" aria-label={`${label}: ${percent(share)} (${t('city')} ${percent(city)})`}>
                <span className="bar-fill" style={{ width: `${(share ?? 0) * 100}%` }} />
                {city !== null && <span className="bar-city" style={{ left: `${city * 100}%` }} />}
              </div>
              <div className="reach-figures">
                <span data-testid="reach-share">{percent(share)}</span> ({t('city')} {percent(city)}) ·{' '}
                {row ? t('childrenWithin', { a: formatCount(row.childrenWithin), b: formatCount(row.children) }) : '–'}
              </div>
            </li>
          );
        })}
      </ul>
      {estimate && <p className="estimate">{t('reachEstimate', { distances: t(data.kita.method.walkingNetwork ? 'distancesNetwork' : 'distancesStraight') })}</p>}
    </>
  );
}
