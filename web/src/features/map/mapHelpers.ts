// Tiny wrappers around imperative MapLibre calls, with narrow types.
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import bbox from '@turf/bbox';
import type { AllGeoJSON } from '@turf/helpers';
import { LAYERS } from './layers.ts';

export function showCategories(map: MapLibreMap, categories: string[]) {
  const filter: FilterSpecification = ['in', ['get', 'category'], ['literal', categories]];
  map.setFilter(LAYERS.facilityCircle, filter);
}

export function highlightAktionsraum(map: MapLibreMap, code: string | null) {
  map.setFilter(LAYERS.aktionsraumSelected, ['==', ['get', 'code'], code ?? '']);
}

/** The bounding box of a GeoJSON object, for fitBounds. */
export function boundsOf(geojson: AllGeoJSON): [[number, number], [number, number]] {
  const [west, south, east, north] = bbox(geojson);
  return [
    [west, south],
    [east, north],
  ];
}
