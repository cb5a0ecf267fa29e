// The GeoJSON scalar: GraphQL does not describe what is inside it, so the generated types say
// `unknown`. These are the feature properties the server writes (api/src/modules/*/…Features.ts,
// areaStore.areasFeatureCollection, coverageService.gapLayer / childrenGrid), and the one place
// where a generated answer type is narrowed to them.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { DemandDistribution, TypedDocumentString } from '../gql/graphql.ts';

export type AreaProperties = { level: string; code: string; name: string; areaKm2: number };
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;

export type FacilityProperties = {
  key: string;
  name: string;
  category: string;
  subtype: string | null;
  operator: string | null;
  address: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  openingHours?: string | null;
  languages?: string[];
  offers?: string[];
  verifiedAt?: string | null;
  origin?: 'import' | 'manual' | 'supplement';
  distanceMetres?: number;
};
export type FacilityCollection = FeatureCollection<Point, FacilityProperties>;

export type GapProperties = { rank: number; children: number | null; childrenDisplay: string; areaKm2: number };
export type GapCollection = FeatureCollection<Polygon | MultiPolygon, GapProperties>;

export type ChildrenCellProperties = { children: number; subDistrictCode: string; spread: DemandDistribution };
export type ChildrenCollection = FeatureCollection<Polygon, ChildrenCellProperties>;

/**
 * The same document, its answer typed as `TView`: a generated answer type with its GeoJSON fields
 * narrowed (e.g. `PlannerQuery & { shapes: AreaCollection }`). Anything but a narrowing of
 * `unknown` GeoJSON fields does not type-check.
 */
export const withGeoJSON =
  <TView>() =>
  <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) =>
    document as unknown as TypedDocumentString<TView extends TResult ? TView : never, TVariables>;
