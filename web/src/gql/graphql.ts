/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Age bands of the population model. Finer bands are not published for small areas. */
export const AgeBand = {
  /** Children under 6 (0 to 5 years). */
  AGE_0_5: 'AGE_0_5',
  /** All under 18. */
  AGE_0_17: 'AGE_0_17',
  /** Children and young people from 6 to under 18. */
  AGE_6_17: 'AGE_6_17'
} as const;

export type AgeBand = typeof AgeBand[keyof typeof AgeBand];
/** Levels of the city's area hierarchy. */
export const AreaLevel = {
  /** Aktionsraum: one of the 13 action areas of the Aktionsplan Soziale Stadt (the set in force today). */
  AKTIONSRAUM: 'AKTIONSRAUM',
  /** The whole city. */
  CITY: 'CITY',
  /** Sozialraum: 39 social planning areas. */
  SOZIALRAUM: 'SOZIALRAUM',
  /** Stadtbezirk: the 12 boroughs. */
  STADTBEZIRK: 'STADTBEZIRK',
  /** Statistischer Bezirk: 62 statistical districts. */
  STATISTICAL_DISTRICT: 'STATISTICAL_DISTRICT',
  /** Statistischer Unterbezirk (UBZ): 170 statistical sub-districts, the smallest unit. */
  UBZ: 'UBZ'
} as const;

export type AreaLevel = typeof AreaLevel[keyof typeof AreaLevel];
/** Names an area and a distance around it. */
export type AreaNearRef = {
  code: string;
  level: AreaLevel;
  /** Distance from the area's boundary in metres (straight line), 1 to 2000. */
  metres: number;
};

/** Names an area by level and code. */
export type AreaRef = {
  code: string;
  level: AreaLevel;
};

/** How a reviewer settles a conflict. */
export const ConflictResolution = {
  /** Take the source's values; the record follows the import again. */
  APPLY_SOURCE: 'APPLY_SOURCE',
  /** Keep the edit; the same source values are not listed again. */
  KEEP_EDIT: 'KEEP_EDIT'
} as const;

export type ConflictResolution = typeof ConflictResolution[keyof typeof ConflictResolution];
/** What supply to measure: exactly one of a category or a field of action (all its categories together). */
export type CoverageTarget = {
  /** A category key from `taxonomy` (child-related categories only). */
  category?: string | null | undefined;
  /** A field of action of "Kinder stärken". */
  fieldOfAction?: FieldOfAction | null | undefined;
};

/** How the children of a sub-district are placed inside it. */
export const DemandDistribution = {
  /** In proportion to the census grid (Zensus 2011, persons under 10 per 100 m cell): children live where the census found them. A sub-district where the census located nobody is spread evenly and listed in evenSpreadSubDistricts. */
  CENSUS: 'CENSUS',
  /** Evenly over the sub-district's whole area (water, industry and fields included): for comparison only. */
  EVEN: 'EVEN'
} as const;

export type DemandDistribution = typeof DemandDistribution[keyof typeof DemandDistribution];
/**
 * How a distance is measured (domain/distance.ts): STRAIGHT, the straight line times a detour factor;
 * NETWORK, the shortest walk on the walking network (STREET_NETWORK), where the place and the facility
 * are attached to it (else straight, and the figure says so).
 */
export const DistanceModel = {
  NETWORK: 'NETWORK',
  STRAIGHT: 'STRAIGHT'
} as const;

export type DistanceModel = typeof DistanceModel[keyof typeof DistanceModel];
/**
 * The fields of a facility an editor sets. On create, name and category are required; on update,
 * only the fields given change, and null clears an optional field.
 */
export type FacilityFields = {
  /** Places, 0 to 3000. */
  capacity?: number | null | undefined;
  /** A category key as in `taxonomy`. */
  category?: string | null | undefined;
  city?: string | null | undefined;
  email?: string | null | undefined;
  houseNumber?: string | null | undefined;
  /** ISO 639-1 codes as in `spokenLanguages`. */
  languages?: Array<string> | null | undefined;
  /** 2 to 200 characters. */
  name?: string | null | undefined;
  /** Keys as in `offers`. */
  offers?: Array<string> | null | undefined;
  /** Free text, up to 500 characters (e.g. Mo-Fr 8-16 Uhr). */
  openingHours?: string | null | undefined;
  /** Operator (Träger), up to 200 characters. */
  operator?: string | null | undefined;
  /** Digits, spaces and + ( ) / -; 5 to 30 characters. */
  phone?: string | null | undefined;
  street?: string | null | undefined;
  /** The kind within the category, e.g. Gymnasium (up to 100 characters). */
  subtype?: string | null | undefined;
  /** An http(s) address. */
  website?: string | null | undefined;
};

/** Who keeps a facility record. */
export const FacilityOrigin = {
  /** The city's open data, updated by each import (a manual edit is never overwritten silently). */
  IMPORT: 'IMPORT',
  /** Entered by an editor of the atlas. */
  MANUAL: 'MANUAL',
  /** From a CSV supplement imported by an editor (source and licence in provenance). */
  SUPPLEMENT: 'SUPPLEMENT'
} as const;

export type FacilityOrigin = typeof FacilityOrigin[keyof typeof FacilityOrigin];
/** Fields of action of the working group "Kinder stärken" of the Aktionsplan Soziale Stadt. */
export const FieldOfAction = {
  /** Betreuung: reliable day care (Kitas, short-term childcare). */
  BETREUUNG: 'BETREUUNG',
  /** Eltern stärken, Beratung, Gesundheit: advice, family and health services. */
  ELTERN_BERATUNG_GESUNDHEIT: 'ELTERN_BERATUNG_GESUNDHEIT',
  /** Förderung und Bildung: early education, language support, schools, libraries. */
  FOERDERUNG_BILDUNG: 'FOERDERUNG_BILDUNG',
  /** Kinder- und Jugendförderung, Freizeit: open youth work, play spaces, free leisure offers. */
  JUGEND_FREIZEIT: 'JUGEND_FREIZEIT',
  /** Sonstige: services for other groups (seniors, markets, academic libraries). */
  SONSTIGE: 'SONSTIGE'
} as const;

