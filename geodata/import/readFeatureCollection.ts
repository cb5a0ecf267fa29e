// Decodes and parses one GeoJSON source file; problems name the file and the feature.
import type { ImportProblem } from './importError.ts';
import type { LocatedSource } from './locateSources.ts';

export type Feature = {
  index: number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
};

export type ParsedFile = { features: Feature[]; problems: ImportProblem[] };

export function readFeatureCollection(source: Pick<LocatedSource, 'file' | 'bytes' | 'encoding'>): ParsedFile {
  const text = new TextDecoder(source.encoding === 'latin1' ? 'latin1' : 'utf-8').decode(source.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { features: [], problems: [{ file: source.file, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { features: [], problems: [{ file: source.file, message: 'not a GeoJSON FeatureCollection' }] };
  }
  const features = (collection.features as Record<string, unknown>[]).map((f, index) => ({
    index,
    geometry: (f?.geometry ?? null) as Feature['geometry'],
    properties: (f?.properties ?? {}) as Record<string, unknown>,
  }));
  return { features, problems: [] };
}

/** A short description of a feature for reports: its position and whatever names it. */
export function describeFeature(feature: Feature): string {
  const p = feature.properties;
  const name = p.objektname ?? p.bezeichnun ?? p.full_id ?? p.unbeznr;
  return `feature ${feature.index}${name ? ` (${String(name)})` : ''}`;
}

/** Problems with a feature's geometry, checked before any SQL sees it. */
export function checkGeometry(feature: Feature, allowed: string[]): string | null {
  const g = feature.geometry;
  if (!g) return 'has no geometry';
  if (!allowed.includes(g.type)) return `has geometry type ${g.type}, expected ${allowed.join(' or ')}`;
  const positions = flattenPositions(g.coordinates);
  if (positions.length === 0) return 'has empty coordinates';
  for (const pos of positions) {
    const [lon, lat] = pos;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'has a coordinate that is not a number';
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `has coordinate [${lon}, ${lat}] outside longitude -180..180 / latitude -90..90`;
    }
  }
  return null;
}

function flattenPositions(coordinates: unknown): number[][] {
  if (!Array.isArray(coordinates)) return [];
  if (coordinates.length >= 2 && typeof coordinates[0] !== 'object') return [coordinates as number[]];
  return coordinates.flatMap(flattenPositions);
}
