// The MapLibre map: Dortmund's areas with the 13 Aktionsräume highlighted and the facilities by
// category. State lives in the parent; this component only mirrors it onto the map.
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { AtlasData, FacilityProperties } from '../../api/queries.ts';
import { categoryColors, fieldColors } from '../facilities/categoryStyle.ts';
import { atlasLayers, colorExpression, LAYERS, plainStyle, SOURCES } from './layers.ts';
import { boundsOf, highlightAktionsraum, showCategories } from './mapHelpers.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map instance, for browser tests and debugging in the console. */
    versorgungsatlasMap?: MapLibreMap;
  }
}

type Props = {
  data: AtlasData;
  categories: string[];
  selectedAktionsraum: string | null;
  onSelectAktionsraum: (code: string) => void;
  onSelectFacility: (facility: FacilityProperties) => void;
};

export function MapView({ data, categories, selectedAktionsraum, onSelectAktionsraum, onSelectFacility }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onSelectAktionsraum, onSelectFacility });
  handlers.current = { onSelectAktionsraum, onSelectFacility };
  const initial = useRef({ categories, selectedAktionsraum });

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
      for (const layer of atlasLayers(colorExpression(categoryColors, fieldColors.sonstige))) map.addLayer(layer);
      showCategories(map, initial.current.categories);
      highlightAktionsraum(map, initial.current.selectedAktionsraum);
      container.current?.setAttribute('data-map-ready', 'true');
    });
    map.on('click', (event) => {
      const [facility] = map.queryRenderedFeatures(event.point, { layers: [LAYERS.facilityCircle] });
      if (facility) return handlers.current.onSelectFacility(facility.properties as FacilityProperties);
      const [area] = map.queryRenderedFeatures(event.point, { layers: [LAYERS.aktionsraumFill] });
      if (area) handlers.current.onSelectAktionsraum(String(area.properties.code));
    });
    let hovered: MapGeoJSONFeature | null = null;
    map.on('mousemove', LAYERS.aktionsraumFill, (event) => {
      if (hovered) map.setFeatureState(hovered, { hover: false });
      hovered = event.features?.[0] ?? null;
      if (hovered) map.setFeatureState(hovered, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', LAYERS.aktionsraumFill, () => {
      if (hovered) map.setFeatureState(hovered, { hover: false });
      hovered = null;
      map.getCanvas().style.cursor = '';
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [data]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer(LAYERS.facilityCircle)) showCategories(map, categories);
  }, [categories]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map?.getLayer(LAYERS.aktionsraumSelected)) return;
    highlightAktionsraum(map, selectedAktionsraum);
    const feature = data.aktionsraeume.features.find((f) => f.properties.code === selectedAktionsraum);
    if (feature) map.fitBounds(boundsOf(feature), { padding: 60, maxZoom: 14, duration: 600 });
  }, [selectedAktionsraum, data]);

  return <div ref={container} className="map" role="region" aria-label="Karte von Dortmund" data-testid="map" />;
}