export type FieldOfAction = typeof FieldOfAction[keyof typeof FieldOfAction];
/** A measure as written by a planner. */
export type MeasureInput = {
  /** Aktionsraum code, e.g. 023 (Borsigplatz). */
  aktionsraum: string;
  /** 2008 to 2100; default: the current year. */
  budgetYear?: number | null | undefined;
  /** 0 to 100,000,000 EUR. */
  costEur?: number | null | undefined;
  /** A field of action key (planFields). */
  field: string;
  /** A focal point key of that field. */
  focalPoint: string;
  internal?: boolean | null | undefined;
  /** Up to 2000 characters. */
  notes?: string | null | undefined;
  /** Up to 200 characters. */
  responsible?: string | null | undefined;
  /** Key of a scenario. */
  scenario?: string | null | undefined;
  status: MeasureStatus;
  /** 1 to 200 characters. */
  title: string;
};

/** Status of a measure. */
export const MeasureStatus = {
  /** beschlossen */
  DECIDED: 'DECIDED',
  /** umgesetzt */
  DONE: 'DONE',
  /** in Umsetzung */
  IN_PROGRESS: 'IN_PROGRESS',
  /** vorgeschlagen */
  PROPOSED: 'PROPOSED'
} as const;

export type MeasureStatus = typeof MeasureStatus[keyof typeof MeasureStatus];
/** Where to search from: exactly one of point and facilityKey. */
export type NearInput = {
  /** A facility; it is itself left out of the result. */
  facilityKey?: string | null | undefined;
  /** A position. */
  point?: PointInput | null | undefined;
};

/** A position given by a client, in EPSG:4326. */
export type PointInput = {
  /** Latitude in degrees, -90 to 90 (the city: see `atlasSettings.city.bounds`). */
  latitude: number;
  /** Longitude in degrees, -180 to 180 (the city: see `atlasSettings.city.bounds`). */
  longitude: number;
};

/** What a report is about. */
export const ReportKind = {
  /** Something is wrong with a listed facility (Fehler melden). */
  PROBLEM: 'PROBLEM',
  /** A facility is missing (Angebot vorschlagen). */
  PROPOSAL: 'PROPOSAL'
} as const;

export type ReportKind = typeof ReportKind[keyof typeof ReportKind];
export const ReportStatus = {
  ACCEPTED: 'ACCEPTED',
  OPEN: 'OPEN',
  REJECTED: 'REJECTED'
} as const;

