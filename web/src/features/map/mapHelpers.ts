// Tiny wrappers around imperative MapLibre calls, with narrow types.
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import bbox from '@turf/bbox';
import type { AllGeoJSON } from '@turf/helpers';
import { LAYERS, SOURCES } from './layers.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function showCategories(map: MapLibreMap, categories: string[]) {
  const filter: FilterSpecification = ['in', ['get', 'category'], ['literal', categories]];
  map.setFilter(LAYERS.facilityCircle, filter);
  map.setFilter(LAYERS.facilityLabel, filter);
}

/** Replaces the data of a GeoJSON source; null empties it. */
export function setSourceData(map: MapLibreMap, source: string, data: FeatureCollection | null) {
  map.getSource<GeoJSONSource>(source)?.setData(data ?? EMPTY);
}

/** Shows a coverage choropleth instead of the plain Aktionsraum fill, or hides it again. */
export function showChoropleth(map: MapLibreMap, data: FeatureCollection | null) {
  setSourceData(map, SOURCES.coverage, data);
  const shown = data ? 'visible' : 'none';
  map.setLayoutProperty(LAYERS.coverageFill, 'visibility', shown);
  map.setLayoutProperty(LAYERS.coverageLine, 'visibility', shown);
  map.setLayoutProperty(LAYERS.aktionsraumFill, 'visibility', data ? 'none' : 'visible');
}

/** The bounding box of a GeoJSON object, for fitBounds. */
export function boundsOf(geojson: AllGeoJSON): [[number, number], [number, number]] {
  const [west, south, east, north] = bbox(geojson);
  return [
    [west, south],
    [east, north],
  ];
}

export const childrenTileUrl = (set: string) => `${window.location.origin}/tiles/${set}/{z}/{x}/{y}.pbf`;

/** Shows the children tiles of a set (or hides the layer). */
export function showChildrenTiles(map: MapLibreMap, set: string | null) {
  if (set) (map.getSource(SOURCES.children) as VectorTileSource).setTiles([childrenTileUrl(set)]);
  map.setLayoutProperty(LAYERS.childrenFill, 'visibility', set ? 'visible' : 'none');
}
