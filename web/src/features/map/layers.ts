// The atlas's map layers as typed data: sources, paint and the order they are drawn in.
import type { AddLayerObject, ExpressionSpecification, GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { CATCHMENT_COLOR, childrenClasses, GAP_COLOR } from '../coverage/classes.ts';

export const SOURCES = {
  ubz: 'ubz',
  stadtbezirke: 'stadtbezirke',
  aktionsraeume: 'aktionsraeume',
  facilities: 'facilities',
  coverage: 'coverage',
  children: 'children',
  gaps: 'gaps',
  catchments: 'catchments',
  selection: 'selection',
  partnerRadius: 'partner-radius',
  partnerOrigin: 'partner-origin',
  partnerResults: 'partner-results',
} as const;

export const LAYERS = {
  ubzLine: 'ubz-line',
  stadtbezirkLine: 'stadtbezirk-line',
  aktionsraumFill: 'aktionsraum-fill',
  aktionsraumLine: 'aktionsraum-line',
  facilityCircle: 'facility-circle',
  coverageFill: 'coverage-fill',
  coverageLine: 'coverage-line',
  childrenFill: 'children-fill',
  gapFill: 'gap-fill',
  gapLine: 'gap-line',
  catchmentLine: 'catchment-line',
  selectionLine: 'selection-line',
  partnerRadiusFill: 'partner-radius-fill',
  partnerRadiusLine: 'partner-radius-line',
  partnerResult: 'partner-result',
  partnerOrigin: 'partner-origin',
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

/** Sources that start empty and are filled by the views. */
export const overlaySources = [SOURCES.children, SOURCES.gaps, SOURCES.catchments, SOURCES.selection, SOURCES.partnerRadius, SOURCES.partnerOrigin, SOURCES.partnerResults].map(
  (id): [string, GeoJSONSourceSpecification] => [id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }],
);

/** The class colour of a grid piece's children, from the same breaks as the legend. */
export function childrenColor(): ExpressionSpecification {
  const steps = childrenClasses.bounds.flatMap((bound, i) => [bound, childrenClasses.colors[i + 1]]);
  return ['step', ['get', 'children'], childrenClasses.colors[0], ...steps] as unknown as ExpressionSpecification;
}

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

export function atlasLayers(facilityColor: ExpressionSpecification): AddLayerObject[] {
  return [
    { id: LAYERS.ubzLine, type: 'line', source: SOURCES.ubz, paint: { 'line-color': '#9ca3af', 'line-width': 0.6 } },
    {
      id: LAYERS.aktionsraumFill,
      type: 'fill',
      source: SOURCES.aktionsraeume,
      paint: { 'fill-color': AKTIONSRAUM_COLOR, 'fill-opacity': ['case', hovered, 0.35, 0.2] },
    },
    {
      id: LAYERS.coverageFill,
      type: 'fill',
      source: SOURCES.coverage,
      layout: { visibility: 'none' },
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': ['case', hovered, 0.95, 0.75] },
    },
    {
      id: LAYERS.coverageLine,
      type: 'line',
      source: SOURCES.coverage,
      layout: { visibility: 'none' },
      paint: { 'line-color': ['case', hovered, '#111827', '#ffffff'], 'line-width': ['case', hovered, 3, 0.8] },
    },
    { id: LAYERS.childrenFill, type: 'fill', source: SOURCES.children, paint: { 'fill-color': childrenColor(), 'fill-opacity': 0.85 } },
    { id: LAYERS.gapFill, type: 'fill', source: SOURCES.gaps, paint: { 'fill-color': GAP_COLOR, 'fill-opacity': 0.3 } },
    { id: LAYERS.gapLine, type: 'line', source: SOURCES.gaps, paint: { 'line-color': GAP_COLOR, 'line-width': 0.7 } },
    { id: LAYERS.partnerRadiusFill, type: 'fill', source: SOURCES.partnerRadius, paint: { 'fill-color': '#1d4ed8', 'fill-opacity': 0.08 } },
    { id: LAYERS.stadtbezirkLine, type: 'line', source: SOURCES.stadtbezirke, paint: { 'line-color': '#4b5563', 'line-width': 1.6 } },
    { id: LAYERS.aktionsraumLine, type: 'line', source: SOURCES.aktionsraeume, paint: { 'line-color': AKTIONSRAUM_COLOR, 'line-width': 2 } },
    { id: LAYERS.catchmentLine, type: 'line', source: SOURCES.catchments, paint: { 'line-color': CATCHMENT_COLOR, 'line-width': 1, 'line-opacity': 0.7 } },
    {
      id: LAYERS.partnerRadiusLine,
      type: 'line',
      source: SOURCES.partnerRadius,
      paint: { 'line-color': '#1d4ed8', 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    { id: LAYERS.selectionLine, type: 'line', source: SOURCES.selection, paint: { 'line-color': '#111827', 'line-width': 3.5 } },
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
    {
      id: LAYERS.partnerResult,
      type: 'circle',
      source: SOURCES.partnerResults,
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 6, 14, 10], 'circle-stroke-color': '#111827', 'circle-stroke-width': 2 },
    },
    {
      id: LAYERS.partnerOrigin,
      type: 'circle',
      source: SOURCES.partnerOrigin,
      paint: { 'circle-color': '#1d4ed8', 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    },
  ];
}
