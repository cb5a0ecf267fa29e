// The MapLibre map: the city's areas with the 13 Aktionsräume highlighted, the facilities by
// category, and the overlays of the views (coverage classes, gaps, catchments, partner search).
// State lives in the parent; this component only mirrors it onto the map.
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AtlasData, FacilityProperties } from '../../api/queries.ts';
import { labelOf, useLang, useT, type Translate } from '../../kit/i18n.ts';
import { formatNumber } from '../../kit/format.ts';
import type { Measure } from '../coverage/classes.ts';
import { categoryColors, fieldColors } from '../facilities/categoryStyle.ts';
import { atlasLayers, colorExpression, GAP_HATCH, hatchImage, labelPoints, LAYERS, overlaySources, plainStyle, SOURCES } from './layers.ts';
import { boundsOf, childrenTileUrl, setSourceData, showCategories, showChildrenTiles, showChoropleth } from './mapHelpers.ts';
import { SCHOOL_LAYER, SCHOOL_SOURCE, schoolTooltip } from '../schools/schoolLayer.ts';

/** The system's "reduce motion" setting (WCAG 2.3.3): the map then neither flies nor fades. */
const reduceMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map instance, for browser tests and debugging in the console. */
    versorgungsatlasMap?: MapLibreMap;
  }
}

/** What the map shows besides the base layers; every entry null when not shown. */
export type Overlays = {
  /** Areas coloured by a coverage measure (planner view); null shows the plain Aktionsräume. */
  choropleth: FeatureCollection | null;
  /** Where children live: the tile set of grid pieces with their children (planner view), e.g. kinder-0-5. */
  childrenTiles: string | null;
  /** The state's schools by social index (planner view). */
  schools: FeatureCollection | null;
  gaps: FeatureCollection | null;
  catchments: FeatureCollection | null;
  /** Outline of the selected area. */
  selection: Feature<Polygon | MultiPolygon> | null;
  partnerRadius: FeatureCollection | null;
  partnerOrigin: FeatureCollection | null;
  partnerResults: FeatureCollection | null;
  /** Grid pieces whose reach a scenario changes (property change: GAIN, LOSS, NEARER, FARTHER). */
  scenarioDifference: FeatureCollection | null;
  /** A scenario's planned, closed and suggested sites (property kind). */
  scenarioPoints: FeatureCollection | null;
  /** The measure the choropleth shows (for its tooltips). */
  measure: Measure | null;
};

type Props = {
  data: AtlasData;
  overlays: Overlays;
  facilityCategories: string[];
  /** Code of the area hovered in the chart or table (coverage layer). */
  hovered: string | null;
  onHover: (code: string | null) => void;
  /** In the partner search a click picks the place instead of opening details. */
  pickPlace: boolean;
  onPickPlace: (longitude: number, latitude: number, facility: FacilityProperties | null) => void;
  onSelectCoverageArea: (code: string) => void;
  onSelectAktionsraum: (code: string) => void;
  onSelectFacility: (facility: FacilityProperties) => void;
  /** Key of the partner highlighted in the list and on the map (with its popup). */
  activePartner: string | null;
  onSelectPartner: (key: string | null) => void;
};

/** Layers that answer a hover with a tooltip, topmost first. */
const TOOLTIP_LAYERS = [LAYERS.scenarioPoint, LAYERS.partnerResult, SCHOOL_LAYER, LAYERS.facilityCircle, LAYERS.scenarioDifferenceFill, LAYERS.gapFill, LAYERS.coverageFill, LAYERS.aktionsraumFill];

