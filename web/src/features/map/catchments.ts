// Circles of a radius around points: the catchments of facilities and the partner search radius.
import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';

export function circleAround(longitude: number, latitude: number, metres: number, properties: Record<string, unknown> = {}): Feature<Polygon> {
  return circle([longitude, latitude], metres / 1000, { units: 'kilometers', steps: 48, properties });
}

export function catchments(points: Feature<Point, { key: string }>[], metres: number): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => circleAround(p.geometry.coordinates[0], p.geometry.coordinates[1], metres, { key: p.properties.key, radiusMetres: metres })),
  };
}
