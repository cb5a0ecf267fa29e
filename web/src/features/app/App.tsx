import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { atlasDataQuery, type FacilityProperties } from '../../api/queries.ts';
import { AktionsraumList } from '../areas/AktionsraumList.tsx';
import { setNumberLocale } from '../../kit/format.ts';
import { downloadFile } from '../coverage/downloadCsv.ts';
import { PlannerView } from '../coverage/PlannerView.tsx';
import {
  targetCategories,
  type PlannerSettings,
} from '../coverage/plannerQuery.ts';
import { CategoryLegend } from '../facilities/CategoryLegend.tsx';
import { defaultCategories } from '../facilities/categoryStyle.ts';
import { FacilityDetails } from '../facilities/FacilityDetails.tsx';
import { circleAround } from '../map/catchments.ts';
import { MapView } from '../map/MapView.tsx';
import type { Origin, PartnerSettings } from '../partners/partnerQuery.ts';
import { PartnerSearch } from '../partners/PartnerSearch.tsx';
import { AreaProfile } from '../profile/AreaProfile.tsx';
import { EditingPanel } from '../editing/EditingPanel.tsx';
import { useMe } from '../editing/Session.tsx';
import { AppHeader } from './AppHeader.tsx';
import { useFocusReturn } from './useFocusReturn.ts';
import type { Selection } from '../profile/profileQuery.ts';
import { ActionPlanView } from '../planning/ActionPlanView.tsx';
import { ScenarioPanel } from '../planning/ScenarioPanel.tsx';
import { useScenarioDraft } from '../planning/useScenarioDraft.ts';
import { useScenarioData } from '../planning/useScenario.ts';
import { labelOf, LangContext, translate, type Lang } from '../../kit/i18n.ts';
import { readUrlState, writeUrlState, type View } from './urlState.ts';
import { layersAsGeoJson, overlaysFor } from './overlays.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { useViewData } from './useViewData.ts';

