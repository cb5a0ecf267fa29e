// Typed GraphQL documents used by the map.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type AreaProperties = { level: string; code: string; name: string; areaKm2: number };
export type FacilityProperties = {
  key: string;
  name: string;
  category: string;
  subtype: string | null;
  operator: string | null;
  address: string | null;
};

export type CategoryInfo = {
  key: string;
  labelDe: string;
  labelEn: string;
  fieldOfAction: string;
  facilityCount: number;
};

export type AtlasData = {
  mapConfig: { basemapStyleUrl: string | null; attributions: string[] };
  taxonomy: { categories: CategoryInfo[]; fieldsOfAction: { key: string; labelDe: string; labelEn: string }[] };
  aktionsraeume: FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
  stadtbezirke: FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
  ubz: FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
  facilities: FeatureCollection<Point, FacilityProperties>;
};

export const atlasDataQuery = /* GraphQL */ `
  query AtlasData {
    mapConfig { basemapStyleUrl attributions }
    taxonomy {
      categories { key labelDe labelEn fieldOfAction facilityCount }
      fieldsOfAction { key labelDe labelEn }
    }
    aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)
    stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)
    ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)
    facilities: facilitiesGeoJSON(precision: 6)
  }
`;
