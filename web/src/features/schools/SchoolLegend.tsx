// Legend of the schools layer: the nine classes of the social index, schools without one, the
// Startchancen ring, and the source.
import { useT } from '../../kit/i18n.ts';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import type { SchoolsQuery } from '../../gql/graphql.ts';
import { NO_INDEX_COLOR, SOCIAL_INDEX_COLORS, STARTCHANCEN_RING } from './schoolLayer.ts';

export function SchoolLegend({ layer }: { layer: AsyncState<SchoolsQuery> }) {
  const t = useT();
  if (layer.status === 'loading') return <p role="status">{t('schoolsLoading')}</p>;
  if (layer.status === 'error') {
    return (
      <p role="alert" className="error">
        {t('schoolsFailed')} {layer.message}
      </p>
    );
  }
  const schools = layer.value.schools;
  return (
    <section className="coverage-legend" aria-labelledby="school-legend-title" data-testid="school-legend">
      <h3 id="school-legend-title">{t('schoolLayerTitle')}</h3>
      <ul className="index-classes">
        {SOCIAL_INDEX_COLORS.map((color, i) => (
          <li key={color} data-index={i + 1}>
            <span className="class-swatch round" style={{ background: color }} aria-hidden="true" />
            {i + 1}
            {i === 0 ? ` ${t('socialIndexLeast')}` : i === 8 ? ` ${t('socialIndexMost')}` : ''}
          </li>
        ))}
        <li data-index="none">
          <span className="class-swatch round" style={{ background: NO_INDEX_COLOR }} aria-hidden="true" />
          {t('socialIndexNone')}
        </li>
        <li>
          <span className="class-swatch round" style={{ background: '#ffffff', border: `3px solid ${STARTCHANCEN_RING}` }} aria-hidden="true" />
          {t('schoolsStartchancenOne')}
        </li>
      </ul>
      <p data-testid="school-summary">
        {t('schoolLayerSummary', { n: String(schools.length), s: String(schools.filter((s) => s.startchancen).length) })}
      </p>
      <p className="hint">{t('schoolLayerNote')}</p>
    </section>
  );
}
