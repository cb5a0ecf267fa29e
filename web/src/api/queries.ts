// The map's base data: configuration, the taxonomy, area outlines and all facilities, in one request.
import { graphql } from '../gql/gql.ts';
import type { AtlasDataQuery } from '../gql/graphql.ts';
import { type AreaCollection, type FacilityCollection, withGeoJSON } from './geojson.ts';

export type { AreaProperties, FacilityProperties } from './geojson.ts';

export type AtlasData = AtlasDataQuery & {
  aktionsraeume: AreaCollection;
  stadtbezirke: AreaCollection;
  ubz: AreaCollection;
  facilities: FacilityCollection;
};

export type CategoryInfo = AtlasData['taxonomy']['categories'][number];

export const atlasDataQuery = withGeoJSON<AtlasData>()(
  graphql(`
    query AtlasData {
      mapConfig { basemapStyleUrl attributions }
      atlasSettings { smallCountLimit suppressedLabel walkingMetresPerMinute walkingSpeedSource walkingDetourFactor distanceModel defaultThresholds { target ageBand metres } }
      taxonomy {
        categories { key labelDe labelEn fieldOfAction facilityCount inOpenData }
        fieldsOfAction { key labelDe labelEn }
      }
      aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)
      stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)
      ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)
      facilities: facilitiesGeoJSON(precision: 6)
      aktionsraumLabels: areas(level: AKTIONSRAUM) { code name labelPoint { longitude latitude } }
      stadtbezirkLabels: areas(level: STADTBEZIRK) { code name labelPoint { longitude latitude } }
      ubzLabels: areas(level: UBZ) { code name labelPoint { longitude latitude } }
    }
  `),
);
