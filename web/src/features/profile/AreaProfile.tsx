// The area profile (Steckbrief): indicators 2018/2024 with the change, reach per offer against the
// city, gaps, a map, the facilities in and near the area, sources and method. Laid out for A4 when
// printed (see the print rules in styles.css).
import type { AsyncState } from '../app/useGraphQL.ts';
import { labelOf, useLang, useT, type Translate } from '../app/i18n.ts';
import { formatCount, formatNumber } from '../areas/format.ts';
import type { CategoryInfo } from '../../api/queries.ts';
import { AreaMiniMap } from './AreaMiniMap.tsx';
import { NEAR_METRES, profileIndicators, profileTargets, type ProfileData, type Selection } from './profileQuery.ts';

type Props = {
  selection: Selection;
  profile: AsyncState<ProfileData>;
  categories: CategoryInfo[];
  targetLabel: string;
  onClose: () => void;
};

export function AreaProfile({ selection, profile, categories, targetLabel, onClose }: Props) {
  const t = useT();
  return (
    <section className="area-panel profile" aria-labelledby="area-title" data-testid="area-panel">
      <div className="no-print profile-actions">
        <button type="button" className="link-button" onClick={onClose}>
          {t('back')}
        </button>
        {profile.status === 'done' && profile.value.area && (
          <button type="button" className="small-button" onClick={() => window.print()} data-testid="print-profile">
            {t('print')}
          </button>
        )}
      </div>
      {profile.status === 'loading' && <p role="status">{t('loadingProfile')}</p>}
      {profile.status === 'error' && (
        <p role="alert" className="error">
          {t('profileFailed')} {profile.message}
        </p>
      )}
      {profile.status === 'done' && !profile.value.area && (
        <p role="alert">
          {t('noSuchArea')} {selection.code}
        </p>
      )}
      {profile.status === 'done' && profile.value.area && <ProfileBody data={profile.value} categories={categories} targetLabel={targetLabel} />}
    </section>
  );
}

function ProfileBody({ data, categories, targetLabel }: { data: ProfileData; categories: CategoryInfo[]; targetLabel: string }) {
  const t = useT();
  const lang = useLang();
  const area = data.area!;
  const levelName = t(`levelOne_${area.level}` as Parameters<Translate>[0]);
  const borough = area.parents.find((p) => p.level === 'STADTBEZIRK');
  const today = new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'de-DE');
  const method = data.kita.method;
  const sources = [...new Set(area.indicators.map((i) => i.indicator.source))];
  return (
    <>
      <p className="print-only print-kicker">
        {t('title')} · {t('profile')} · {today}
      </p>
      <h2 id="area-title">
        {levelName} {area.name}
      </h2>
      <dl className="facts">
        {borough && area.level !== 'STADTBEZIRK' && (
          <>
            <dt>{t('borough')}</dt>
            <dd data-testid="area-borough">{borough.name}</dd>
          </>
        )}
        <dt>{t('areaSize')}</dt>
        <dd>{formatNumber(area.areaKm2, 2)} km²</dd>
        {area.level !== 'UBZ' && (
          <>
            <dt>{t('subDistricts')}</dt>
            <dd>{area.subDistricts.map((s) => `${s.code} ${s.name}`).join(', ')}</dd>
          </>
        )}
      </dl>
      <Indicators area={area} />
      <h3>{t('reachTitle')}</h3>
      <ReachBars data={data} categories={categories} />
      <h3>{t('gapsTitle', { offer: targetLabel })}</h3>
      <Gaps data={data} />
      <AreaMiniMap
        outline={area.geometry}
        gaps={data.gaps.geojson}
        facilities={data.inside}
        categories={categories.map((c) => ({ key: c.key, fieldOfAction: c.fieldOfAction, label: labelOf(lang, c) }))}
        gapLabel={t('gapsLegend', { m: formatNumber(data.gaps.method.thresholdMetres, 0) })}
      />
      <Facilities data={data} categories={categories} />
      <section className="profile-sources" aria-labelledby="profile-sources-title">
        <h3 id="profile-sources-title">
          {t('printSources')} · {t('printMethod')}
        </h3>
        <p className="hint">
          {sources.join('; ')}. {method.populationSource}.{' '}
          <span data-testid="profile-spread">{method.distribution === 'CENSUS' && method.censusSource ? `${t('spreadCensus')} ${t('censusCredit')}` : t('spreadEven')}</span>{' '}
          {method.distanceKind}. {t('printDate')}: {method.dataDate.slice(0, 10)}.
        </p>
        <p className="hint print-only">{t('printCreated', { date: today })}</p>
      </section>
    </>
  );
}

