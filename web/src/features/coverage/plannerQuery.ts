// The planner view's data: coverage of all areas of a level, with the method to show.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaProperties } from '../../api/queries.ts';

export type PlannerSettings = {
  level: 'AKTIONSRAUM' | 'SOZIALRAUM' | 'UBZ';
  target: string;
  ageBand: 'AGE_0_5' | 'AGE_6_17' | 'AGE_0_17';
  threshold: number | null;
  measure: 'shareWithin' | 'childrenBeyond' | 'supplyPer1000Children';
  /** Show where the children beyond reach live. */
  showGaps: boolean;
  /** Show the facilities of the target with a circle of the threshold around each. */
  showCatchments: boolean;
  /** Show where the children of the age band live (the demand under every figure). */
  showChildren: boolean;
};

export type CoverageRow = {
  area: { code: string; name: string };
  children: { value: number | null; suppressed: boolean };
  childrenBeyond: { value: number | null; suppressed: boolean };
  shareWithin: number | null;
  facilitiesInside: number;
  medianDistanceMetres: number | null;
  supplyPer1000Children: number | null;
};

export type PlannerData = {
  coverage: {
    method: {
      thresholdMetres: number;
      thresholdSource: string;
      distanceKind: string;
      detourFactor: number;
      populationIsEstimate: boolean;
      dataDate: string;
      supplyMeasure: string;
      distribution: 'CENSUS' | 'EVEN';
      censusSource: string | null;
      evenSpreadSubDistricts: string[];
    };
    areas: CoverageRow[];
    city: CoverageRow;
  };
  shapes: FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
};

const ROW = `area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin
  facilitiesInside medianDistanceMetres supplyPer1000Children`;

export const plannerQuery = /* GraphQL */ `
  query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
    coverage(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {
      method { thresholdMetres thresholdSource distanceKind detourFactor populationIsEstimate dataDate supplyMeasure
               distribution censusSource evenSpreadSubDistricts }
      areas { ${ROW} }
      city { ${ROW} }
    }
    shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)
  }
`;

/** "field:BETREUUNG" targets a field of action, anything else a category. */
export function targetInput(target: string) {
  return target.startsWith('field:') ? { fieldOfAction: target.slice('field:'.length) } : { category: target };
}

export function measureValue(row: CoverageRow, measure: PlannerSettings['measure']): number | null {
  if (measure === 'shareWithin') return row.shareWithin === null ? null : row.shareWithin * 100;
  if (measure === 'childrenBeyond') return row.childrenBeyond.value;
  return row.supplyPer1000Children;
}

export type GapData = {
  gaps: {
    method: { thresholdMetres: number };
    childrenBeyond: { value: number | null; suppressed: boolean };
    hotspots: { rank: number }[];
    geojson: FeatureCollection<Polygon | MultiPolygon, { rank: number; children: number | null; childrenDisplay: string; areaKm2: number }>;
  };
};

/** Most gap areas drawn on the city map. */
export const GAP_LIMIT = 200;

export const gapQuery = /* GraphQL */ `
  query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
    gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, limit: ${GAP_LIMIT}) {
      method { thresholdMetres }
      childrenBeyond { value suppressed }
      hotspots { rank }
      geojson
    }
  }
`;

export type ChildrenData = {
  childrenGrid: {
    children: { value: number | null; suppressed: boolean };
    cellCount: number;
    method: { populationIsEstimate: boolean; censusSource: string | null; evenSpreadSubDistricts: string[] };
    geojson: FeatureCollection<Polygon, { children: number; subDistrictCode: string; spread: 'CENSUS' | 'EVEN' }>;
  };
};

export const childrenQuery = /* GraphQL */ `
  query Children($ageBand: AgeBand!) {
    childrenGrid(ageBand: $ageBand) {
      children { value suppressed }
      cellCount
      method { populationIsEstimate censusSource evenSpreadSubDistricts }
      geojson
    }
  }
`;

export type NeedRow = {
  area: { code: string; name: string };
  childPoverty2018: number | null;
  childPoverty2024: number | null;
  childPovertyChange: number | null;
  shareWithin: number | null;
  priorityScore: number;
  highNeedPoorProvision: boolean;
};

export type NeedData = {
  needProvision: { rankingMethod: string; cityChildPoverty2024: number | null; cityShareWithin: number | null; rows: NeedRow[] };
};

export const needQuery = /* GraphQL */ `
  query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
    needProvision(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {
      rankingMethod cityChildPoverty2024 cityShareWithin
      rows { area { code name } childPoverty2018 childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision }
    }
  }
`;

/** The categories a target stands for: one category, or all categories of a field of action. */
export function targetCategories(target: string, categories: { key: string; fieldOfAction: string }[]): string[] {
  if (!target.startsWith('field:')) return [target];
  const field = target.slice('field:'.length);
  return categories.filter((c) => c.fieldOfAction === field).map((c) => c.key);
}
