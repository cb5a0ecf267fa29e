// The planner's side panel: settings, legend, gaps, need x provision and the ranking of the gap map.
import type { ReactNode } from 'react';
import type { AtlasData } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { dataDates, formatCount } from '../../kit/format.ts';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import { ChildrenLegend } from './ChildrenLegend.tsx';
import { CoverageLegend } from './CoverageLegend.tsx';
import { NeedChart } from './NeedChart.tsx';
import { PlannerControls } from './PlannerControls.tsx';
import { GAP_LIMIT, type ChildrenData, type GapData, type NeedData, type PlannerData, type PlannerSettings } from './plannerQuery.ts';
import { RankingTable } from './RankingTable.tsx';
import { SchoolLegend } from '../schools/SchoolLegend.tsx';
import type { SchoolsQuery } from '../../gql/graphql.ts';

type Props = {
  taxonomy: AtlasData['taxonomy'];
  settings: PlannerSettings;
  onChange: (settings: PlannerSettings) => void;
  data: AsyncState<PlannerData>;
  gaps: AsyncState<GapData> | null;
  childrenLayer: AsyncState<ChildrenData> | null;
  schoolLayer: AsyncState<SchoolsQuery> | null;
  need: AsyncState<NeedData>;
  hovered: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
  onExportGeoJson: () => void;
  /** The offer and age band in words, e.g. "Kita, unter 6 Jahre". */
  targetLabel: string;
  /** The scenario mode, shown under the settings. */
  children?: ReactNode;
};

export function PlannerView({ taxonomy, settings, onChange, data, gaps, childrenLayer, schoolLayer, need, hovered, onHover, onSelect, onExportGeoJson, targetLabel, children }: Props) {
  const t = useT();
  const lang = useLang();
  const editorOnly = taxonomy.categories.find((c) => c.key === settings.target && !c.inOpenData);
  return (
    <section aria-labelledby="planner-title" data-testid="planner">
      <h2 id="planner-title">{t('viewGaps')}</h2>
      <PlannerControls taxonomy={taxonomy} settings={settings} onChange={onChange} />
      {children}
      {editorOnly && (
        <p className="estimate" role="note" data-testid="editor-only-note">
          {t('editorOnlyNote', { kind: labelOf(lang, editorOnly), n: editorOnly.facilityCount })}
        </p>
      )}
      {data.status === 'loading' && <p role="status">{t('computingCoverage')}</p>}
      {data.status === 'error' && (
        <p role="alert" className="error">
          {t('coverageFailed')} {data.message}
        </p>
      )}
      {data.status === 'done' && (
        <>
          <CoverageLegend settings={settings} method={data.value.coverage.method} shareOnNetwork={data.value.coverage.city.shareOnNetwork} />
          {childrenLayer && <ChildrenLegend layer={childrenLayer} />}
          {schoolLayer && <SchoolLegend layer={schoolLayer} />}
          {gaps?.status === 'loading' && <p role="status">{t('gapsLoading')}</p>}
          {gaps?.status === 'error' && (
            <p role="alert" className="error">
              {t('gapsFailed')} {gaps.message}
            </p>
          )}
          {gaps?.status === 'done' && (
            <p data-testid="gap-summary">
              {t('gapsSummary', { n: formatCount(gaps.value.gaps.childrenBeyond), k: gaps.value.gaps.hotspotCount })}
              {gaps.value.gaps.hotspotCount > GAP_LIMIT ? ` ${t('gapsShown', { k: GAP_LIMIT })}` : ''}
            </p>
          )}
          <button type="button" className="small-button" onClick={onExportGeoJson} data-testid="export-geojson">
            {t('downloadGeoJson')}
          </button>
          {data.value.coverage.areas.length === 0 ? (
            <p>{t('noAreas')}</p>
          ) : (
            <RankingTable
              coverage={data.value.coverage}
              hovered={hovered}
              onHover={onHover}
              onSelect={onSelect}
              csvName={`versorgungsatlas-rangliste-${settings.target.replace('field:', '')}.csv`}
              csvNote={t('csvNoteRanking', {
                offer: targetLabel,
                level: t(`level_${settings.level}`),
                m: data.value.coverage.method.thresholdMetres,
                date: dataDates(data.value.coverage.method).population,
                link: window.location.href,
              })}
            />
          )}
          <section aria-labelledby="need-title">
            <h3 id="need-title">{t('needTitle')}</h3>
            {need.status === 'loading' && <p role="status">{t('needLoading')}</p>}
            {need.status === 'error' && (
              <p role="alert" className="error">
                {t('needFailed')} {need.message}
              </p>
            )}
            {need.status === 'done' && (
              <NeedChart need={need.value.needProvision} labelAll={settings.level === 'AKTIONSRAUM'} hovered={hovered} onHover={onHover} onSelect={onSelect} />
            )}
          </section>
        </>
      )}
    </section>
  );
}
