// The area profile (Steckbrief): indicators 2018/2024 with the change, reach per offer against the
// city, gaps, a map, the facilities in and near the area, sources and method. Laid out for A4 when
// printed (see the print rules in styles.css).
import { useEffect, useRef } from 'react';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import { labelOf, useLang, useT, type Translate } from '../../kit/i18n.ts';
import { dataDates, formatNumber, formatToday, sentence } from '../../kit/format.ts';
import type { CategoryInfo } from '../../api/queries.ts';
import { AreaMiniMap } from './AreaMiniMap.tsx';
import { ProfileFacilities } from './ProfileFacilities.tsx';
import { ProfileGaps } from './ProfileGaps.tsx';
import { ProfileIndicators } from './ProfileIndicators.tsx';
import { ProfileReach } from './ProfileReach.tsx';
import { ProfileSchools } from './ProfileSchools.tsx';
import { childCategoryKeys, type ProfileData, type Selection } from './profileQuery.ts';

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

export function ProfileBody({ data, categories, targetLabel }: { data: ProfileData; categories: CategoryInfo[]; targetLabel: string }) {
  const t = useT();
  const lang = useLang();
  const area = data.area!;
  const levelName = t(`levelOne_${area.level}` as Parameters<Translate>[0]);
  const borough = area.parents.find((p) => p.level === 'STADTBEZIRK');
  // A newly opened profile takes the focus (its heading), so that keyboard and screen-reader
  // users start reading where the content changed.
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a different area moves the focus, not new settings
  useEffect(() => heading.current?.focus({ preventScroll: true }), [area.level, area.code]);
  const today = formatToday();
  const method = data.kita.method;
  // The profile is about children and families: the city's other services stay out of it.
  const forChildren = new Set(childCategoryKeys(categories));
  const sources = [...new Set(area.indicators.map((i) => i.indicator.source))];
  return (
    <>
      <p className="print-only print-kicker">
        {t('title')} · {t('profile')} · {today}
      </p>
      <h2 id="area-title" tabIndex={-1} ref={heading}>
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
      <ProfileIndicators area={area} />
      <h3>{t('reachTitle')}</h3>
      <ProfileReach data={data} categories={categories} />
      <h3>{t('gapsTitle', { offer: targetLabel })}</h3>
      <ProfileGaps data={data} />
      <AreaMiniMap
        outline={area.geometry}
        gaps={data.gaps.geojson}
        facilities={{ ...data.inside, features: data.inside.features.filter((f) => forChildren.has(f.properties.category)) }}
        categories={categories.map((c) => ({ key: c.key, fieldOfAction: c.fieldOfAction, label: labelOf(lang, c) }))}
        gapLabel={t('gapsLegend', { m: formatNumber(data.gaps.method.thresholdMetres, 0) })}
      />
      <ProfileSchools data={data} />
      <ProfileFacilities data={data} categories={categories} />
      <section className="profile-sources" aria-labelledby="profile-sources-title">
        <h3 id="profile-sources-title">
          {t('printSources')} · {t('printMethod')}
        </h3>
        <p className="hint">
          {sentence(sources.join('; '))} {sentence(method.populationSource)}{' '}
          <span data-testid="profile-spread">{method.distribution === 'CENSUS' && method.censusSource ? `${t('spreadCensus')} ${t('censusCredit')}` : t('spreadEven')}</span>{' '}
          {sentence(method.distanceKind)}{' '}
          {method.walkingNetwork && <span data-testid="profile-network">{t('networkCredit', { credit: method.walkingNetwork.attribution, licence: method.walkingNetwork.licence })} </span>}
          <span data-testid="profile-data-as-of">{t('dataAsOf', dataDates(method))}</span>
        </p>
        <p className="hint print-only">{t('printCreated', { date: today })}</p>
      </section>
    </>
  );
}
