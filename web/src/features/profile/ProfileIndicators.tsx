// The profile's indicators: 2018, 2024 and the change, estimates marked.
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { formatNumber } from '../../kit/format.ts';
import { profileIndicators, type ProfileData } from './profileQuery.ts';

export function ProfileIndicators({ area }: { area: NonNullable<ProfileData['area']> }) {
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
            // Two releases that measure different things give no change (geodata/indicators.ts).
            const comparable = r.info!.comparableAcrossYears;
            const change = comparable && r.v2018 && r.v2024 ? r.v2024.value - r.v2018.value : null;
            return (
              <tr key={r.key} data-indicator={r.key}>
                <th scope="row">
                  {labelOf(lang, r.info!)}
                  {r.v2024?.isEstimate ? ' *' : ''}
                </th>
                <td>{value(r.v2018)}</td>
                <td>{value(r.v2024)}</td>
                <td data-testid="indicator-change">
                  {!comparable ? (
                    <span title={r.info!.comparabilityNote ?? ''}>{t('notComparable')} ¹</span>
                  ) : change === null ? (
                    '–'
                  ) : (
                    `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatNumber(Math.abs(change), 1)} ${t('points')}`
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {estimate && <p className="estimate">* {t('indicatorEstimate')}</p>}
      {rows
        .filter((r) => !r.info!.comparableAcrossYears)
        .map((r) => (
          <p className="hint" key={r.key} data-testid="indicator-not-comparable">
            ¹ {labelOf(lang, r.info!)}: {r.info!.comparabilityNote}
          </p>
        ))}
    </>
  );
}