export type ReportStatus = typeof ReportStatus[keyof typeof ReportStatus];
/** What an account may do: EDITOR keeps facility data current, REVIEWER also accepts corrections, PLANNER writes scenarios and the measures of the action plans, ADMIN all of these and manages accounts and imports. */
export const Role = {
  ADMIN: 'ADMIN',
  EDITOR: 'EDITOR',
  PLANNER: 'PLANNER',
  REVIEWER: 'REVIEWER'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** One planned change of a scenario, as given. */
export type ScenarioChangeInput = {
  /** Places, 0 to 3000 (ADD optional, CAPACITY required). */
  capacity?: number | null | undefined;
  /** Category key of a planned facility (ADD). */
  category?: string | null | undefined;
  /** The existing facility (CLOSE, MOVE, CAPACITY). */
  facilityKey?: string | null | undefined;
  kind: ScenarioChangeKind;
  /** Where a planned facility stands (ADD) or where one moves to (MOVE); inside the city. */
  location?: PointInput | null | undefined;
  /** Name of a planned facility (ADD), up to 200 characters. */
  name?: string | null | undefined;
};

/** What a planned change does. */
export const ScenarioChangeKind = {
  /** Open a planned facility: category, location and (optionally) capacity. */
  ADD: 'ADD',
  /** Change the capacity (places) of an existing facility (facilityKey). */
  CAPACITY: 'CAPACITY',
  /** Close an existing facility (facilityKey). */
  CLOSE: 'CLOSE',
  /** Move an existing facility (facilityKey) to location. */
  MOVE: 'MOVE'
} as const;

export type ScenarioChangeKind = typeof ScenarioChangeKind[keyof typeof ScenarioChangeKind];
/** A scenario's title, description and changes (at most 50). */
export type ScenarioInput = {
  changes: Array<ScenarioChangeInput>;
  description?: string | null | undefined;
  /** 1 to 200 characters. */
  title: string;
};

/** Where a CSV supplement comes from: every record carries it. */
export type SupplementSource = {
  /** Credit to give when showing the records. */
  attribution: string;
  /** Licence of the data, e.g. dl-de/by-2-0, CC BY 4.0, or 'Eigene Erhebung'. */
  licence: string;
  /** Short name of the source, e.g. Familienzentren NRW 2026 (2 to 100 characters). */
  name: string;
};

export type AtlasDataQueryVariables = Exact<{ [key: string]: never; }>;


export type AtlasDataQuery = { aktionsraeume: unknown, stadtbezirke: unknown, ubz: unknown, facilities: unknown, mapConfig: { basemapStyleUrl: string | null, attributions: Array<string> }, atlasSettings: { smallCountLimit: number, suppressedLabel: string, walkingMetresPerMinute: number, walkingSpeedSource: string, walkingDetourFactor: number, distanceModel: DistanceModel, defaultThresholds: Array<{ target: string, ageBand: AgeBand, metres: number }> }, taxonomy: { categories: Array<{ key: string, labelDe: string, labelEn: string, fieldOfAction: FieldOfAction, facilityCount: number, inOpenData: boolean }>, fieldsOfAction: Array<{ key: FieldOfAction, labelDe: string, labelEn: string }> }, aktionsraumLabels: Array<{ code: string, name: string, labelPoint: { longitude: number, latitude: number } }>, stadtbezirkLabels: Array<{ code: string, name: string, labelPoint: { longitude: number, latitude: number } }>, ubzLabels: Array<{ code: string, name: string, labelPoint: { longitude: number, latitude: number } }> };

export type PlannerQueryVariables = Exact<{
  level: AreaLevel;
  target: CoverageTarget;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
}>;


export type PlannerQuery = { shapes: unknown, coverage: { method: { thresholdMetres: number, thresholdSource: string, distanceKind: string, distanceModel: DistanceModel, detourFactor: number, populationIsEstimate: boolean, populationDates: Array<string>, importedAt: string | null, supplyMeasure: string, distribution: DemandDistribution, censusSource: string | null, evenSpreadSubDistricts: Array<string> }, areas: Array<{ shareWithin: number | null, shareOnNetwork: number | null, facilitiesInside: number, medianDistanceMetres: number | null, supplyPer1000Children: number | null, area: { code: string, name: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenBeyond: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null, shareOnNetwork: number | null, facilitiesInside: number, medianDistanceMetres: number | null, supplyPer1000Children: number | null, area: { code: string, name: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenBeyond: { value: number | null, suppressed: boolean, display: string } } } };

export type GapsQueryVariables = Exact<{
  target: CoverageTarget;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
  limit: number;
}>;


export type GapsQuery = { gaps: { hotspotCount: number, geojson: unknown, method: { thresholdMetres: number }, childrenBeyond: { value: number | null, suppressed: boolean, display: string }, hotspots: Array<{ rank: number }> } };

export type ChildrenQueryVariables = Exact<{
  ageBand: AgeBand;
}>;


export type ChildrenQuery = { childrenGrid: { cellCount: number, children: { value: number | null, suppressed: boolean, display: string }, method: { populationIsEstimate: boolean, censusSource: string | null, evenSpreadSubDistricts: Array<string> } } };

export type NeedQueryVariables = Exact<{
  level: AreaLevel;
  target: CoverageTarget;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
}>;


export type NeedQuery = { needProvision: { rankingMethod: string, cityChildPoverty2024: number | null, cityShareWithin: number | null, rows: Array<{ childPoverty2018: number | null, childPoverty2024: number | null, childPovertyChange: number | null, shareWithin: number | null, priorityScore: number, highNeedPoorProvision: boolean, area: { code: string, name: string } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { login: string, displayName: string, role: Role } | null };

export type EditingChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type EditingChoicesQuery = { offers: Array<{ key: string, labelDe: string, labelEn: string }>, spokenLanguages: Array<{ code: string, labelDe: string, labelEn: string }> };

export type FacilityDetailQueryVariables = Exact<{
  key: string;
}>;


export type FacilityDetailQuery = { facility: { key: string, version: number, origin: FacilityOrigin, name: string, openingHours: string | null, languages: Array<string>, offers: Array<string>, address: { street: string | null, houseNumber: string | null }, contact: { phone: string | null, email: string | null, website: string | null }, lastVerified: { at: string, by: string } | null, provenance: { licence: string, attribution: string }, history: Array<{ id: string, at: string, actor: string, action: string, reason: string | null }> } | null };

export type LoginMutationVariables = Exact<{
  login: string;
  password: string;
}>;


export type LoginMutation = { login: { account: { login: string, displayName: string, role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type CreateFacilityMutationVariables = Exact<{
  fields: FacilityFields;
  location: PointInput;
}>;


export type CreateFacilityMutation = { createFacility: { reachRecomputed: Array<string>, facility: { key: string, name: string } } };

export type ProposeFacilityMutationVariables = Exact<{
  fields: FacilityFields;
  location: PointInput;
  message: string;
  contact?: string | null | undefined;
}>;


export type ProposeFacilityMutation = { proposeFacility: { id: number } };

export type UpdateFacilityMutationVariables = Exact<{
  key: string;
  version: number;
  fields: FacilityFields;
  reason?: string | null | undefined;
}>;


export type UpdateFacilityMutation = { updateFacility: { facility: { key: string, version: number } } };

export type RetireFacilityMutationVariables = Exact<{
  key: string;
  version: number;
  reason: string;
}>;


export type RetireFacilityMutation = { retireFacility: { facility: { key: string } } };

export type ConfirmFacilityMutationVariables = Exact<{
  key: string;
  version: number;
}>;


export type ConfirmFacilityMutation = { confirmFacility: { facility: { key: string, version: number } } };

export type ReportProblemMutationVariables = Exact<{
  key: string;
  message: string;
  contact?: string | null | undefined;
}>;


export type ReportProblemMutation = { reportFacilityProblem: { id: number } };

export type ReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportsQuery = { reports: Array<{ id: number, kind: ReportKind, message: string, contact: string | null, createdAt: string, facilityKey: string | null, proposed: unknown, facility: { name: string } | null }> };

export type AcceptReportMutationVariables = Exact<{
  id: number;
  fields?: FacilityFields | null | undefined;
}>;


export type AcceptReportMutation = { acceptReport: { id: number, status: ReportStatus } };

export type RejectReportMutationVariables = Exact<{
  id: number;
  note: string;
}>;


export type RejectReportMutation = { rejectReport: { id: number, status: ReportStatus } };

export type ConflictsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConflictsQuery = { facilityConflicts: Array<{ id: number, facilityKey: string, incoming: unknown, current: unknown, facility: { name: string } | null }> };

export type ResolveConflictMutationVariables = Exact<{
  id: number;
  resolution: ConflictResolution;
}>;


export type ResolveConflictMutation = { resolveFacilityConflict: { id: number, status: string } };

export type SupplementReportFieldsFragment = { written: boolean, created: number, updated: number, unchanged: number, errors: number, lines: Array<{ line: number, status: string, key: string | null, message: string | null }> };

export type ImportCsvMutationVariables = Exact<{
  csv: string;
  source: SupplementSource;
  dryRun?: boolean | null | undefined;
}>;


export type ImportCsvMutation = { importFacilitiesCsv: { written: boolean, created: number, updated: number, unchanged: number, errors: number, lines: Array<{ line: number, status: string, key: string | null, message: string | null }> } };

export type PartnersQueryVariables = Exact<{
  near: NearInput;
  radius: number;
  categories?: Array<string> | string | null | undefined;
  offers?: Array<string> | string | null | undefined;
  startchancen?: boolean | null | undefined;
}>;


export type PartnersQuery = { facilitiesNear: { radiusMetres: number, distanceKind: string, distanceModel: DistanceModel, geojson: unknown, items: Array<{ distanceMetres: number, measuredOn: DistanceModel, walkingMinutes: number, facility: { key: string, name: string, operator: string | null, openingHours: string | null, languages: Array<string>, offers: Array<string>, category: { key: string, labelDe: string, labelEn: string }, address: { formatted: string | null }, location: { longitude: number, latitude: number }, contact: { phone: string | null, email: string | null, website: string | null }, schools: Array<{ schulnummer: string, socialIndex: number | null, startchancen: boolean, pupils: number | null }> } }> } };

export type ScenarioEffectQueryVariables = Exact<{
  changes: Array<ScenarioChangeInput> | ScenarioChangeInput;
  target: CoverageTarget;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
  level?: AreaLevel | null | undefined;
}>;


export type ScenarioEffectQuery = { scenarioEffect: { method: { thresholdMetres: number, populationIsEstimate: boolean, populationDates: Array<string> }, changes: { applied: number, otherCategories: number, assumptions: Array<string> }, city: { shareWithinChange: number | null, supplyChange: number | null, rankBefore: number | null, rankAfter: number | null, area: { code: string, name: string }, before: { shareWithin: number | null, supplyPer1000Children: number | null, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, after: { shareWithin: number | null, supplyPer1000Children: number | null, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, newlyWithin: { value: number | null, suppressed: boolean, display: string }, newlyBeyond: { value: number | null, suppressed: boolean, display: string } }, aktionsraeume: Array<{ shareWithinChange: number | null, supplyChange: number | null, rankBefore: number | null, rankAfter: number | null, area: { code: string, name: string }, before: { shareWithin: number | null, supplyPer1000Children: number | null, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, after: { shareWithin: number | null, supplyPer1000Children: number | null, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, newlyWithin: { value: number | null, suppressed: boolean, display: string }, newlyBeyond: { value: number | null, suppressed: boolean, display: string } }>, difference: { geojson: unknown, cellsGaining: number, cellsLosing: number }, equity: { method: string, before: { giniSupply: number | null, giniDistance: number | null, palmaRatio: number | null, concentrationIndex: number | null, shareWithinAktionsraeume: number | null, shareWithinRest: number | null, shareGapPoints: number | null, supplyAktionsraeume: number | null, supplyRest: number | null }, after: { giniSupply: number | null, giniDistance: number | null, palmaRatio: number | null, concentrationIndex: number | null, shareWithinAktionsraeume: number | null, shareWithinRest: number | null, shareGapPoints: number | null, supplyAktionsraeume: number | null, supplyRest: number | null } } } };

export type AreaEffectFieldsFragment = { shareWithinChange: number | null, supplyChange: number | null, rankBefore: number | null, rankAfter: number | null, area: { code: string, name: string }, before: { shareWithin: number | null, supplyPer1000Children: number | null, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, after: { shareWithin: number | null, supplyPer1000Children: number | null, childrenWithin: { value: number | null, suppressed: boolean, display: string } }, newlyWithin: { value: number | null, suppressed: boolean, display: string }, newlyBeyond: { value: number | null, suppressed: boolean, display: string } };

export type EquityFieldsFragment = { giniSupply: number | null, giniDistance: number | null, palmaRatio: number | null, concentrationIndex: number | null, shareWithinAktionsraeume: number | null, shareWithinRest: number | null, shareGapPoints: number | null, supplyAktionsraeume: number | null, supplyRest: number | null };

export type SiteSuggestionsQueryVariables = Exact<{
  category: string;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
  area?: AreaRef | null | undefined;
  count?: number | null | undefined;
  weight?: boolean | null | undefined;
  changes?: Array<ScenarioChangeInput> | ScenarioChangeInput | null | undefined;
}>;


export type SiteSuggestionsQuery = { siteSuggestions: { siteMethod: string, childrenBeyond: { value: number | null, suppressed: boolean, display: string }, suggestions: Array<{ rank: number, weightedGain: number, location: { longitude: number, latitude: number }, subDistrict: { code: string, name: string } | null, childrenGained: { value: number | null, suppressed: boolean, display: string }, cumulativeChildren: { display: string } }> } };

export type StoredScenarioQueryVariables = Exact<{
  key: string;
}>;


export type StoredScenarioQuery = { scenario: { key: string, title: string, description: string, owner: string, version: number, updatedAt: string, changes: Array<{ kind: ScenarioChangeKind, facilityKey: string | null, name: string | null, capacity: number | null, category: { key: string } | null, location: { longitude: number, latitude: number } | null, facility: { name: string } | null }> } | null };

export type CreateScenarioMutationVariables = Exact<{
  input: ScenarioInput;
}>;


export type CreateScenarioMutation = { createScenario: { key: string, version: number, owner: string } };

export type UpdateScenarioMutationVariables = Exact<{
  key: string;
  version: number;
  input: ScenarioInput;
}>;


export type UpdateScenarioMutation = { updateScenario: { key: string, version: number, owner: string } };

export type PlanFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanFieldsQuery = { planFields: Array<{ key: string, label: string, focalPoints: Array<{ key: string, label: string }> }> };

export type ActionPlanQueryVariables = Exact<{
  aktionsraum: string;
  year?: number | null | undefined;
}>;


export type ActionPlanQuery = { actionPlan: { budgetYear: number, totalCostEur: number, remainingEur: number, measuresWithoutCost: number, measures: Array<{ id: string, title: string, status: MeasureStatus, statusLabel: string, responsible: string, costEur: number | null, budgetYear: number, internal: boolean, notes: string, version: number, effects: Array<{ thresholdMetres: number, ageBand: AgeBand, aktionsraumRankBefore: number | null, aktionsraumRankAfter: number | null, category: { key: string, labelDe: string, labelEn: string }, area: { newlyWithin: { display: string, value: number | null }, newlyBeyond: { display: string, value: number | null }, before: { shareWithin: number | null }, after: { shareWithin: number | null } } | null }>, field: { key: string, label: string }, focalPoint: { key: string, label: string }, scenario: { key: string, title: string } | null }>, aktionsraum: { code: string, name: string }, budget: { eurPerYear: number, isApproximate: boolean, source: string } }, coverage: { method: { populationDates: Array<string>, populationIsEstimate: boolean, thresholdMetres: number }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { display: string }, childrenBeyond: { display: string } }> }, needProvision: { cityChildPoverty2024: number | null, rows: Array<{ childPoverty2024: number | null, priorityScore: number, area: { code: string } }> } };

export type ActionPlanFieldsFragment = { budgetYear: number, totalCostEur: number, remainingEur: number, measuresWithoutCost: number, aktionsraum: { code: string, name: string }, budget: { eurPerYear: number, isApproximate: boolean, source: string } };

export type MeasureFieldsFragment = { id: string, title: string, status: MeasureStatus, statusLabel: string, responsible: string, costEur: number | null, budgetYear: number, internal: boolean, notes: string, version: number, field: { key: string, label: string }, focalPoint: { key: string, label: string }, scenario: { key: string, title: string } | null };

export type ActionPlansQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type ActionPlansQuery = { actionPlans: Array<{ budgetYear: number, totalCostEur: number, remainingEur: number, measuresWithoutCost: number, measures: Array<{ id: string, title: string, status: MeasureStatus, statusLabel: string, responsible: string, costEur: number | null, budgetYear: number, internal: boolean, notes: string, version: number, field: { key: string, label: string }, focalPoint: { key: string, label: string }, scenario: { key: string, title: string } | null }>, aktionsraum: { code: string, name: string }, budget: { eurPerYear: number, isApproximate: boolean, source: string } }>, coverage: { method: { populationDates: Array<string>, populationIsEstimate: boolean, thresholdMetres: number }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { display: string }, childrenBeyond: { display: string } }> }, needProvision: { cityChildPoverty2024: number | null, rows: Array<{ childPoverty2024: number | null, priorityScore: number, area: { code: string } }> } };

export type CreateMeasureMutationVariables = Exact<{
  input: MeasureInput;
}>;


export type CreateMeasureMutation = { createMeasure: { id: string } };

export type UpdateMeasureMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: MeasureInput;
}>;


export type UpdateMeasureMutation = { updateMeasure: { id: string, version: number } };

export type DeleteMeasureMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type DeleteMeasureMutation = { deleteMeasure: boolean };

export type ProfileReachFragment = { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } };

export type ProfileQueryVariables = Exact<{
  level: AreaLevel;
  code: string;
  ref: AreaRef;
  near: AreaNearRef;
  indicators: Array<string> | string;
  target: CoverageTarget;
  ageBand: AgeBand;
  threshold?: number | null | undefined;
}>;


export type ProfileQuery = { inside: unknown, near: unknown, area: { level: AreaLevel, code: string, name: string, areaKm2: number, geometry: unknown, parents: Array<{ level: AreaLevel, code: string, name: string }>, subDistricts: Array<{ code: string, name: string }>, indicators: Array<{ year: number, value: number, isEstimate: boolean, method: string, indicator: { key: string, labelDe: string, labelEn: string, unit: string, source: string, comparableAcrossYears: boolean, comparabilityNote: string | null } }>, schools: { schools: number, pupils: number | null, pupilsPer1000Children: number | null, schoolsIndex7To9: number, pupilsIndex7To9: number, shareIndex7To9: number | null, source: string | null, startchancenSchools: Array<{ schulnummer: string, name: string, schulform: string, pupils: number | null, socialIndex: number | null, facility: { name: string } | null }> } } | null, gaps: { hotspotCount: number, geojson: unknown, method: { thresholdMetres: number }, childrenBeyond: { value: number | null, suppressed: boolean, display: string }, hotspots: Array<{ rank: number, areaKm2: number, children: { value: number | null, suppressed: boolean, display: string } }> }, kita: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } }, spielplatz: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } }, grundschule: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } }, jugend: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } }, beratung: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } }, bibliothek: { method: { thresholdMetres: number, thresholdSource: string, populationIsEstimate: boolean, distanceKind: string, populationDates: Array<string>, importedAt: string | null, populationSource: string, distribution: DemandDistribution, censusSource: string | null, walkingNetwork: { attribution: string, licence: string } | null }, areas: Array<{ shareWithin: number | null, area: { code: string }, children: { value: number | null, suppressed: boolean, display: string }, childrenWithin: { value: number | null, suppressed: boolean, display: string } }>, city: { shareWithin: number | null } } };