export function App() {
  const [initial] = useState(readUrlState);
  const [lang, setLang] = useState<Lang>(initial.lang);
  const switchLanguage = (next: Lang) => {
    setNumberLocale(next);
    setLang(next);
  };
  const t = translate(lang);
  const data = useGraphQL(atlasDataQuery, {});
  const [view, setView] = useState<View>(initial.view);
  const [selection, setSelection] = useState<Selection | null>(initial.selection);
  const [categories, setCategories] = useState<string[]>(initial.categories ?? defaultCategories);
  const [planner, setPlanner] = useState<PlannerSettings>(initial.planner);
  const [partner, setPartner] = useState<PartnerSettings>(initial.partner);
  const [scenarioOpen, setScenarioOpen] = useState(initial.scenario.open);
  const scenario = useScenarioDraft(initial.scenario, lang);
  const { draft, suggest } = scenario;
  const [planYear, setPlanYear] = useState<number | null>(initial.planYear);
  /** The scenario the next measure of the action plan links to. */
  const [measureScenario, setMeasureScenario] = useState<string | null>(null);
  /** The partner shown with its popup, from the list or the map; a new search clears it. */
  const [activePartner, setActivePartner] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new place, radius or kind set starts without a chosen partner
  useEffect(() => setActivePartner(null), [partner.origin, partner.radius, partner.kinds]);
  const [facility, setFacility] = useState<FacilityProperties | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const me = useMe();
  /** Where an editor placed a new facility (a click on the map in the data-care view). */
  const [newPoint, setNewPoint] = useState<{ longitude: number; latitude: number } | null>(null);
  const viewData = useViewData({ view, lang, planner, selection, partner });
  const scenarioData = useScenarioData({ open: view === 'luecken' && scenarioOpen, draft, planner, lang, suggest });
  const { planning, plannerData, gaps, children, schools, need, profile, partnerResults, searching } = viewData;
  // Here, not from the hook, so that TypeScript knows the selection is set where it is true.
  const showProfile = selection !== null && view !== 'partner' && view !== 'plan';

  useEffect(
    () => writeUrlState({ view, lang, selection, categories, planner, partner, scenario: { open: scenarioOpen, key: draft.key, changes: draft.changes }, planYear }),
    [view, lang, selection, categories, planner, partner, scenarioOpen, draft, planYear],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang)('title');
  }, [lang]);

  // A place restored from a link names its facility once the facilities are loaded.
  useEffect(() => {
    if (data.status !== 'done' || !partner.origin?.facilityKey || partner.origin.name) return;
    const feature = data.value.facilities.features.find((f) => f.properties.key === partner.origin!.facilityKey);
    if (feature) setPartner((p) => ({ ...p, origin: p.origin && { ...p.origin, name: feature.properties.name } }));
  }, [data, partner.origin]);

  const focus = useFocusReturn();
  const select = useCallback(
    (next: Selection | null) => {
      setFacility(null);
      focus(next !== null);
      setSelection(next);
    },
    [focus],
  );
  const selectCoverageArea = useCallback((code: string) => select({ level: planner.level, code }), [planner.level, select]);
  const selectAktionsraum = useCallback((code: string) => select({ level: 'AKTIONSRAUM', code }), [select]);
  const changeView = (next: View) => {
    setView(next);
    setFacility(null);
    if (next !== view) setSelection(null);
  };
  const pickPlace = useCallback(
    (longitude: number, latitude: number, picked: FacilityProperties | null) => {
      if (data.status !== 'done') return;
      if (view === 'redaktion') return setNewPoint({ longitude, latitude });
      if (view === 'luecken') {
        const targets = targetCategories(planner.target, data.value.taxonomy.categories);
        return scenario.clickMap(targets, longitude, latitude, picked && { key: picked.key, name: picked.name, category: picked.category });
      }
      const feature = picked && data.value.facilities.features.find((f) => f.properties.key === picked.key);
      const origin: Origin = feature
        ? { longitude: feature.geometry.coordinates[0], latitude: feature.geometry.coordinates[1], facilityKey: feature.properties.key, name: feature.properties.name }
        : { longitude, latitude, facilityKey: null, name: null };
      setPartner((p) => ({ ...p, origin }));
    },
    [data, view, planner.target, scenario.clickMap],
  );

  const atlas = data.status === 'done' ? data.value : null;
  const shownCategories = useMemo(() => {
    if (view === 'partner') return partner.kinds;
    if (view === 'luecken' && atlas) return targetCategories(planner.target, atlas.taxonomy.categories);
    return categories;
  }, [view, partner.kinds, planner.target, categories, atlas]);

  const selectionShape = useMemo((): Feature<Polygon | MultiPolygon> | null => {
    if (!showProfile || !atlas) return null;
    if (selection.level === 'AKTIONSRAUM') return atlas.aktionsraeume.features.find((f) => f.properties.code === selection.code) ?? null;
    if (profile.status === 'done' && profile.value.area) return { type: 'Feature', properties: { code: selection.code }, geometry: profile.value.area.geometry };
    return null;
  }, [showProfile, selection, atlas, profile]);

  const partnerRadius = useMemo((): FeatureCollection | null => {
    if (view !== 'partner' || !partner.origin) return null;
    return { type: 'FeatureCollection', features: [circleAround(partner.origin.longitude, partner.origin.latitude, partner.radius, { radiusMetres: partner.radius })] };
  }, [view, partner.origin, partner.radius]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: viewData is a new object every render; its parts are the dependencies
  const overlays = useMemo(
    () =>
      overlaysFor({
        data: viewData,
        planner,
        atlas,
        shownCategories,
        selectionShape,
        partnerRadius,
        origin: partner.origin,
        scenario: view === 'luecken' && scenarioOpen ? { draft, effect: scenarioData.effect, suggestions: scenarioData.suggestions } : null,
      }),
    [plannerData, gaps, children, schools, profile, partnerResults, planning, showProfile, planner, atlas, shownCategories, selectionShape, partnerRadius, partner.origin, view, scenarioOpen, draft, scenarioData.effect, scenarioData.suggestions],
  );

  const exportGeoJson = () => {
    if (atlas) downloadFile(`versorgungsatlas-${view}.geojson`, JSON.stringify(layersAsGeoJson(view, atlas, shownCategories, overlays)), 'application/geo+json');
  };

  const targetItem = atlas?.taxonomy.fieldsOfAction.find((f) => `field:${f.key}` === planner.target) ?? atlas?.taxonomy.categories.find((c) => c.key === planner.target);
  const targetLabel = `${targetItem ? labelOf(lang, targetItem) : planner.target}, ${t(`age_${planner.ageBand}`)}`;

  const targetKeys = atlas ? targetCategories(planner.target, atlas.taxonomy.categories) : [];
  const aktionsraumList = atlas ? atlas.aktionsraeume.features.map((f) => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.name.localeCompare(b.name, 'de')) : [];
  const toMeasure = (key: string) => {
    setMeasureScenario(key);
    setFacility(null);
    setView('plan');
    setSelection(suggest?.area ? { level: 'AKTIONSRAUM', code: suggest.area } : selection?.level === 'AKTIONSRAUM' ? selection : null);
  };

  return (
    <LangContext.Provider value={lang}>
      <div className={`app view-${view}`}>
        <a className="skip-link" href="#panel">
          {t('skipToPanel')}
        </a>
        <AppHeader view={view} onView={changeView} me={me} lang={lang} onLang={switchLanguage} />
        <main className="app-main">
          {data.status === 'loading' && (
            <p className="status" role="status">
              {t('loadingAtlas')}
            </p>
          )}
          {data.status === 'error' && (
            <p className="status error" role="alert">
              {t('loadAtlasFailed')} {data.message}
            </p>
          )}
          {atlas && (
            <>
              <MapView
                data={atlas}
                overlays={overlays}
                facilityCategories={shownCategories}
                hovered={hovered}
                onHover={setHovered}
                pickPlace={view === 'partner' || view === 'redaktion' || (view === 'luecken' && scenarioOpen)}
                onPickPlace={pickPlace}
                onSelectCoverageArea={selectCoverageArea}
                onSelectAktionsraum={selectAktionsraum}
                onSelectFacility={setFacility}
                activePartner={activePartner}
                onSelectPartner={setActivePartner}
              />
              <aside className="panel" id="panel" tabIndex={-1} aria-label={t('details')}>
                {facility && <FacilityDetails facility={facility} categories={atlas.taxonomy.categories} me={me} onClose={() => setFacility(null)} />}
                {showProfile ? (
                  <AreaProfile selection={selection} profile={profile} categories={atlas.taxonomy.categories} targetLabel={targetLabel} onClose={() => select(null)} />
                ) : view === 'luecken' ? (
                  <PlannerView
                    taxonomy={atlas.taxonomy}
                    settings={planner}
                    onChange={setPlanner}
                    data={plannerData}
                    gaps={planner.showGaps ? gaps : null}
                    childrenLayer={planner.showChildren ? children : null}
                    schoolLayer={planner.showSchools ? schools : null}
                    need={need}
                    hovered={hovered}
                    onHover={setHovered}
                    onSelect={selectCoverageArea}
                    onExportGeoJson={exportGeoJson}
                    targetLabel={targetLabel}
                  >
                    <button type="button" className="small-button" aria-pressed={scenarioOpen} onClick={() => setScenarioOpen(!scenarioOpen)} data-testid="scenario-toggle">
                      {scenarioOpen ? t('scenarioClose') : t('scenarioOpen')}
                    </button>
                    {scenarioOpen && (
                      <ScenarioPanel
                        taxonomy={atlas.taxonomy}
                        aktionsraeume={aktionsraumList}
                        categories={targetKeys}
                        newCategory={scenario.newCategory && targetKeys.includes(scenario.newCategory) ? scenario.newCategory : (targetKeys[0] ?? '')}
                        onNewCategory={scenario.setNewCategory}
                        newCapacity={scenario.newCapacity}
                        onNewCapacity={scenario.setNewCapacity}
                        draft={draft}
                        onDraft={scenario.setDraft}
                        picked={scenario.picked}
                        onPick={scenario.setPicked}
                        moving={scenario.moving}
                        onMove={scenario.setMoving}
                        effect={scenarioData.effect}
                        suggestions={scenarioData.suggestions}
                        suggestFor={selection?.level === 'AKTIONSRAUM' ? selection.code : null}
                        canSuggest={scenarioData.category !== null}
                        onSuggest={scenario.setSuggest}
                        me={me}
                        onToMeasure={toMeasure}
                      />
                    )}
                  </PlannerView>
                ) : view === 'plan' ? (
                  <ActionPlanView
                    aktionsraeume={aktionsraumList}
                    code={selection?.level === 'AKTIONSRAUM' ? selection.code : null}
                    onChoose={(code) => setSelection(code ? { level: 'AKTIONSRAUM', code } : null)}
                    year={planYear ?? new Date().getFullYear()}
                    onYear={setPlanYear}
                    me={me}
                    scenarioKey={measureScenario}
                    planner={planner}
                    categories={atlas.taxonomy.categories}
                    targetLabel={targetLabel}
                  />
                ) : view === 'partner' ? (
                  <PartnerSearch
                    data={atlas}
                    settings={partner}
                    onChange={setPartner}
                    results={searching ? partnerResults : null}
                    onExportGeoJson={exportGeoJson}
                    activePartner={activePartner}
                    onSelectPartner={setActivePartner}
                  />
                ) : view === 'redaktion' ? (
                  <EditingPanel me={me} categories={atlas.taxonomy.categories} point={newPoint} onSaved={() => setNewPoint(null)} />
                ) : (
                  <AktionsraumList areas={atlas.aktionsraeume} onSelect={selectAktionsraum} />
                )}
                {view === 'karte' && (
                  <>
                    <CategoryLegend taxonomy={atlas.taxonomy} selected={categories} onChange={setCategories} />
                    <button type="button" className="small-button" onClick={exportGeoJson} data-testid="export-geojson">
                      {t('downloadGeoJson')}
                    </button>
                  </>
                )}
                <p className="hint sources-note">{t('sources')}</p>
                <p className="hint gis-note" data-testid="gis-links">
                  {t('forGis')} <a href="/ogc?f=html">{t('forGisOgc')}</a> ({window.location.origin}/ogc) · <a href="/tiles">{t('forGisTiles')}</a> (
                  {window.location.origin}/tiles) · {t('forGisGraphql')} ({window.location.origin}/graphql)
                </p>
              </aside>
            </>
          )}
        </main>
      </div>
    </LangContext.Provider>
  );
}
