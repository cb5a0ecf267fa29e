// Legend of the gap map: measure, unit, fixed classes, gap and catchment layers, method and data date.
import { useT } from '../../kit/i18n.ts';
import { dataDates, formatNumber } from '../../kit/format.ts';
import { CATCHMENT_COLOR, classBreaks, classLabels, GAP_COLOR, NO_DATA_COLOR } from './classes.ts';
import type { PlannerData, PlannerSettings } from './plannerQuery.ts';

type Props = { settings: PlannerSettings; method: PlannerData['coverage']['method']; shareOnNetwork?: number | null };

export function CoverageLegend({ settings, method, shareOnNetwork }: Props) {
  const t = useT();
  const breaks = classBreaks[settings.measure];
  const words = { below: t('classBelow'), between: t('classBetween'), above: t('classAbove') };
  const metres = formatNumber(method.thresholdMetres, 0);
  return (
    <section className="coverage-legend" aria-labelledby="coverage-legend-title" data-testid="coverage-legend">
      <h3 id="coverage-legend-title">
        {t(`legend_${settings.measure}`)} ({t(`unit_${settings.measure}`)})
      </h3>
      <ul>
        {classLabels(breaks, words).map((label, i) => (
          <li key={label}>
            <span className="class-swatch" style={{ background: breaks.colors[i] }} aria-hidden="true" />
            {label}
          </li>
        ))}
        <li className="wide">
          <span className="class-swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t('noData')}
        </li>
        {settings.showGaps && (
          <li className="wide">
            <span className="class-swatch hatch" style={{ borderColor: GAP_COLOR }} aria-hidden="true" />
            {t('gapsLegend', { m: metres })}
          </li>
        )}
        {settings.showCatchments && (
          <li className="wide">
            <span className="class-swatch ring" style={{ borderColor: CATCHMENT_COLOR }} aria-hidden="true" />
            {t('catchmentLegend', { m: metres })}
          </li>
        )}
      </ul>
      <p className="hint">
        {method.distanceModel === 'NETWORK'
          ? t('reachNoteNetwork', { m: metres, share: `${formatNumber((shareOnNetwork ?? 0) * 100, 0)} %` })
          : t('reachNote', { m: metres })}
        {method.detourFactor !== 1 ? t('detourNote', { f: formatNumber(method.detourFactor, 2) }) : ''} ({method.thresholdSource}).{' '}
        {t('fixedClasses')} <span data-testid="data-as-of">{t('dataAsOf', dataDates(method))}</span>
      </p>
      <p className="hint" data-testid="spread-note">
        {method.distribution === 'CENSUS' && method.censusSource ? t('spreadCensus') : t('spreadEven')}
      </p>
      {method.populationIsEstimate && <p className="estimate">{t('estimateChildren')}</p>}
    </section>
  );
}