export type SchoolsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolsQuery = { schools: Array<{ schulnummer: string, name: string, schulform: string, pupils: number | null, socialIndex: number | null, startchancen: boolean, location: { longitude: number, latitude: number } | null, facility: { key: string, location: { longitude: number, latitude: number } } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SupplementReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupplementReportFields on SupplementReport {
  written
  created
  updated
  unchanged
  errors
  lines {
    line
    status
    key
    message
  }
}
    `, {"fragmentName":"SupplementReportFields"}) as unknown as TypedDocumentString<SupplementReportFieldsFragment, unknown>;
export const AreaEffectFieldsFragmentDoc = new TypedDocumentString(`
    fragment AreaEffectFields on AreaEffect {
  area {
    code
    name
  }
  before {
    children {
      value
      suppressed
      display
    }
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
    supplyPer1000Children
  }
  after {
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
    supplyPer1000Children
  }
  newlyWithin {
    value
    suppressed
    display
  }
  newlyBeyond {
    value
    suppressed
    display
  }
  shareWithinChange
  supplyChange
  rankBefore
  rankAfter
}
    `, {"fragmentName":"AreaEffectFields"}) as unknown as TypedDocumentString<AreaEffectFieldsFragment, unknown>;
export const EquityFieldsFragmentDoc = new TypedDocumentString(`
    fragment EquityFields on Equity {
  giniSupply
  giniDistance
  palmaRatio
  concentrationIndex
  shareWithinAktionsraeume
  shareWithinRest
  shareGapPoints
  supplyAktionsraeume
  supplyRest
}
    `, {"fragmentName":"EquityFields"}) as unknown as TypedDocumentString<EquityFieldsFragment, unknown>;
export const ActionPlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActionPlanFields on ActionPlan {
  aktionsraum {
    code
    name
  }
  budgetYear
  budget {
    eurPerYear
    isApproximate
    source
  }
  totalCostEur
  remainingEur
  measuresWithoutCost
}
    `, {"fragmentName":"ActionPlanFields"}) as unknown as TypedDocumentString<ActionPlanFieldsFragment, unknown>;
export const MeasureFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeasureFields on Measure {
  id
  title
  status
  statusLabel
  responsible
  costEur
  budgetYear
  internal
  notes
  version
  field {
    key
    label
  }
  focalPoint {
    key
    label
  }
  scenario {
    key
    title
  }
}
    `, {"fragmentName":"MeasureFields"}) as unknown as TypedDocumentString<MeasureFieldsFragment, unknown>;
export const ProfileReachFragmentDoc = new TypedDocumentString(`
    fragment ProfileReach on CoverageResult {
  method {
    thresholdMetres
    thresholdSource
    populationIsEstimate
    distanceKind
    populationDates
    importedAt
    populationSource
    distribution
    censusSource
    walkingNetwork {
      attribution
      licence
    }
  }
  areas {
    area {
      code
    }
    children {
      value
      suppressed
      display
    }
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
  }
  city {
    shareWithin
  }
}
    `, {"fragmentName":"ProfileReach"}) as unknown as TypedDocumentString<ProfileReachFragment, unknown>;
export const AtlasDataDocument = new TypedDocumentString(`
    query AtlasData {
  mapConfig {
    basemapStyleUrl
    attributions
  }
  atlasSettings {
    smallCountLimit
    suppressedLabel
    walkingMetresPerMinute
    walkingSpeedSource
    walkingDetourFactor
    distanceModel
    defaultThresholds {
      target
      ageBand
      metres
    }
  }
  taxonomy {
    categories {
      key
      labelDe
      labelEn
      fieldOfAction
      facilityCount
      inOpenData
    }
    fieldsOfAction {
      key
      labelDe
      labelEn
    }
  }
  aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)
  stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)
  ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)
  facilities: facilitiesGeoJSON(precision: 6)
  aktionsraumLabels: areas(level: AKTIONSRAUM) {
    code
    name
    labelPoint {
      longitude
      latitude
    }
  }
  stadtbezirkLabels: areas(level: STADTBEZIRK) {
    code
    name
    labelPoint {
      longitude
      latitude
    }
  }
  ubzLabels: areas(level: UBZ) {
    code
    name
    labelPoint {
      longitude
      latitude
    }
  }
}
    `) as unknown as TypedDocumentString<AtlasDataQuery, AtlasDataQueryVariables>;
export const PlannerDocument = new TypedDocumentString(`
    query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
  coverage(
    level: $level
    question: {target: $target, ageBand: $ageBand, thresholdMetres: $threshold}
  ) {
    method {
      thresholdMetres
      thresholdSource
      distanceKind
      distanceModel
      detourFactor
      populationIsEstimate
      populationDates
      importedAt
      supplyMeasure
      distribution
      censusSource
      evenSpreadSubDistricts
    }
    areas {
      area {
        code
        name
      }
      children {
        value
        suppressed
        display
      }
      childrenBeyond {
        value
        suppressed
        display
      }
      shareWithin
      shareOnNetwork
      facilitiesInside
      medianDistanceMetres
      supplyPer1000Children
    }
    city {
      area {
        code
        name
      }
      children {
        value
        suppressed
        display
      }
      childrenBeyond {
        value
        suppressed
        display
      }
      shareWithin
      shareOnNetwork
      facilitiesInside
      medianDistanceMetres
      supplyPer1000Children
    }
  }
  shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)
}
    `) as unknown as TypedDocumentString<PlannerQuery, PlannerQueryVariables>;
export const GapsDocument = new TypedDocumentString(`
    query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $limit: Int!) {
  gaps(
    question: {target: $target, ageBand: $ageBand, thresholdMetres: $threshold}
    limit: $limit
  ) {
    method {
      thresholdMetres
    }
    childrenBeyond {
      value
      suppressed
      display
    }
    hotspotCount
    hotspots {
      rank
    }
    geojson
  }
}
    `) as unknown as TypedDocumentString<GapsQuery, GapsQueryVariables>;
export const ChildrenDocument = new TypedDocumentString(`
    query Children($ageBand: AgeBand!) {
  childrenGrid(ageBand: $ageBand) {
    children {
      value
      suppressed
      display
    }
    cellCount
    method {
      populationIsEstimate
      censusSource
      evenSpreadSubDistricts
    }
  }
}
    `) as unknown as TypedDocumentString<ChildrenQuery, ChildrenQueryVariables>;
export const NeedDocument = new TypedDocumentString(`
    query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
  needProvision(
    level: $level
    question: {target: $target, ageBand: $ageBand, thresholdMetres: $threshold}
  ) {
    rankingMethod
    cityChildPoverty2024
    cityShareWithin
    rows {
      area {
        code
        name
      }
      childPoverty2018
      childPoverty2024
      childPovertyChange
      shareWithin
      priorityScore
      highNeedPoorProvision
    }
  }
}
    `) as unknown as TypedDocumentString<NeedQuery, NeedQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    login
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const EditingChoicesDocument = new TypedDocumentString(`
    query EditingChoices {
  offers {
    key
    labelDe
    labelEn
  }
  spokenLanguages {
    code
    labelDe
    labelEn
  }
}
    `) as unknown as TypedDocumentString<EditingChoicesQuery, EditingChoicesQueryVariables>;
export const FacilityDetailDocument = new TypedDocumentString(`
    query FacilityDetail($key: String!) {
  facility(key: $key) {
    key
    version
    origin
    name
    openingHours
    languages
    address {
      street
      houseNumber
    }
    contact {
      phone
      email
      website
    }
    offers
    lastVerified {
      at
      by
    }
    provenance {
      licence
      attribution
    }
    history(first: 10) {
      id
      at
      actor
      action
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<FacilityDetailQuery, FacilityDetailQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($login: String!, $password: String!) {
  login(login: $login, password: $password) {
    account {
      login
      displayName
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const CreateFacilityDocument = new TypedDocumentString(`
    mutation CreateFacility($fields: FacilityFields!, $location: PointInput!) {
  createFacility(fields: $fields, location: $location) {
    facility {
      key
      name
    }
    reachRecomputed
  }
}
    `) as unknown as TypedDocumentString<CreateFacilityMutation, CreateFacilityMutationVariables>;
export const ProposeFacilityDocument = new TypedDocumentString(`
    mutation ProposeFacility($fields: FacilityFields!, $location: PointInput!, $message: String!, $contact: String) {
  proposeFacility(
    fields: $fields
    location: $location
    message: $message
    contact: $contact
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProposeFacilityMutation, ProposeFacilityMutationVariables>;
export const UpdateFacilityDocument = new TypedDocumentString(`
    mutation UpdateFacility($key: String!, $version: Int!, $fields: FacilityFields!, $reason: String) {
  updateFacility(key: $key, version: $version, fields: $fields, reason: $reason) {
    facility {
      key
      version
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateFacilityMutation, UpdateFacilityMutationVariables>;
export const RetireFacilityDocument = new TypedDocumentString(`
    mutation RetireFacility($key: String!, $version: Int!, $reason: String!) {
  retireFacility(key: $key, version: $version, reason: $reason) {
    facility {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<RetireFacilityMutation, RetireFacilityMutationVariables>;
export const ConfirmFacilityDocument = new TypedDocumentString(`
    mutation ConfirmFacility($key: String!, $version: Int!) {
  confirmFacility(key: $key, version: $version) {
    facility {
      key
      version
    }
  }
}
    `) as unknown as TypedDocumentString<ConfirmFacilityMutation, ConfirmFacilityMutationVariables>;
export const ReportProblemDocument = new TypedDocumentString(`
    mutation ReportProblem($key: String!, $message: String!, $contact: String) {
  reportFacilityProblem(key: $key, message: $message, contact: $contact) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReportProblemMutation, ReportProblemMutationVariables>;
export const ReportsDocument = new TypedDocumentString(`
    query Reports {
  reports {
    id
    kind
    message
    contact
    createdAt
    facilityKey
    proposed
    facility {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ReportsQuery, ReportsQueryVariables>;
export const AcceptReportDocument = new TypedDocumentString(`
    mutation AcceptReport($id: Int!, $fields: FacilityFields) {
  acceptReport(id: $id, fields: $fields) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AcceptReportMutation, AcceptReportMutationVariables>;
export const RejectReportDocument = new TypedDocumentString(`
    mutation RejectReport($id: Int!, $note: String!) {
  rejectReport(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectReportMutation, RejectReportMutationVariables>;
export const ConflictsDocument = new TypedDocumentString(`
    query Conflicts {
  facilityConflicts {
    id
    facilityKey
    incoming
    current
    facility {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConflictsQuery, ConflictsQueryVariables>;
export const ResolveConflictDocument = new TypedDocumentString(`
    mutation ResolveConflict($id: Int!, $resolution: ConflictResolution!) {
  resolveFacilityConflict(id: $id, resolution: $resolution) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResolveConflictMutation, ResolveConflictMutationVariables>;
export const ImportCsvDocument = new TypedDocumentString(`
    mutation ImportCsv($csv: String!, $source: SupplementSource!, $dryRun: Boolean) {
  importFacilitiesCsv(csv: $csv, source: $source, dryRun: $dryRun) {
    ...SupplementReportFields
  }
}
    fragment SupplementReportFields on SupplementReport {
  written
  created
  updated
  unchanged
  errors
  lines {
    line
    status
    key
    message
  }
}`) as unknown as TypedDocumentString<ImportCsvMutation, ImportCsvMutationVariables>;
export const PartnersDocument = new TypedDocumentString(`
    query Partners($near: NearInput!, $radius: Float!, $categories: [String!], $offers: [String!], $startchancen: Boolean) {
  facilitiesNear(
    near: $near
    radius: $radius
    categories: $categories
    offers: $offers
    startchancen: $startchancen
    limit: 500
  ) {
    radiusMetres
    distanceKind
    distanceModel
    items {
      distanceMetres
      measuredOn
      walkingMinutes
      facility {
        key
        name
        operator
        category {
          key
          labelDe
          labelEn
        }
        address {
          formatted
        }
        location {
          longitude
          latitude
        }
        contact {
          phone
          email
          website
        }
        openingHours
        languages
        offers
        schools {
          schulnummer
          socialIndex
          startchancen
          pupils
        }
      }
    }
    geojson
  }
}
    `) as unknown as TypedDocumentString<PartnersQuery, PartnersQueryVariables>;
export const ScenarioEffectDocument = new TypedDocumentString(`
    query ScenarioEffect($changes: [ScenarioChangeInput!]!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $level: AreaLevel) {
  scenarioEffect(
    changes: $changes
    question: {target: $target, ageBand: $ageBand, thresholdMetres: $threshold}
    level: $level
  ) {
    method {
      thresholdMetres
      populationIsEstimate
      populationDates
    }
    changes {
      applied
      otherCategories
      assumptions
    }
    city {
      ...AreaEffectFields
    }
    aktionsraeume {
      ...AreaEffectFields
    }
    difference {
      geojson
      cellsGaining
      cellsLosing
    }
    equity {
      before {
        ...EquityFields
      }
      after {
        ...EquityFields
      }
      method
    }
  }
}
    fragment AreaEffectFields on AreaEffect {
  area {
    code
    name
  }
  before {
    children {
      value
      suppressed
      display
    }
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
    supplyPer1000Children
  }
  after {
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
    supplyPer1000Children
  }
  newlyWithin {
    value
    suppressed
    display
  }
  newlyBeyond {
    value
    suppressed
    display
  }
  shareWithinChange
  supplyChange
  rankBefore
  rankAfter
}
fragment EquityFields on Equity {
  giniSupply
  giniDistance
  palmaRatio
  concentrationIndex
  shareWithinAktionsraeume
  shareWithinRest
  shareGapPoints
  supplyAktionsraeume
  supplyRest
}`) as unknown as TypedDocumentString<ScenarioEffectQuery, ScenarioEffectQueryVariables>;
export const SiteSuggestionsDocument = new TypedDocumentString(`
    query SiteSuggestions($category: String!, $ageBand: AgeBand!, $threshold: Float, $area: AreaRef, $count: Int, $weight: Boolean, $changes: [ScenarioChangeInput!]) {
  siteSuggestions(
    question: {target: {category: $category}, ageBand: $ageBand, thresholdMetres: $threshold}
    area: $area
    count: $count
    weightByNeed: $weight
    changes: $changes
  ) {
    siteMethod
    childrenBeyond {
      value
      suppressed
      display
    }
    suggestions {
      rank
      location {
        longitude
        latitude
      }
      subDistrict {
        code
        name
      }
      childrenGained {
        value
        suppressed
        display
      }
      weightedGain
      cumulativeChildren {
        display
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SiteSuggestionsQuery, SiteSuggestionsQueryVariables>;
export const StoredScenarioDocument = new TypedDocumentString(`
    query StoredScenario($key: String!) {
  scenario(key: $key) {
    key
    title
    description
    owner
    version
    updatedAt
    changes {
      kind
      facilityKey
      category {
        key
      }
      name
      location {
        longitude
        latitude
      }
      capacity
      facility {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StoredScenarioQuery, StoredScenarioQueryVariables>;
export const CreateScenarioDocument = new TypedDocumentString(`
    mutation CreateScenario($input: ScenarioInput!) {
  createScenario(input: $input) {
    key
    version
    owner
  }
}
    `) as unknown as TypedDocumentString<CreateScenarioMutation, CreateScenarioMutationVariables>;
export const UpdateScenarioDocument = new TypedDocumentString(`
    mutation UpdateScenario($key: String!, $version: Int!, $input: ScenarioInput!) {
  updateScenario(key: $key, version: $version, input: $input) {
    key
    version
    owner
  }
}
    `) as unknown as TypedDocumentString<UpdateScenarioMutation, UpdateScenarioMutationVariables>;
export const PlanFieldsDocument = new TypedDocumentString(`
    query PlanFields {
  planFields {
    key
    label
    focalPoints {
      key
      label
    }
  }
}
    `) as unknown as TypedDocumentString<PlanFieldsQuery, PlanFieldsQueryVariables>;
export const ActionPlanDocument = new TypedDocumentString(`
    query ActionPlan($aktionsraum: String!, $year: Int) {
  actionPlan(aktionsraum: $aktionsraum, budgetYear: $year) {
    ...ActionPlanFields
    measures {
      ...MeasureFields
      effects {
        category {
          key
          labelDe
          labelEn
        }
        thresholdMetres
        ageBand
        area {
          newlyWithin {
            display
            value
          }
          newlyBeyond {
            display
            value
          }
          before {
            shareWithin
          }
          after {
            shareWithin
          }
        }
        aktionsraumRankBefore
        aktionsraumRankAfter
      }
    }
  }
  coverage(
    level: AKTIONSRAUM
    question: {target: {category: "kita"}, ageBand: AGE_0_5}
  ) {
    method {
      populationDates
      populationIsEstimate
      thresholdMetres
    }
    areas {
      area {
        code
      }
      children {
        display
      }
      childrenBeyond {
        display
      }
      shareWithin
    }
  }
  needProvision(
    level: AKTIONSRAUM
    question: {target: {category: "kita"}, ageBand: AGE_0_5}
  ) {
    rows {
      area {
        code
      }
      childPoverty2024
      priorityScore
    }
    cityChildPoverty2024
  }
}
    fragment ActionPlanFields on ActionPlan {
  aktionsraum {
    code
    name
  }
  budgetYear
  budget {
    eurPerYear
    isApproximate
    source
  }
  totalCostEur
  remainingEur
  measuresWithoutCost
}
fragment MeasureFields on Measure {
  id
  title
  status
  statusLabel
  responsible
  costEur
  budgetYear
  internal
  notes
  version
  field {
    key
    label
  }
  focalPoint {
    key
    label
  }
  scenario {
    key
    title
  }
}`) as unknown as TypedDocumentString<ActionPlanQuery, ActionPlanQueryVariables>;
export const ActionPlansDocument = new TypedDocumentString(`
    query ActionPlans($year: Int) {
  actionPlans(budgetYear: $year) {
    ...ActionPlanFields
    measures {
      ...MeasureFields
    }
  }
  coverage(
    level: AKTIONSRAUM
    question: {target: {category: "kita"}, ageBand: AGE_0_5}
  ) {
    method {
      populationDates
      populationIsEstimate
      thresholdMetres
    }
    areas {
      area {
        code
      }
      children {
        display
      }
      childrenBeyond {
        display
      }
      shareWithin
    }
  }
  needProvision(
    level: AKTIONSRAUM
    question: {target: {category: "kita"}, ageBand: AGE_0_5}
  ) {
    rows {
      area {
        code
      }
      childPoverty2024
      priorityScore
    }
    cityChildPoverty2024
  }
}
    fragment ActionPlanFields on ActionPlan {
  aktionsraum {
    code
    name
  }
  budgetYear
  budget {
    eurPerYear
    isApproximate
    source
  }
  totalCostEur
  remainingEur
  measuresWithoutCost
}
fragment MeasureFields on Measure {
  id
  title
  status
  statusLabel
  responsible
  costEur
  budgetYear
  internal
  notes
  version
  field {
    key
    label
  }
  focalPoint {
    key
    label
  }
  scenario {
    key
    title
  }
}`) as unknown as TypedDocumentString<ActionPlansQuery, ActionPlansQueryVariables>;
export const CreateMeasureDocument = new TypedDocumentString(`
    mutation CreateMeasure($input: MeasureInput!) {
  createMeasure(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateMeasureMutation, CreateMeasureMutationVariables>;
export const UpdateMeasureDocument = new TypedDocumentString(`
    mutation UpdateMeasure($id: ID!, $version: Int!, $input: MeasureInput!) {
  updateMeasure(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateMeasureMutation, UpdateMeasureMutationVariables>;
export const DeleteMeasureDocument = new TypedDocumentString(`
    mutation DeleteMeasure($id: ID!, $version: Int!) {
  deleteMeasure(id: $id, version: $version)
}
    `) as unknown as TypedDocumentString<DeleteMeasureMutation, DeleteMeasureMutationVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {
  area(level: $level, code: $code) {
    level
    code
    name
    areaKm2
    parents {
      level
      code
      name
    }
    subDistricts {
      code
      name
    }
    geometry(precision: 5, simplify: 2)
    indicators(keys: $indicators) {
      year
      value
      isEstimate
      method
      indicator {
        key
        labelDe
        labelEn
        unit
        source
        comparableAcrossYears
        comparabilityNote
      }
    }
    schools {
      schools
      pupils
      pupilsPer1000Children
      schoolsIndex7To9
      pupilsIndex7To9
      shareIndex7To9
      source
      startchancenSchools {
        schulnummer
        name
        schulform
        pupils
        socialIndex
        facility {
          name
        }
      }
    }
  }
  inside: facilitiesGeoJSON(filter: {area: $ref}, precision: 5)
  near: facilitiesGeoJSON(filter: {nearArea: $near}, precision: 5)
  gaps(
    question: {target: $target, ageBand: $ageBand, thresholdMetres: $threshold}
    area: $ref
    limit: 10
  ) {
    method {
      thresholdMetres
    }
    childrenBeyond {
      value
      suppressed
      display
    }
    hotspotCount
    hotspots {
      rank
      children {
        value
        suppressed
        display
      }
      areaKm2
    }
    geojson
  }
  kita: coverage(
    level: $level
    question: {target: {category: "kita"}, ageBand: AGE_0_5}
  ) {
    ...ProfileReach
  }
  spielplatz: coverage(
    level: $level
    question: {target: {category: "spielplatz"}, ageBand: AGE_0_5}
  ) {
    ...ProfileReach
  }
  grundschule: coverage(
    level: $level
    question: {target: {category: "grundschule"}, ageBand: AGE_6_17}
  ) {
    ...ProfileReach
  }
  jugend: coverage(
    level: $level
    question: {target: {category: "jugendfreizeitstaette"}, ageBand: AGE_6_17}
  ) {
    ...ProfileReach
  }
  beratung: coverage(
    level: $level
    question: {target: {category: "beratungsstelle"}, ageBand: AGE_0_17}
  ) {
    ...ProfileReach
  }
  bibliothek: coverage(
    level: $level
    question: {target: {category: "bibliothek"}, ageBand: AGE_0_17}
  ) {
    ...ProfileReach
  }
}
    fragment ProfileReach on CoverageResult {
  method {
    thresholdMetres
    thresholdSource
    populationIsEstimate
    distanceKind
    populationDates
    importedAt
    populationSource
    distribution
    censusSource
    walkingNetwork {
      attribution
      licence
    }
  }
  areas {
    area {
      code
    }
    children {
      value
      suppressed
      display
    }
    childrenWithin {
      value
      suppressed
      display
    }
    shareWithin
  }
  city {
    shareWithin
  }
}`) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const SchoolsDocument = new TypedDocumentString(`
    query Schools {
  schools(childrensProvision: true) {
    schulnummer
    name
    schulform
    pupils
    socialIndex
    startchancen
    location {
      longitude
      latitude
    }
    facility {
      key
      location {
        longitude
        latitude
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolsQuery, SchoolsQueryVariables>;