export function MapView(props: Props) {
  const { data, overlays, facilityCategories, hovered, onHover, pickPlace, onPickPlace, onSelectCoverageArea, onSelectAktionsraum, onSelectFacility } = props;
  const { activePartner, onSelectPartner } = props;
  const t = useT();
  const lang = useLang();
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const ready = useRef(false);
  const describe = (feature: MapGeoJSONFeature) => tooltipText(feature, t, overlays.measure, (key) => {
    const category = data.taxonomy.categories.find((c) => c.key === key);
    return category ? labelOf(lang, category) : key;
  });
  const handlers = useRef({ onSelectAktionsraum, onSelectFacility, onSelectCoverageArea, onPickPlace, onHover, pickPlace, onSelectPartner, describe });
  handlers.current = { onSelectAktionsraum, onSelectFacility, onSelectCoverageArea, onPickPlace, onHover, pickPlace, onSelectPartner, describe };
  const latest = useRef({ facilityCategories, overlays });
  latest.current = { facilityCategories, overlays };

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style: data.mapConfig.basemapStyleUrl ?? plainStyle,
      bounds: boundsOf(data.stadtbezirke),
      fitBoundsOptions: { padding: 20 },
      hash: 'karte',
      attributionControl: false,
      // Who asks the system for less motion gets labels without fading in and jumps instead of flights.
      fadeDuration: reduceMotion() ? 0 : 300,
    });
    mapRef.current = map;
    window.versorgungsatlasMap = map;
    map.addControl(new AttributionControl({ compact: false, customAttribution: data.mapConfig.attributions }));
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
    map.on('load', () => {
      map.addSource(SOURCES.ubz, { type: 'geojson', data: data.ubz });
      map.addSource(SOURCES.stadtbezirke, { type: 'geojson', data: data.stadtbezirke });
      map.addSource(SOURCES.aktionsraeume, { type: 'geojson', data: data.aktionsraeume, promoteId: 'code' });
      map.addSource(SOURCES.facilities, { type: 'geojson', data: data.facilities });
      map.addSource(SOURCES.aktionsraumLabels, { type: 'geojson', data: labelPoints(data.aktionsraumLabels) });
      map.addSource(SOURCES.stadtbezirkLabels, { type: 'geojson', data: labelPoints(data.stadtbezirkLabels) });
      map.addSource(SOURCES.ubzLabels, { type: 'geojson', data: labelPoints(data.ubzLabels) });
      map.addSource(SOURCES.coverage, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' });
      // Where children live comes as vector tiles (tens of thousands of pieces), cut by the server.
      map.addSource(SOURCES.children, { type: 'vector', tiles: [childrenTileUrl('kinder-0-5')], minzoom: 8, maxzoom: 16 });
      for (const [id, source] of overlaySources) map.addSource(id, id === SOURCES.partnerResults ? { ...source, promoteId: 'key' } : source);
      map.addImage(GAP_HATCH, hatchImage());
      for (const layer of atlasLayers(colorExpression(categoryColors, fieldColors.sonstige))) map.addLayer(layer);
      showCategories(map, latest.current.facilityCategories);
      applyOverlays(map, latest.current.overlays);
      ready.current = true;
      container.current?.setAttribute('data-map-ready', 'true');
    });
    map.on('click', (event) => {
      // A partner found by the search shows its details; it never moves the search's centre.
      const [partnerDot] = map.getLayer(LAYERS.partnerResult) ? map.queryRenderedFeatures(event.point, { layers: [LAYERS.partnerResult] }) : [];
      if (partnerDot) return handlers.current.onSelectPartner(String(partnerDot.properties.key));
      const [facility] = map.queryRenderedFeatures(event.point, { layers: [LAYERS.facilityCircle] });
      if (handlers.current.pickPlace) {
        const properties = facility ? (facility.properties as FacilityProperties) : null;
        return handlers.current.onPickPlace(event.lngLat.lng, event.lngLat.lat, properties);
      }
      if (facility) return handlers.current.onSelectFacility(facility.properties as FacilityProperties);
      const [shaded] = map.getLayoutProperty(LAYERS.coverageFill, 'visibility') === 'visible' ? map.queryRenderedFeatures(event.point, { layers: [LAYERS.coverageFill] }) : [];
      if (shaded) return handlers.current.onSelectCoverageArea(String(shaded.properties.code));
      const [area] = map.queryRenderedFeatures(event.point, { layers: [LAYERS.aktionsraumFill] });
      if (area) handlers.current.onSelectAktionsraum(String(area.properties.code));
    });
    let hoveredArea: MapGeoJSONFeature | null = null;
    map.on('mousemove', LAYERS.aktionsraumFill, (event) => {
      if (hoveredArea) map.setFeatureState(hoveredArea, { hover: false });
      hoveredArea = event.features?.[0] ?? null;
      if (hoveredArea) map.setFeatureState(hoveredArea, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', LAYERS.aktionsraumFill, () => {
      if (hoveredArea) map.setFeatureState(hoveredArea, { hover: false });
      hoveredArea = null;
      map.getCanvas().style.cursor = '';
    });
    map.on('mousemove', LAYERS.coverageFill, (event) => {
      const code = event.features?.[0]?.properties.code;
      if (code !== undefined) handlers.current.onHover(String(code));
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', LAYERS.coverageFill, () => {
      handlers.current.onHover(null);
      map.getCanvas().style.cursor = '';
    });
    // A tooltip names what is under the pointer: the area with its measure, a gap, a facility.
    const tooltip = new Popup({ closeButton: false, closeOnClick: false, className: 'map-tooltip', offset: 12, maxWidth: '260px' });
    map.on('mousemove', (event) => {
      const layers = TOOLTIP_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const [feature] = map.queryRenderedFeatures(event.point, { layers });
      const words = feature ? handlers.current.describe(feature) : null;
      if (!words) {
        tooltip.remove();
        return;
      }
      tooltip.setLngLat(event.lngLat).setText(words);
      if (!tooltip.isOpen()) tooltip.addTo(map);
      container.current?.setAttribute('data-tooltip', words);
    });
    map.on('mouseout', () => tooltip.remove());
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [data]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer(LAYERS.facilityCircle)) showCategories(map, facilityCategories);
  }, [facilityCategories]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer(LAYERS.coverageFill)) applyOverlays(map, overlays);
  }, [overlays]);

  // The hovered area (from chart, table or map) is outlined on the coverage layer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new choropleth data drops feature states, so the outline is set again
  useEffect(() => {
    const map = mapRef.current;
    if (!map?.getLayer(LAYERS.coverageFill) || !hovered) return;
    map.setFeatureState({ source: SOURCES.coverage, id: hovered }, { hover: true });
    return () => {
      if (map.getSource(SOURCES.coverage)) map.setFeatureState({ source: SOURCES.coverage, id: hovered }, { hover: false });
    };
  }, [hovered, overlays.choropleth]);

  // A newly selected area or a new partner search is brought into view. (`map.loaded()` is false
  // while any source is still loading, and 'load' fires only once: hence a flag of our own.)
  const focus = overlays.selection ?? overlays.partnerRadius;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const move = () => map.fitBounds(boundsOf(focus), { padding: 60, maxZoom: 16, duration: reduceMotion() ? 0 : 600 });
    if (ready.current) move();
    else map.once('load', move);
  }, [focus]);

  // The active partner: ringed on the map, with a popup of its details.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready.current || !activePartner) return;
    const feature = overlays.partnerResults?.features.find((f) => f.properties?.key === activePartner);
    if (feature?.geometry.type !== 'Point') return;
    map.setFeatureState({ source: SOURCES.partnerResults, id: activePartner }, { active: true });
    const p = feature.properties as FacilityProperties;
    const category = data.taxonomy.categories.find((c) => c.key === p.category);
    const body = document.createElement('div');
    body.className = 'partner-popup';
    body.dataset.testid = 'partner-popup';
    for (const [tag, words] of [
      ['strong', p.name],
      ['span', category ? labelOf(lang, category) : p.category],
      ['span', p.address ?? ''],
      ['span', p.distanceMetres !== undefined ? `${formatNumber(p.distanceMetres, 0)} m` : ''],
    ] as const) {
      if (!words) continue;
      const element = document.createElement(tag);
      element.textContent = words;
      body.append(element);
    }
    const [longitude, latitude] = feature.geometry.coordinates;
    const popup = new Popup({ offset: 14, maxWidth: '280px', focusAfterOpen: false }).setLngLat([longitude, latitude]).setDOMContent(body).addTo(map);
    // Closed by the user: no partner is chosen any more. (Not when another one replaces it.)
    const closed = () => onSelectPartner(null);
    popup.on('close', closed);
    if (!map.getBounds().contains([longitude, latitude])) map.easeTo({ center: [longitude, latitude], duration: reduceMotion() ? 0 : 400 });
    return () => {
      popup.off('close', closed);
      popup.remove();
      if (map.getSource(SOURCES.partnerResults)) map.setFeatureState({ source: SOURCES.partnerResults, id: activePartner }, { active: false });
    };
  }, [activePartner, overlays.partnerResults, data, lang, onSelectPartner]);

  return <section ref={container} className="map" aria-label={t('mapLabel')} data-testid="map" />;
}

