// The atlas's map layers as typed data: sources, paint and the order they are drawn in.
import type { AddLayerObject, ExpressionSpecification, StyleSpecification } from 'maplibre-gl';

export const SOURCES = {
  ubz: 'ubz',
  stadtbezirke: 'stadtbezirke',
  aktionsraeume: 'aktionsraeume',
  facilities: 'facilities',
} as const;

export const LAYERS = {
  ubzLine: 'ubz-line',
  stadtbezirkLine: 'stadtbezirk-line',
  aktionsraumFill: 'aktionsraum-fill',
  aktionsraumLine: 'aktionsraum-line',
  aktionsraumSelected: 'aktionsraum-selected',
  facilityCircle: 'facility-circle',
} as const;

export const AKTIONSRAUM_COLOR = '#c2410c';

/** Works offline: a plain background, no tiles, no fonts. */
export const plainStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } }],
};

export function colorExpression(colors: Record<string, string>, fallback: string): ExpressionSpecification {
  const pairs = Object.entries(colors).flat();
  return ['match', ['get', 'category'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

export function atlasLayers(facilityColor: ExpressionSpecification): AddLayerObject[] {
  return [
    { id: LAYERS.ubzLine, type: 'line', source: SOURCES.ubz, paint: { 'line-color': '#9ca3af', 'line-width': 0.6 } },
    {
      id: LAYERS.aktionsraumFill,
      type: 'fill',
      source: SOURCES.aktionsraeume,
      paint: { 'fill-color': AKTIONSRAUM_COLOR, 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.35, 0.2] },
    },
    { id: LAYERS.stadtbezirkLine, type: 'line', source: SOURCES.stadtbezirke, paint: { 'line-color': '#4b5563', 'line-width': 1.6 } },
    { id: LAYERS.aktionsraumLine, type: 'line', source: SOURCES.aktionsraeume, paint: { 'line-color': AKTIONSRAUM_COLOR, 'line-width': 2 } },
    {
      id: LAYERS.aktionsraumSelected,
      type: 'line',
      source: SOURCES.aktionsraeume,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#111827', 'line-width': 3.5 },
    },
    {
      id: LAYERS.facilityCircle,
      type: 'circle',
      source: SOURCES.facilities,
      paint: {
        'circle-color': facilityColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 14, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  ];
}
