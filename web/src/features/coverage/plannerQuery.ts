// The planner view's data: coverage of all areas of a level, with the method to show.
import { type AreaCollection, type GapCollection, withGeoJSON } from '../../api/geojson.ts';
import { graphql } from '../../gql/gql.ts';
import type { Measure } from './classes.ts';
import { THRESHOLD_METRES } from '../../../../domain/coverageRules.ts';
import { AgeBand, AreaLevel, type ChildrenQuery, type CoverageTarget, FieldOfAction, type GapsQuery, type NeedQuery, type PlannerQuery } from '../../gql/graphql.ts';

/** The levels the planner offers (the others are too coarse or too fine for a city map). */
export const plannerLevels = [AreaLevel.AKTIONSRAUM, AreaLevel.SOZIALRAUM, AreaLevel.UBZ] as const;

/** The age bands in the order the planner lists them (youngest first, then all). */
export const plannerAgeBands = [AgeBand.AGE_0_5, AgeBand.AGE_6_17, AgeBand.AGE_0_17] as const;

export { measures as plannerMeasures } from './classes.ts';

export type PlannerSettings = {
  level: (typeof plannerLevels)[number];
  target: string;
  ageBand: AgeBand;
  threshold: number | null;
  measure: Measure;
  /** Show where the children beyond reach live. */
  showGaps: boolean;
  /** Show the facilities of the target with a circle of the threshold around each. */
  showCatchments: boolean;
  /** Show where the children of the age band live (the demand under every figure). */
  showChildren: boolean;
  /** Show the state's schools coloured by their social index, Startchancen schools ringed. */
  showSchools: boolean;
};

export type PlannerData = PlannerQuery & { shapes: AreaCollection };
export type CoverageRow = PlannerData['coverage']['city'];

export const plannerQuery = withGeoJSON<PlannerData>()(
  graphql(`
    query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
      coverage(level: $level, question: { target: $target, ageBand: $ageBand, thresholdMetres: $threshold }) {
        method { thresholdMetres thresholdSource distanceKind distanceModel detourFactor populationIsEstimate populationDates importedAt supplyMeasure
                 distribution censusSource evenSpreadSubDistricts }
        areas { area { code name } children { value suppressed display } childrenBeyond { value suppressed display } shareWithin shareOnNetwork
                facilitiesInside medianDistanceMetres supplyPer1000Children }
        city { area { code name } children { value suppressed display } childrenBeyond { value suppressed display } shareWithin shareOnNetwork
               facilitiesInside medianDistanceMetres supplyPer1000Children }
      }
      shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)
    }
  `),
);

/** "field:BETREUUNG" targets a field of action, anything else a category. */
/** A typed threshold the server answers: none (the method's own) or within the documented range. */
export const thresholdInRange = (threshold: number | null) =>
  threshold === null || (Number.isFinite(threshold) && threshold >= THRESHOLD_METRES.min && threshold <= THRESHOLD_METRES.max);

export function targetInput(target: string): CoverageTarget {
  if (!target.startsWith('field:')) return { category: target };
  const field = target.slice('field:'.length);
  const known = Object.values(FieldOfAction).find((f) => f === field);
  // An unknown field (an old link) asks for it anyway: the API answers with the fields it knows.
  return { fieldOfAction: known ?? (field as FieldOfAction) };
}

export function measureValue(row: CoverageRow, measure: PlannerSettings['measure']): number | null {
  if (measure === 'shareWithin') return row.shareWithin === null ? null : row.shareWithin * 100;
  if (measure === 'childrenBeyond') return row.childrenBeyond.value;
  return row.supplyPer1000Children;
}

export type GapData = GapsQuery & { gaps: { geojson: GapCollection } };

/** Most gap areas drawn on the city map. */
export const GAP_LIMIT = 200;

export const gapQuery = withGeoJSON<GapData>()(
  graphql(`
    query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $limit: Int!) {
      gaps(question: { target: $target, ageBand: $ageBand, thresholdMetres: $threshold }, limit: $limit) {
        method { thresholdMetres }
        childrenBeyond { value suppressed display }
        hotspotCount
        hotspots { rank }
        geojson
      }
    }
  `),
);

/** The legend's figures of the "where children live" layer; the pieces themselves come as vector tiles (/tiles/kinder-<band>). */
export type ChildrenData = ChildrenQuery;

export const childrenQuery = graphql(`
  query Children($ageBand: AgeBand!) {
    childrenGrid(ageBand: $ageBand) {
      children { value suppressed display }
      cellCount
      method { populationIsEstimate censusSource evenSpreadSubDistricts }
    }
  }
`);

/** The tile set of an age band's children. */
export const childrenTileSet = (band: AgeBand) => `kinder-${band.slice(4).replace('_', '-')}`;

export type NeedData = NeedQuery;
export type NeedRow = NeedData['needProvision']['rows'][number];

export const needQuery = graphql(`
  query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
    needProvision(level: $level, question: { target: $target, ageBand: $ageBand, thresholdMetres: $threshold }) {
      rankingMethod cityChildPoverty2024 cityShareWithin
      rows { area { code name } childPoverty2018 childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision }
    }
  }
`);

/** The categories a target stands for: one category, or all categories of a field of action. */
export function targetCategories(target: string, categories: { key: string; fieldOfAction: string }[]): string[] {
  if (!target.startsWith('field:')) return [target];
  const field = target.slice('field:'.length);
  return categories.filter((c) => c.fieldOfAction === field).map((c) => c.key);
}
