// The partners found around a place: nearest first with distance and walking minutes (the API's
// estimate), marked on the map when chosen, as CSV or print.
import { useEffect, useRef } from 'react';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { formatNumber, formatToday } from '../../kit/format.ts';
import { useOfferLabel } from '../editing/useOfferLabel.ts';
import { downloadCsv } from '../coverage/downloadCsv.ts';
import type { PartnerData } from './partnerQuery.ts';

type ListProps = {
  data: PartnerData;
  /** The walking assumption behind the minutes, from the API. */
  walking: { walkingDetourFactor: number; walkingMetresPerMinute: number; distanceModel: 'STRAIGHT' | 'NETWORK' };
  place: string;
  kinds: string[];
  onExportGeoJson: () => void;
  /** The partner chosen on the map or in the list: its row is marked and scrolled into view. */
  active: string | null;
  onSelect: (key: string | null) => void;
};

export function PartnerList({ data, walking, place, kinds, onExportGeoJson, active, onSelect }: ListProps) {
  const t = useT();
  const lang = useLang();
  const offerLabel = useOfferLabel();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (active) table.current?.querySelector(`tr[data-key="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const { items, radiusMetres } = data.facilitiesNear;
  const rows = items.map((item) => ({
    name: item.facility.name,
    category: labelOf(lang, item.facility.category),
    address: item.facility.address?.formatted ?? '',
    distance: `${formatNumber(item.distanceMetres, 0)} m${item.measuredOn === 'STRAIGHT' && walking.distanceModel === 'NETWORK' ? ` (${t('straightShort')})` : ''}`,
    minutes: t('minutes', { n: item.walkingMinutes }),
    phone: item.facility.contact.phone ?? '',
    email: item.facility.contact.email ?? '',
    offers: item.facility.offers.map(offerLabel).join(', '),
    school: item.facility.schools
      .map((s) => [s.socialIndex === null || s.socialIndex === undefined ? t('socialIndexNone') : t('socialIndexValue', { n: String(s.socialIndex) }), s.startchancen ? t('schoolsStartchancenOne') : ''].filter(Boolean).join(', '))
      .join('; '),
    item,
  }));
  const exportCsv = () =>
    downloadCsv(
      'versorgungsatlas-partner.csv',
      lang,
      t('csvNotePartners', { place, m: radiusMetres, kinds: kinds.join(', '), link: window.location.href }),
      [t('facility'), t('category'), t('address'), t('phone'), t('email'), t('offers'), t('schoolColumn'), `${t('distance')} (m)`, `${t('walking')} (min)`, t('col_longitude'), t('col_latitude')],
      rows.map((r) => [
        r.name,
        r.category,
        r.address,
        r.phone,
        r.email,
        r.offers,
        r.school,
        r.item.distanceMetres,
        r.item.walkingMinutes,
        r.item.facility.location.longitude,
        r.item.facility.location.latitude,
      ]),
    );
  return (
    <section aria-labelledby="partner-results-title">
      <p className="print-only print-kicker">
        {t('title')} · {t('partnersAround', { place })} · {formatNumber(radiusMetres, 0)} m · {formatToday()}
      </p>
      <div className="section-head">
        <h3 id="partner-results-title">{t('results', { n: items.length })}</h3>
        <span className="no-print button-row">
          <button type="button" className="small-button" onClick={exportCsv} disabled={!items.length} data-testid="partner-csv">
            {t('downloadCsv')}
          </button>
          <button type="button" className="small-button" onClick={() => window.print()} disabled={!items.length}>
            {t('printList')}
          </button>
          <button type="button" className="small-button" onClick={onExportGeoJson} disabled={!items.length}>
            GeoJSON
          </button>
        </span>
      </div>
      {items.length === 0 ? (
        <p data-testid="partner-empty">{t('resultsNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="figures partners" data-testid="partner-results" ref={table}>
            <thead>
              <tr>
                <th scope="col">{t('facility')}</th>
                <th scope="col">
                  {t('distance')} / {t('walking')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.item.facility.key}
                  data-key={r.item.facility.key}
                  data-distance={r.item.distanceMetres}
                  className={active === r.item.facility.key ? 'active' : undefined}
                  aria-current={active === r.item.facility.key ? 'true' : undefined}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(active === r.item.facility.key ? null : r.item.facility.key)}
                      aria-pressed={active === r.item.facility.key}
                      title={t('showOnMap')}
                      data-testid="partner-show"
                    >
                      <strong>{r.name}</strong>
                    </button>
                    <br />
                    <small>
                      {r.category}
                      {r.address ? ` · ${r.address}` : ''}
                      {r.school && <span data-testid="partner-school"> · {r.school}</span>}
                    </small>
                    {(r.phone || r.offers) && (
                      <>
                        <br />
                        <small data-testid="partner-contact">
                          {r.phone ? `${t('phone')} ${r.phone}` : ''}
                          {r.phone && r.offers ? ' · ' : ''}
                          {r.offers}
                        </small>
                      </>
                    )}
                  </td>
                  <td>
                    <span data-testid="partner-distance">{r.distance}</span>
                    <br />
                    <small>{r.minutes}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        {t(walking.distanceModel === 'NETWORK' ? 'walkingNoteNetwork' : 'walkingNote', { detour: formatNumber(walking.walkingDetourFactor, 1), speed: formatNumber((walking.walkingMetresPerMinute * 60) / 1000, 1) })}
      </p>
    </section>
  );
}
