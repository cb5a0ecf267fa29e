// Legend of the "where children live" layer: fixed classes per 100 m cell, the total, and how the
// children were placed (an estimate, the census grid, the sub-districts spread evenly).
import { useT } from '../../kit/i18n.ts';
import { formatCount } from '../../kit/format.ts';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import { childrenClasses, classLabels } from './classes.ts';
import type { ChildrenData } from './plannerQuery.ts';

export function ChildrenLegend({ layer }: { layer: AsyncState<ChildrenData> }) {
  const t = useT();
  if (layer.status === 'loading') return <p role="status">{t('childrenLoading')}</p>;
  if (layer.status === 'error') {
    return (
      <p role="alert" className="error">
        {t('childrenFailed')} {layer.message}
      </p>
    );
  }
  const grid = layer.value.childrenGrid;
  const words = { below: t('classBelow'), between: t('classBetween'), above: t('classAbove') };
  const fallback = grid.method.evenSpreadSubDistricts;
  return (
    <section className="coverage-legend" aria-labelledby="children-legend-title" data-testid="children-legend">
      <h3 id="children-legend-title">{t('childrenTitle')}</h3>
      <ul>
        {classLabels({ bounds: childrenClasses.bounds }, words).map((label, i) => (
          <li key={label}>
            <span className="class-swatch" style={{ background: childrenClasses.colors[i] }} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      <p data-testid="children-summary">{t('childrenSummary', { n: formatCount(grid.children), k: grid.cellCount })}</p>
      <p className="estimate">{t('childrenNote')}</p>
      {fallback.length > 0 && <p className="hint">{t('childrenFallback', { list: fallback.join(', ') })}</p>}
    </section>
  );
}
