// SQL fragments for the atlas's coordinate systems, so that no statement writes an SRID itself:
// positions come in as longitude/latitude and are stored and measured in the city's storage CRS.
import { CENSUS_SRID, LON_LAT_SRID, STORAGE_SRID } from '../domain/city.ts';

/** A longitude/latitude pair (two SQL expressions; `?` bindings by default) as a point in the storage CRS. */
export const storagePoint = (lon = '?', lat = '?') => `ST_Transform(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), ${LON_LAT_SRID}), ${STORAGE_SRID})`;

/** A geometry expression transformed into the storage CRS. */
export const toStorage = (geometry: string) => `ST_Transform(${geometry}, ${STORAGE_SRID})`;

/** A geometry expression (without SRID) marked as being in the storage CRS. */
export const inStorage = (geometry: string) => `ST_SetSRID(${geometry}, ${STORAGE_SRID})`;

export { CENSUS_SRID, LON_LAT_SRID, STORAGE_SRID };
