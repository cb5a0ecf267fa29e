// Everything the area profile (Steckbrief) shows, in one request: the area, its indicators, reach
// per offer against the city, the facilities in and near it, and the gaps for the planner's choice.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { FacilityProperties } from '../../api/queries.ts';
import { targetInput, type PlannerSettings } from '../coverage/plannerQuery.ts';

export type AreaLevel = 'AKTIONSRAUM' | 'SOZIALRAUM' | 'UBZ' | 'STATISTICAL_DISTRICT' | 'STADTBEZIRK';
export type Selection = { level: AreaLevel; code: string };

/** The offers whose reach the profile compares with the city (with the age band they are for). */
export const profileTargets = [
  { alias: 'kita', category: 'kita', band: 'AGE_0_5' },
  { alias: 'spielplatz', category: 'spielplatz', band: 'AGE_0_5' },
  { alias: 'grundschule', category: 'grundschule', band: 'AGE_6_17' },
  { alias: 'jugend', category: 'jugendfreizeitstaette', band: 'AGE_6_17' },
  { alias: 'beratung', category: 'beratungsstelle', band: 'AGE_0_17' },
  { alias: 'bibliothek', category: 'bibliothek', band: 'AGE_0_17' },
] as const;

/** Indicators shown with 2018, 2024 and the change. */
export const profileIndicators = [
  'children_under_15_SGB_II_pct',
  'transfer_payment_pct',
  'unemployed_under_25_pct',
  'share_0_6_pct',
  'share_6_18_pct',
  'households_with_children_pct',
];

export const NEAR_METRES = 500;

type Count = { value: number | null; suppressed: boolean };

export type ProfileReach = {
  method: {
    thresholdMetres: number;
    thresholdSource: string;
    populationIsEstimate: boolean;
    distanceKind: string;
    dataDate: string;
    populationSource: string;
    distribution: 'CENSUS' | 'EVEN';
    censusSource: string | null;
  };
  areas: { area: { code: string }; children: Count; childrenWithin: Count; shareWithin: number | null }[];
  city: { shareWithin: number | null };
};

export type ProfileData = {
  area: {
    level: AreaLevel;
    code: string;
    name: string;
    areaKm2: number;
    parents: { level: string; code: string; name: string }[];
    subDistricts: { code: string; name: string }[];
    geometry: Polygon | MultiPolygon;
    indicators: { year: number; value: number; isEstimate: boolean; method: string; indicator: { key: string; labelDe: string; labelEn: string; unit: string; source: string } }[];
  } | null;
  inside: FeatureCollection<Point, FacilityProperties>;
  near: FeatureCollection<Point, FacilityProperties>;
  gaps: {
    method: { thresholdMetres: number };
    childrenBeyond: Count;
    hotspots: { rank: number; children: Count; areaKm2: number }[];
    geojson: FeatureCollection<Polygon | MultiPolygon>;
  };
} & Record<(typeof profileTargets)[number]['alias'], ProfileReach>;

export const profileQuery = /* GraphQL */ `
  query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!,
                $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
    area(level: $level, code: $code) {
      level code name areaKm2
      parents { level code name }
      subDistricts { code name }
      geometry(precision: 5, simplify: 2)
      indicators(keys: $indicators) { year value isEstimate method indicator { key labelDe labelEn unit source } }
    }
    inside: facilitiesGeoJSON(filter: { area: $ref }, precision: 5)
    near: facilitiesGeoJSON(filter: { nearArea: $near }, precision: 5)
    gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, area: $ref, limit: 10) {
      method { thresholdMetres }
      childrenBeyond { value suppressed }
      hotspots { rank children { value suppressed } areaKm2 }
      geojson
    }
    ${profileTargets
      .map(
        (t) => `${t.alias}: coverage(level: $level, target: { category: "${t.category}" }, ageBand: ${t.band}) {
      method { thresholdMetres thresholdSource populationIsEstimate distanceKind dataDate populationSource distribution censusSource }
      areas { area { code } children { value suppressed } childrenWithin { value suppressed } shareWithin }
      city { shareWithin }
    }`,
      )
      .join('\n    ')}
  }
`;

export function profileVariables(selection: Selection, planner: PlannerSettings) {
  return {
    level: selection.level,
    code: selection.code,
    ref: selection,
    near: { ...selection, metres: NEAR_METRES },
    indicators: profileIndicators,
    target: targetInput(planner.target),
    ageBand: planner.ageBand,
    threshold: planner.threshold,
  };
}