function applyOverlays(map: MapLibreMap, overlays: Overlays) {
  showChoropleth(map, overlays.choropleth);
  showChildrenTiles(map, overlays.childrenTiles);
  setSourceData(map, SOURCES.gaps, overlays.gaps);
  setSourceData(map, SOURCES.catchments, overlays.catchments);
  setSourceData(map, SOURCES.selection, overlays.selection ? { type: 'FeatureCollection', features: [overlays.selection] } : null);
  setSourceData(map, SOURCES.partnerRadius, overlays.partnerRadius);
  setSourceData(map, SOURCES.partnerOrigin, overlays.partnerOrigin);
  setSourceData(map, SOURCES.partnerResults, overlays.partnerResults);
  setSourceData(map, SOURCES.scenarioDifference, overlays.scenarioDifference);
  setSourceData(map, SOURCES.scenarioPoints, overlays.scenarioPoints);
  setSourceData(map, SCHOOL_SOURCE, overlays.schools);
}

/** The words of a tooltip for a feature under the pointer, or null for none. */
function tooltipText(feature: MapGeoJSONFeature, t: Translate, measure: Measure | null, categoryLabel: (key: string) => string): string | null {
  const p = feature.properties;
  switch (feature.layer.id) {
    case LAYERS.partnerResult:
      return `${p.name} · ${categoryLabel(String(p.category))} · ${formatNumber(Number(p.distanceMetres), 0)} m`;
    case SCHOOL_LAYER:
      return schoolTooltip(p, t);
    case LAYERS.facilityCircle:
      return `${p.name} · ${categoryLabel(String(p.category))}`;
    case LAYERS.scenarioPoint:
      return p.kind === 'suggestion' ? `${t('suggestTitle')} ${p.label}` : `${t(p.kind === 'closed' ? 'change_CLOSE' : 'change_ADD', { what: String(p.label ?? '') })}`;
    case LAYERS.scenarioDifferenceFill:
      return `${t(p.change === 'GAIN' ? 'scenarioGain' : p.change === 'LOSS' ? 'scenarioLoss' : 'scenarioAfter')}: ${formatNumber(Number(p.children), 1)} · ${p.beforeMetres ?? '–'} → ${p.afterMetres ?? '–'} m`;
    case LAYERS.gapFill:
      return t('gapRow', { rank: String(p.rank), n: String(p.childrenDisplay), km: formatNumber(Number(p.areaKm2), 2) });
    case LAYERS.coverageFill: {
      if (!measure) return String(p.name);
      const value = p.value === null || p.value === undefined ? null : Number(p.value);
      const shown = value === null ? t('noData') : `${formatNumber(value, measure === 'supplyPer1000Children' ? 1 : 0)}${measure === 'shareWithin' ? ' %' : ''}`;
      return `${p.name}: ${t(`legend_${measure}`)} ${shown}`;
    }
    case LAYERS.aktionsraumFill:
      return `${t('levelOne_AKTIONSRAUM')} ${p.name}`;
    default:
      return null;
  }
}
