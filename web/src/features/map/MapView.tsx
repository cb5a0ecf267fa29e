// The MapLibre map: Dortmund's areas with the 13 Aktionsräume highlighted, the facilities by
// category, and the overlays of the views (coverage classes, gaps, catchments, partner search).
// State lives in the parent; this component only mirrors it onto the map.
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AtlasData, FacilityProperties } from '../../api/queries.ts';
import { useT } from '../app/i18n.ts';
import { categoryColors, fieldColors } from '../facilities/categoryStyle.ts';
import { atlasLayers, colorExpression, LAYERS, overlaySources, plainStyle, SOURCES } from './layers.ts';
import { boundsOf, setSourceData, showCategories, showChoropleth } from './mapHelpers.ts';

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
  /** Where children live: grid pieces with their children (planner view). */
  children: FeatureCollection | null;
  gaps: FeatureCollection | null;
  catchments: FeatureCollection | null;
  /** Outline of the selected area. */
  selection: Feature<Polygon | MultiPolygon> | null;
  partnerRadius: FeatureCollection | null;
  partnerOrigin: FeatureCollection | null;
  partnerResults: FeatureCollection | null;
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
};

export function MapView({ data, overlays, facilityCategories, hovered, onHover, pickPlace, onPickPlace, onSelectCoverageArea, onSelectAktionsraum, onSelectFacility }: Props) {
  const t = useT();
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onSelectAktionsraum, onSelectFacility, onSelectCoverageArea, onPickPlace, onHover, pickPlace });
  handlers.current = { onSelectAktionsraum, onSelectFacility, onSelectCoverageArea, onPickPlace, onHover, pickPlace };
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
      map.addSource(SOURCES.coverage, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' });
      for (const [id, source] of overlaySources) map.addSource(id, source);
      for (const layer of atlasLayers(colorExpression(categoryColors, fieldColors.sonstige))) map.addLayer(layer);
      showCategories(map, latest.current.facilityCategories);
      applyOverlays(map, latest.current.overlays);
      container.current?.setAttribute('data-map-ready', 'true');
    });
    map.on('click', (event) => {
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

  // A newly selected area or a new partner search is brought into view.
  const focus = overlays.selection ?? overlays.partnerRadius;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const move = () => map.fitBounds(boundsOf(focus), { padding: 60, maxZoom: 15, duration: 600 });
    if (map.loaded()) move();
    else map.once('load', move);
  }, [focus]);

  return <section ref={container} className="map" aria-label={t('mapLabel')} data-testid="map" />;
}

function applyOverlays(map: MapLibreMap, overlays: Overlays) {
  showChoropleth(map, overlays.choropleth);
  setSourceData(map, SOURCES.children, overlays.children);
  setSourceData(map, SOURCES.gaps, overlays.gaps);
  setSourceData(map, SOURCES.catchments, overlays.catchments);
  setSourceData(map, SOURCES.selection, overlays.selection ? { type: 'FeatureCollection', features: [overlays.selection] } : null);
  setSourceData(map, SOURCES.partnerRadius, overlays.partnerRadius);
  setSourceData(map, SOURCES.partnerOrigin, overlays.partnerOrigin);
  setSourceData(map, SOURCES.partnerResults, overlays.partnerResults);
}