function Indicators({ area }: { area: NonNullable<ProfileData['area']> }) {
  const t = useT();
  const lang = useLang();
  const rows = profileIndicators
    .map((key) => {
      const values = area.indicators.filter((i) => i.indicator.key === key);
      const byYear = (year: number) => values.find((v) => v.year === year) ?? null;
      return { key, info: values[0]?.indicator, v2018: byYear(2018), v2024: byYear(2024) };
    })
    .filter((r) => r.info);
  const estimate = area.indicators.some((i) => i.isEstimate);
  const value = (v: { value: number } | null) => (v ? `${formatNumber(v.value, 1)} %` : '–');
  return (
    <>
      <h3>{t('keyIndicators')}</h3>
      <table className="figures indicators" data-testid="profile-indicators">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">2018</th>
            <th scope="col">2024</th>
            <th scope="col">{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const change = r.v2018 && r.v2024 ? r.v2024.value - r.v2018.value : null;
            return (
              <tr key={r.key} data-indicator={r.key}>
                <th scope="row">
                  {labelOf(lang, r.info!)}
                  {r.v2024?.isEstimate ? ' *' : ''}
                </th>
                <td>{value(r.v2018)}</td>
                <td>{value(r.v2024)}</td>
                <td>{change === null ? '–' : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatNumber(Math.abs(change), 1)} ${t('points')}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {estimate && <p className="estimate">* {t('indicatorEstimate')}</p>}
    </>
  );
}

function ReachBars({ data, categories }: { data: ProfileData; categories: CategoryInfo[] }) {
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
      {estimate && <p className="estimate">{t('reachEstimate')}</p>}
    </>
  );
}

function Gaps({ data }: { data: ProfileData }) {
  const t = useT();
  const { gaps } = data;
  if (!gaps.hotspots.length) return <p data-testid="profile-gaps">{t('gapsNone')}</p>;
  return (
    <div data-testid="profile-gaps">
      <p>{t('gapsSummary', { n: formatCount(gaps.childrenBeyond), k: gaps.hotspots.length })}</p>
      <ol className="gap-list">
        {gaps.hotspots.slice(0, 5).map((h) => (
          <li key={h.rank}>{t('gapRow', { rank: h.rank, n: formatCount(h.children), km: formatNumber(h.areaKm2, 2) })}</li>
        ))}
      </ol>
    </div>
  );
}

function Facilities({ data, categories }: { data: ProfileData; categories: CategoryInfo[] }) {
  const t = useT();
  const lang = useLang();
  const countBy = (features: ProfileData['inside']['features']) => {
    const counts = new Map<string, number>();
    for (const f of features) counts.set(f.properties.category, (counts.get(f.properties.category) ?? 0) + 1);
    return counts;
  };
  const [insideCounts, nearCounts] = [countBy(data.inside.features), countBy(data.near.features)];
  const keys = categories.map((c) => c.key).filter((key) => insideCounts.has(key) || nearCounts.has(key));
  const names = (key: string) => data.inside.features.filter((f) => f.properties.category === key);
  return (
    <>
      <h3>{t('facilitiesInside', { n: data.inside.features.length })}</h3>
      {keys.length === 0 ? (
        <p>{t('noFacilities')}</p>
      ) : (
        <table className="figures counts" data-testid="area-counts">
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('count')}</th>
              <th scope="col">{t('nearColumn', { m: NEAR_METRES })}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const category = categories.find((c) => c.key === key)!;
              const inside = names(key);
              return (
                <tr key={key} data-category={key}>
                  <td>
                    {inside.length > 0 ? (
                      <details>
                        <summary>{labelOf(lang, category)}</summary>
                        <ul className="facility-names">
                          {inside.map((f) => (
                            <li key={f.properties.key}>
                              {f.properties.name}
                              {f.properties.address ? `, ${f.properties.address}` : ''}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      labelOf(lang, category)
                    )}
                  </td>
                  <td>{insideCounts.get(key) ?? 0}</td>
                  <td>{nearCounts.get(key) ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
