// Partner search for youth services: a place (map click or search in the atlas's own facilities),
// kinds and a radius; the partners around it nearest first, with walking minutes, as CSV or print.
import { useId, useMemo, useState } from 'react';
import type { AtlasData } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { type AsyncState, useGraphQL } from '../../kit/useGraphQL.ts';
import { editingChoicesQuery } from '../editing/editingApi.ts';
import { formatNumber } from '../../kit/format.ts';
import { colorOf } from '../facilities/categoryStyle.ts';
import { PartnerList } from './PartnerList.tsx';
import { type Place, placesOf, radii, searchPlaces, type Origin, type PartnerData, type PartnerSettings } from './partnerQuery.ts';

type Props = {
  data: AtlasData;
  settings: PartnerSettings;
  onChange: (settings: PartnerSettings) => void;
  results: AsyncState<PartnerData> | null;
  onExportGeoJson: () => void;
  activePartner: string | null;
  onSelectPartner: (key: string | null) => void;
};

export function originLabel(origin: Origin, t: ReturnType<typeof useT>) {
  return origin.name ?? t('clickedPoint', { lat: origin.latitude.toFixed(5), lon: origin.longitude.toFixed(5) });
}

export function PartnerSearch({ data, settings, onChange, results, onExportGeoJson, activePartner, onSelectPartner }: Props) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState('');
  const listId = useId();
  const places = useMemo(() => placesOf(data), [data]);
  const addresses = useMemo(() => new Map(data.facilities.features.map((f) => [f.properties.key, f.properties.address])), [data]);
  const matches = searchPlaces(places, text, (p) => (p.facilityKey ? (addresses.get(p.facilityKey) ?? null) : null));
  const choose = (place: Place) => {
    onChange({ ...settings, origin: { longitude: place.longitude, latitude: place.latitude, facilityKey: place.facilityKey, name: place.name } });
    setText('');
  };
  const kindOf = (place: Place) => {
    if (place.kind === 'facility') {
      const category = data.taxonomy.categories.find((c) => c.key === place.detail);
      return category ? labelOf(lang, category) : t('facility');
    }
    if (place.kind === 'street') return t('placeStreet', { n: place.detail ?? '' });
    return t(`levelOne_${place.kind}`);
  };
  const toggle = (key: string) =>
    onChange({ ...settings, kinds: settings.kinds.includes(key) ? settings.kinds.filter((k) => k !== key) : [...settings.kinds, key] });
  const choices = useGraphQL(editingChoicesQuery, {});
  const toggleOffer = (key: string) =>
    onChange({ ...settings, offers: settings.offers.includes(key) ? settings.offers.filter((k) => k !== key) : [...settings.offers, key] });
  const childFields = data.taxonomy.fieldsOfAction.filter((f) => f.key !== 'SONSTIGE');
  const childKinds = data.taxonomy.categories.filter((c) => childFields.some((f) => f.key === c.fieldOfAction)).map((c) => c.key);
  const place = settings.origin ? originLabel(settings.origin, t) : null;

  return (
    <section aria-labelledby="partner-title" data-testid="partner-search" className="partner-search">
      <h2 id="partner-title">{t('partnerTitle')}</h2>
      <p className="hint no-print">{t('partnerHint')}</p>
      <div className="no-print">
        <label className="field">
          {t('searchLabel')}
          <input
            type="search"
            value={text}
            placeholder={t('searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !matches[0]) return;
              e.preventDefault();
              choose(matches[0]);
            }}
            aria-controls={text.trim().length >= 2 ? listId : undefined}
            data-testid="partner-search-input"
          />
        </label>
        {text.trim().length >= 2 && (
          <ul id={listId} className="search-results" aria-label={t('searchLabel')}>
            {matches.length === 0 && <li>{t('searchNoMatch')}</li>}
            {matches.map((place) => (
              <li key={`${place.kind}:${place.facilityKey ?? place.detail ?? ''}:${place.name}`} data-kind={place.kind}>
                <button type="button" className="link-button" onClick={() => choose(place)}>
                  {place.name}
                </button>{' '}
                <small>
                  {kindOf(place)}
                  {place.facilityKey && addresses.get(place.facilityKey) ? ` · ${addresses.get(place.facilityKey)}` : ''}
                </small>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p data-testid="partner-origin">
        <strong>{t('place')}:</strong> {place ?? t('choosePlace')}{' '}
        {settings.origin && (
          <button type="button" className="link-button no-print" onClick={() => onChange({ ...settings, origin: null })}>
            {t('clearPlace')}
          </button>
        )}
      </p>
      <div className="no-print partner-options">
        <label className="field">
          {t('radius')}
          <select value={settings.radius} onChange={(e) => onChange({ ...settings, radius: Number(e.target.value) })} data-testid="partner-radius">
            {radii.map((r) => (
              <option key={r} value={r}>
                {r >= 1000 ? `${formatNumber(r / 1000, r % 1000 ? 1 : 0)} km` : `${r} m`}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="kinds">
          <legend>{t('kinds')}</legend>
          {/* Who looks for one kind (the youth centres near her) starts from none. */}
          <div className="legend-actions">
            <button type="button" onClick={() => onChange({ ...settings, kinds: childKinds })} data-testid="partner-kinds-all">
              {t('kindsAll')}
            </button>
            <button type="button" onClick={() => onChange({ ...settings, kinds: [] })} data-testid="partner-kinds-none">
              {t('kindsNone')}
            </button>
          </div>
          {childFields.map((field) => (
            <div key={field.key} className="kind-group">
              {data.taxonomy.categories
                .filter((c) => c.fieldOfAction === field.key)
                .map((c) => (
                  <label key={c.key} className="legend-item">
                    <input type="checkbox" checked={settings.kinds.includes(c.key)} onChange={() => toggle(c.key)} data-kind={c.key} />
                    <span className="swatch" style={{ background: colorOf(c) }} aria-hidden="true" />
                    {labelOf(lang, c)}
                  </label>
                ))}
            </div>
          ))}
        </fieldset>
        <label className="check wide">
          <input type="checkbox" checked={settings.startchancen} onChange={(e) => onChange({ ...settings, startchancen: e.target.checked })} data-testid="partner-startchancen" />
          {t('startchancenOnly')}
        </label>
        {choices.status === 'done' && (
          <fieldset className="kinds offers-filter" data-testid="partner-offers">
            <legend>{t('offersFilter')}</legend>
            {choices.value.offers.map((o) => (
              <label key={o.key} className="legend-item">
                <input type="checkbox" checked={settings.offers.includes(o.key)} onChange={() => toggleOffer(o.key)} data-offer={o.key} />
                {labelOf(lang, o)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {settings.origin && settings.kinds.length === 0 && <p data-testid="partner-empty">{t('resultsNone')}</p>}
      {results?.status === 'loading' && <p role="status">{t('resultsLoading')}</p>}
      {results?.status === 'error' && (
        <p role="alert" className="error">
          {t('resultsFailed')} {results.message}
        </p>
      )}
      {results?.status === 'done' && settings.origin && (
        <PartnerList
          data={results.value}
          walking={data.atlasSettings}
          place={place!}
          kinds={settings.kinds.map((k) => {
            const category = data.taxonomy.categories.find((c) => c.key === k);
            return category ? labelOf(lang, category) : k;
          })}
          onExportGeoJson={onExportGeoJson}
          active={activePartner}
          onSelect={onSelectPartner}
        />
      )}
    </section>
  );
}
