// The atlas's map layers as typed data: sources, paint and the order they are drawn in.
import type { FeatureCollection, Point } from 'geojson';
import type { AddLayerObject, ExpressionSpecification, GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { CATCHMENT_COLOR, childrenClasses, GAP_COLOR } from '../coverage/classes.ts';
import { SCHOOL_SOURCE, schoolLayer } from '../schools/schoolLayer.ts';

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
  scenarioDifference: 'scenario-difference',
  scenarioPoints: 'scenario-points',
  aktionsraumLabels: 'aktionsraum-labels',
  stadtbezirkLabels: 'stadtbezirk-labels',
  ubzLabels: 'ubz-labels',
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
  stadtbezirkLabel: 'stadtbezirk-label',
  aktionsraumLabel: 'aktionsraum-label',
  ubzLabel: 'ubz-label',
  facilityLabel: 'facility-label',
  partnerResultLabel: 'partner-result-label',
  scenarioDifferenceFill: 'scenario-difference-fill',
  scenarioPoint: 'scenario-point',
  scenarioPointLabel: 'scenario-point-label',
} as const;

export const AKTIONSRAUM_COLOR = '#c2410c';

/** Name of the gap layer's hatch image. */
export const GAP_HATCH = 'gap-hatch';

/** A diagonal hatch tile (lines of the gap colour on transparent), made in code: no image file. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [17, 24, 39];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < 2;
      data.set(onLine ? [r, g, b, 215] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Works offline: a plain background, no tiles, and no glyph server: without a `glyphs` URL
 * MapLibre draws the labels itself from the browser's own sans-serif font.
 */
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
export const overlaySources = [
  SOURCES.gaps,
  SOURCES.catchments,
  SOURCES.selection,
  SOURCES.partnerRadius,
  SOURCES.partnerOrigin,
  SOURCES.partnerResults,
  SOURCES.scenarioDifference,
  SOURCES.scenarioPoints,
  SCHOOL_SOURCE,
].map(
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
    {
      id: LAYERS.childrenFill,
      type: 'fill',
      source: SOURCES.children,
      'source-layer': 'kinder',
      layout: { visibility: 'none' },
      paint: { 'fill-color': childrenColor(), 'fill-opacity': 0.85 },
    },
    // A hatch over the class colours, so both stay readable (the image is made by hatchImage()).
    { id: LAYERS.gapFill, type: 'fill', source: SOURCES.gaps, paint: { 'fill-pattern': GAP_HATCH } },
    { id: LAYERS.gapLine, type: 'line', source: SOURCES.gaps, paint: { 'line-color': GAP_COLOR, 'line-width': 1 } },
    {
      id: LAYERS.scenarioDifferenceFill,
      type: 'fill',
      source: SOURCES.scenarioDifference,
      paint: {
        'fill-color': ['match', ['get', 'change'], 'GAIN', SCENARIO_GAIN, 'LOSS', SCENARIO_LOSS, 'NEARER', '#86efac', '#fca5a5'],
        'fill-opacity': ['match', ['get', 'change'], ['GAIN', 'LOSS'], 0.8, 0.45],
      },
    },
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
    schoolLayer(),
    {
      id: LAYERS.partnerResult,
      type: 'circle',
      source: SOURCES.partnerResults,
      paint: {
        'circle-color': ['case', ['boolean', ['feature-state', 'active'], false], 'rgba(29,78,216,0.25)', 'rgba(0,0,0,0)'],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, ['case', ['boolean', ['feature-state', 'active'], false], 10, 6], 14, ['case', ['boolean', ['feature-state', 'active'], false], 15, 10]],
        'circle-stroke-color': ['case', ['boolean', ['feature-state', 'active'], false], '#1d4ed8', '#111827'],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'active'], false], 4, 2],
      },
    },
    {
      id: LAYERS.partnerOrigin,
      type: 'circle',
      source: SOURCES.partnerOrigin,
      paint: { 'circle-color': '#1d4ed8', 'circle-radius': 8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    },
    {
      id: LAYERS.scenarioPoint,
      type: 'circle',
      source: SOURCES.scenarioPoints,
      paint: {
        // Planned: white with a green ring; closed: white with a red ring; suggested: amber.
        'circle-color': ['match', ['get', 'kind'], 'suggestion', '#f59e0b', '#ffffff'],
        'circle-radius': 9,
        'circle-stroke-color': ['match', ['get', 'kind'], 'planned', SCENARIO_GAIN, 'closed', SCENARIO_LOSS, '#111827'],
        'circle-stroke-width': 4,
      },
    },
    {
      id: LAYERS.scenarioPointLabel,
      type: 'symbol',
      source: SOURCES.scenarioPoints,
      filter: ['==', ['get', 'kind'], 'suggestion'],
      layout: { 'text-field': ['get', 'label'], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': '#111827' },
    },
    ...labelLayers(),
  ];
}

/** The scenario's colours: children gaining reach (and planned sites), children losing it. */
export const SCENARIO_GAIN = '#15803d';
export const SCENARIO_LOSS = '#b91c1c';

const HALO = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

/**
 * Names on the map, each at the zooms where it helps: boroughs at city zoom, the Aktionsräume
 * from district zoom, sub-districts closer in, facilities in the street view, and the partners
 * of a search always.
 */
export function labelLayers(): AddLayerObject[] {
  return [
    {
      id: LAYERS.stadtbezirkLabel,
      type: 'symbol',
      source: SOURCES.stadtbezirkLabels,
      maxzoom: 12.5,
      layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08, 'text-max-width': 8 },
      paint: { 'text-color': '#4b5563', ...HALO },
    },
    {
      id: LAYERS.ubzLabel,
      type: 'symbol',
      source: SOURCES.ubzLabels,
      minzoom: 13,
      layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-max-width': 7 },
      paint: { 'text-color': '#6b7280', ...HALO },
    },
    {
      id: LAYERS.aktionsraumLabel,
      type: 'symbol',
      source: SOURCES.aktionsraumLabels,
      minzoom: 10.8,
      layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-max-width': 9, 'symbol-sort-key': 0 },
      paint: { 'text-color': '#7c2d12', ...HALO },
    },
    {
      id: LAYERS.facilityLabel,
      type: 'symbol',
      source: SOURCES.facilities,
      minzoom: 15,
      layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-max-width': 10, 'text-optional': true },
      paint: { 'text-color': '#111827', ...HALO },
    },
    {
      id: LAYERS.partnerResultLabel,
      type: 'symbol',
      source: SOURCES.partnerResults,
      minzoom: 13.5,
      layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top', 'text-max-width': 10, 'text-optional': true },
      paint: { 'text-color': '#111827', ...HALO },
    },
  ];
}

/** One point per area (inside it, from the API's labelPoint) with its name: labels appear once, not once per tile. */
export function labelPoints(areas: { code: string; name: string; labelPoint: { longitude: number; latitude: number } }[]): FeatureCollection<Point, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: { code: a.code, name: a.name },
      geometry: { type: 'Point', coordinates: [a.labelPoint.longitude, a.labelPoint.latitude] },
    })),
  };
}
