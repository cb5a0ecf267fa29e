// Checks of coordinates and geometry options given to the API. Storage is ETRS89 / UTM 32N
// (the storage CRS of domain/city.ts, metres), output WGS84 (EPSG:4326); the SQL of the stores takes
// the SRIDs from db/geometrySql.ts.
import { badUserInput } from './errors.ts';

export const PRECISION = { min: 2, max: 8 } as const;
export const SIMPLIFY_METRES = { min: 0, max: 500 } as const;

export function checkPrecision(precision: number): number {
  if (!Number.isInteger(precision) || precision < PRECISION.min || precision > PRECISION.max) {
    throw badUserInput(`precision must be a whole number from ${PRECISION.min} to ${PRECISION.max} decimal places (got ${precision})`);
  }
  return precision;
}

export function checkSimplify(metres: number): number {
  if (!Number.isFinite(metres) || metres < SIMPLIFY_METRES.min || metres > SIMPLIFY_METRES.max) {
    throw badUserInput(`simplify must be a tolerance in metres from ${SIMPLIFY_METRES.min} to ${SIMPLIFY_METRES.max} (got ${metres})`);
  }
  return metres;
}

export type LonLat = { longitude: number; latitude: number };

export function checkLonLat(point: LonLat, name = 'point'): LonLat {
  const { longitude, latitude } = point;
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw badUserInput(`${name}.longitude must be from -180 to 180 degrees (got ${longitude})`);
  }
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw badUserInput(`${name}.latitude must be from -90 to 90 degrees (got ${latitude})`);
  }
  return point;
}

export type BBox = [west: number, south: number, east: number, north: number];

export function checkBBox(bbox: number[]): BBox {
  if (bbox.length !== 4) throw badUserInput(`bbox must be four numbers [west, south, east, north] (got ${bbox.length})`);
  const [west, south, east, north] = bbox;
  checkLonLat({ longitude: west, latitude: south }, 'bbox west/south');
  checkLonLat({ longitude: east, latitude: north }, 'bbox east/north');
  if (west >= east || south >= north) {
    throw badUserInput('bbox must be [west, south, east, north] with west < east and south < north');
  }
  return [west, south, east, north];
}
