// Everything the area profile (Steckbrief) shows, in one request: the area, its indicators, reach
// per offer against the city, the facilities in and near it, and the gaps for the planner's choice.
import type { MultiPolygon, Polygon } from 'geojson';
import { type FacilityCollection, type GapCollection, withGeoJSON } from '../../api/geojson.ts';
import { graphql } from '../../gql/gql.ts';
import type { AreaLevel, ProfileQuery, ProfileQueryVariables } from '../../gql/graphql.ts';
import { targetInput, type PlannerSettings } from '../coverage/plannerQuery.ts';

export type { AreaLevel };
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

/** The categories a child profile shows: those for children and families, not the city's other services. */
export const childCategoryKeys = (categories: { key: string; fieldOfAction: string }[]) =>
  categories.filter((c) => c.fieldOfAction !== 'SONSTIGE').map((c) => c.key);

export type ProfileData = ProfileQuery & {
  area: { geometry: Polygon | MultiPolygon } | null;
  inside: FacilityCollection;
  near: FacilityCollection;
  gaps: { geojson: GapCollection };
};
export type ProfileReach = ProfileData[(typeof profileTargets)[number]['alias']];

// The reach of each offer in `profileTargets`, written out: a document is static so that its
// types can be generated (a test checks that the two lists agree).
graphql(`
  fragment ProfileReach on CoverageResult {
    method { thresholdMetres thresholdSource populationIsEstimate distanceKind populationDates importedAt populationSource distribution censusSource walkingNetwork { attribution licence } }
    areas { area { code } children { value suppressed display } childrenWithin { value suppressed display } shareWithin }
    city { shareWithin }
  }
`);

export const profileQuery = withGeoJSON<ProfileData>()(
  graphql(`
    query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!,
                  $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
      area(level: $level, code: $code) {
        level code name areaKm2
        parents { level code name }
        subDistricts { code name }
        geometry(precision: 5, simplify: 2)
        indicators(keys: $indicators) { year value isEstimate method indicator { key labelDe labelEn unit source comparableAcrossYears comparabilityNote } }
        schools {
          schools pupils pupilsPer1000Children schoolsIndex7To9 pupilsIndex7To9 shareIndex7To9 source
          startchancenSchools { schulnummer name schulform pupils socialIndex facility { name } }
        }
      }
      inside: facilitiesGeoJSON(filter: { area: $ref }, precision: 5)
      near: facilitiesGeoJSON(filter: { nearArea: $near }, precision: 5)
      gaps(question: { target: $target, ageBand: $ageBand, thresholdMetres: $threshold }, area: $ref, limit: 10) {
        method { thresholdMetres }
        childrenBeyond { value suppressed display }
        hotspotCount
        hotspots { rank children { value suppressed display } areaKm2 }
        geojson
      }
      kita: coverage(level: $level, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) { ...ProfileReach }
      spielplatz: coverage(level: $level, question: { target: { category: "spielplatz" }, ageBand: AGE_0_5 }) { ...ProfileReach }
      grundschule: coverage(level: $level, question: { target: { category: "grundschule" }, ageBand: AGE_6_17 }) { ...ProfileReach }
      jugend: coverage(level: $level, question: { target: { category: "jugendfreizeitstaette" }, ageBand: AGE_6_17 }) { ...ProfileReach }
      beratung: coverage(level: $level, question: { target: { category: "beratungsstelle" }, ageBand: AGE_0_17 }) { ...ProfileReach }
      bibliothek: coverage(level: $level, question: { target: { category: "bibliothek" }, ageBand: AGE_0_17 }) { ...ProfileReach }
    }
  `),
);

export function profileVariables(selection: Selection, planner: PlannerSettings): ProfileQueryVariables {
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
