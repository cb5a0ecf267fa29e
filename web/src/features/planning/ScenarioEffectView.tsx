// The effect of a scenario on one target: per Aktionsraum that changes (and the one asked about)
// and for the city, the share within reach before and after, the children gaining and losing
// reach, the rank; the cells that change; the assumptions; the equity measures before and after.
import type { ScenarioEffectQuery } from '../../gql/graphql.ts';
import { dataDates, formatNumber } from '../../kit/format.ts';
import { useT } from '../../kit/i18n.ts';

const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${formatNumber(share * 100, 1)} %`);
const figure = (value: number | null | undefined, decimals = 3) => (value === null || value === undefined ? '–' : formatNumber(value, decimals));

export function ScenarioEffectView({ value, suggestFor }: { value: ScenarioEffectQuery['scenarioEffect']; suggestFor: string | null }) {
  const t = useT();
  const changedRows = value.aktionsraeume.filter((a) => a.newlyWithin.value !== 0 || a.newlyBeyond.value !== 0 || a.rankBefore !== a.rankAfter || a.area.code === suggestFor);
  return (
    <>
      <table className="scenario-table" data-testid="scenario-effect">
        <caption>{t('scenarioEffect')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scenarioArea')}</th>
            <th scope="col">{t('scenarioBefore')}</th>
            <th scope="col">{t('scenarioAfter')}</th>
            <th scope="col">{t('scenarioGain')}</th>
            <th scope="col">{t('scenarioLoss')}</th>
            <th scope="col">{t('scenarioRank')}</th>
          </tr>
        </thead>
        <tbody>
          {[...changedRows, value.city].map((row) => (
            <tr key={row.area.code} data-area={row === value.city ? 'city' : row.area.code}>
              <th scope="row">{row === value.city ? t('scenarioCity') : row.area.name}</th>
              <td>{percent(row.before.shareWithin)}</td>
              <td>{percent(row.after.shareWithin)}</td>
              <td data-testid="gain">+{row.newlyWithin.display}</td>
              <td>−{row.newlyBeyond.display}</td>
              <td>{row.rankBefore === null ? '–' : `${row.rankBefore} → ${row.rankAfter}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="scenario-cells">{t('scenarioCells', { gain: value.difference.cellsGaining, loss: value.difference.cellsLosing })}</p>
      {value.changes.otherCategories > 0 && <p className="hint">{t('scenarioOtherCategories', { n: value.changes.otherCategories })}</p>}
      {value.changes.assumptions.map((a) => (
        <p key={a} className="estimate">
          {a}
        </p>
      ))}
      {value.method.populationIsEstimate && <p className="estimate">{t('scenarioEstimate', { date: dataDates(value.method).population })}</p>}
      <table className="scenario-table" data-testid="equity">
        <caption>{t('equityTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('equityMeasure')}</th>
            <th scope="col">{t('scenarioBefore')}</th>
            <th scope="col">{t('scenarioAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {(['giniSupply', 'giniDistance', 'palmaRatio', 'concentrationIndex', 'shareWithinAktionsraeume', 'shareWithinRest', 'shareGapPoints'] as const).map((key) => {
            const show = (v: number | null) => (key.startsWith('shareWithin') ? percent(v) : figure(v, key === 'shareGapPoints' ? 1 : 3));
            return (
              <tr key={key}>
                <th scope="row">{t(`equity_${key}`)}</th>
                <td>{show(value.equity.before[key])}</td>
                <td>{show(value.equity.after[key])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="hint">
        <summary>{t('equityMeasure')}</summary>
        {value.equity.method}
      </details>
    </>
  );
}
