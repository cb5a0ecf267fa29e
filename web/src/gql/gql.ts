/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n    query AtlasData {\n      mapConfig { basemapStyleUrl attributions }\n      taxonomy {\n        categories { key labelDe labelEn fieldOfAction facilityCount inOpenData }\n        fieldsOfAction { key labelDe labelEn }\n      }\n      aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)\n      stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)\n      ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)\n      facilities: facilitiesGeoJSON(precision: 6)\n      aktionsraumLabels: areas(level: AKTIONSRAUM) { code name labelPoint { longitude latitude } }\n      stadtbezirkLabels: areas(level: STADTBEZIRK) { code name labelPoint { longitude latitude } }\n      ubzLabels: areas(level: UBZ) { code name labelPoint { longitude latitude } }\n    }\n  ": typeof types.AtlasDataDocument,
    "\n    query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      coverage(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n        method { thresholdMetres thresholdSource distanceKind detourFactor populationIsEstimate populationDates importedAt supplyMeasure\n                 distribution censusSource evenSpreadSubDistricts }\n        areas { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n                facilitiesInside medianDistanceMetres supplyPer1000Children }\n        city { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n               facilitiesInside medianDistanceMetres supplyPer1000Children }\n      }\n      shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)\n    }\n  ": typeof types.PlannerDocument,
    "\n    query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $limit: Int!) {\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, limit: $limit) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank }\n        geojson\n      }\n    }\n  ": typeof types.GapsDocument,
    "\n    query Children($ageBand: AgeBand!) {\n      childrenGrid(ageBand: $ageBand) {\n        children { value suppressed }\n        cellCount\n        method { populationIsEstimate censusSource evenSpreadSubDistricts }\n        geojson\n      }\n    }\n  ": typeof types.ChildrenDocument,
    "\n  query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n    needProvision(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n      rankingMethod cityChildPoverty2024 cityShareWithin\n      rows { area { code name } childPoverty2018 childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision }\n    }\n  }\n": typeof types.NeedDocument,
    "\n  query Me {\n    me { login displayName role }\n  }\n": typeof types.MeDocument,
    "\n  query EditingChoices {\n    offers { key labelDe labelEn }\n    spokenLanguages { code labelDe labelEn }\n  }\n": typeof types.EditingChoicesDocument,
    "\n  query FacilityDetail($key: String!) {\n    facility(key: $key) {\n      key version origin name openingHours languages\n      address { street houseNumber }\n      contact { phone email website }\n      offers\n      lastVerified { at by }\n      provenance { licence attribution }\n      history(first: 10) { id at actor action reason }\n    }\n  }\n": typeof types.FacilityDetailDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { account { login displayName role } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  mutation CreateFacility($fields: FacilityFields!, $location: PointInput!) {\n    createFacility(fields: $fields, location: $location) { facility { key name } reachRecomputed }\n  }\n": typeof types.CreateFacilityDocument,
    "\n  mutation ProposeFacility($fields: FacilityFields!, $location: PointInput!, $message: String!, $contact: String) {\n    proposeFacility(fields: $fields, location: $location, message: $message, contact: $contact) { id }\n  }\n": typeof types.ProposeFacilityDocument,
    "\n  mutation UpdateFacility($key: String!, $version: Int!, $fields: FacilityFields!, $reason: String) {\n    updateFacility(key: $key, version: $version, fields: $fields, reason: $reason) { facility { key version } }\n  }\n": typeof types.UpdateFacilityDocument,
    "\n  mutation RetireFacility($key: String!, $version: Int!, $reason: String!) {\n    retireFacility(key: $key, version: $version, reason: $reason) { facility { key } }\n  }\n": typeof types.RetireFacilityDocument,
    "\n  mutation ConfirmFacility($key: String!, $version: Int!) {\n    confirmFacility(key: $key, version: $version) { facility { key version } }\n  }\n": typeof types.ConfirmFacilityDocument,
    "\n  mutation ReportProblem($key: String!, $message: String!, $contact: String) {\n    reportFacilityProblem(key: $key, message: $message, contact: $contact) { id }\n  }\n": typeof types.ReportProblemDocument,
    "\n  query Reports {\n    reports { id kind message contact createdAt facilityKey proposed facility { name } }\n  }\n": typeof types.ReportsDocument,
    "\n  mutation AcceptReport($id: Int!, $fields: FacilityFields) {\n    acceptReport(id: $id, fields: $fields) { id status }\n  }\n": typeof types.AcceptReportDocument,
    "\n  mutation RejectReport($id: Int!, $note: String!) {\n    rejectReport(id: $id, note: $note) { id status }\n  }\n": typeof types.RejectReportDocument,
    "\n  query Conflicts {\n    facilityConflicts { id facilityKey incoming current facility { name } }\n  }\n": typeof types.ConflictsDocument,
    "\n  mutation ResolveConflict($id: Int!, $resolution: ConflictResolution!) {\n    resolveFacilityConflict(id: $id, resolution: $resolution) { id status }\n  }\n": typeof types.ResolveConflictDocument,
    "\n  fragment SupplementReportFields on SupplementReport {\n    written created updated unchanged errors\n    lines { line status key message }\n  }\n": typeof types.SupplementReportFieldsFragmentDoc,
    "\n  mutation ImportCsv($csv: String!, $source: SupplementSource!, $dryRun: Boolean) {\n    importFacilitiesCsv(csv: $csv, source: $source, dryRun: $dryRun) { ...SupplementReportFields }\n  }\n": typeof types.ImportCsvDocument,
    "\n    query Partners($near: NearInput!, $radius: Float!, $categories: [String!], $offers: [String!]) {\n      facilitiesNear(near: $near, radius: $radius, categories: $categories, offers: $offers, limit: 500) {\n        radiusMetres distanceKind\n        items {\n          distanceMetres\n          facility {\n            key name operator category { key labelDe labelEn } address { formatted } location { longitude latitude }\n            contact { phone email website } openingHours languages offers\n          }\n        }\n        geojson\n      }\n    }\n  ": typeof types.PartnersDocument,
    "\n  fragment ProfileReach on CoverageResult {\n    method { thresholdMetres thresholdSource populationIsEstimate distanceKind populationDates importedAt populationSource distribution censusSource }\n    areas { area { code } children { value suppressed } childrenWithin { value suppressed } shareWithin }\n    city { shareWithin }\n  }\n": typeof types.ProfileReachFragmentDoc,
    "\n    query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!,\n                  $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      area(level: $level, code: $code) {\n        level code name areaKm2\n        parents { level code name }\n        subDistricts { code name }\n        geometry(precision: 5, simplify: 2)\n        indicators(keys: $indicators) { year value isEstimate method indicator { key labelDe labelEn unit source } }\n      }\n      inside: facilitiesGeoJSON(filter: { area: $ref }, precision: 5)\n      near: facilitiesGeoJSON(filter: { nearArea: $near }, precision: 5)\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, area: $ref, limit: 10) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank children { value suppressed } areaKm2 }\n        geojson\n      }\n      kita: coverage(level: $level, target: { category: \"kita\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      spielplatz: coverage(level: $level, target: { category: \"spielplatz\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      grundschule: coverage(level: $level, target: { category: \"grundschule\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      jugend: coverage(level: $level, target: { category: \"jugendfreizeitstaette\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      beratung: coverage(level: $level, target: { category: \"beratungsstelle\" }, ageBand: AGE_0_17) { ...ProfileReach }\n      bibliothek: coverage(level: $level, target: { category: \"bibliothek\" }, ageBand: AGE_0_17) { ...ProfileReach }\n    }\n  ": typeof types.ProfileDocument,
};
const documents: Documents = {
    "\n    query AtlasData {\n      mapConfig { basemapStyleUrl attributions }\n      taxonomy {\n        categories { key labelDe labelEn fieldOfAction facilityCount inOpenData }\n        fieldsOfAction { key labelDe labelEn }\n      }\n      aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)\n      stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)\n      ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)\n      facilities: facilitiesGeoJSON(precision: 6)\n      aktionsraumLabels: areas(level: AKTIONSRAUM) { code name labelPoint { longitude latitude } }\n      stadtbezirkLabels: areas(level: STADTBEZIRK) { code name labelPoint { longitude latitude } }\n      ubzLabels: areas(level: UBZ) { code name labelPoint { longitude latitude } }\n    }\n  ": types.AtlasDataDocument,
    "\n    query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      coverage(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n        method { thresholdMetres thresholdSource distanceKind detourFactor populationIsEstimate populationDates importedAt supplyMeasure\n                 distribution censusSource evenSpreadSubDistricts }\n        areas { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n                facilitiesInside medianDistanceMetres supplyPer1000Children }\n        city { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n               facilitiesInside medianDistanceMetres supplyPer1000Children }\n      }\n      shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)\n    }\n  ": types.PlannerDocument,
    "\n    query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $limit: Int!) {\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, limit: $limit) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank }\n        geojson\n      }\n    }\n  ": types.GapsDocument,
    "\n    query Children($ageBand: AgeBand!) {\n      childrenGrid(ageBand: $ageBand) {\n        children { value suppressed }\n        cellCount\n        method { populationIsEstimate censusSource evenSpreadSubDistricts }\n        geojson\n      }\n    }\n  ": types.ChildrenDocument,
    "\n  query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n    needProvision(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n      rankingMethod cityChildPoverty2024 cityShareWithin\n      rows { area { code name } childPoverty2018 childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision }\n    }\n  }\n": types.NeedDocument,
    "\n  query Me {\n    me { login displayName role }\n  }\n": types.MeDocument,
    "\n  query EditingChoices {\n    offers { key labelDe labelEn }\n    spokenLanguages { code labelDe labelEn }\n  }\n": types.EditingChoicesDocument,
    "\n  query FacilityDetail($key: String!) {\n    facility(key: $key) {\n      key version origin name openingHours languages\n      address { street houseNumber }\n      contact { phone email website }\n      offers\n      lastVerified { at by }\n      provenance { licence attribution }\n      history(first: 10) { id at actor action reason }\n    }\n  }\n": types.FacilityDetailDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { account { login displayName role } }\n  }\n": types.LoginDocument,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  mutation CreateFacility($fields: FacilityFields!, $location: PointInput!) {\n    createFacility(fields: $fields, location: $location) { facility { key name } reachRecomputed }\n  }\n": types.CreateFacilityDocument,
    "\n  mutation ProposeFacility($fields: FacilityFields!, $location: PointInput!, $message: String!, $contact: String) {\n    proposeFacility(fields: $fields, location: $location, message: $message, contact: $contact) { id }\n  }\n": types.ProposeFacilityDocument,
    "\n  mutation UpdateFacility($key: String!, $version: Int!, $fields: FacilityFields!, $reason: String) {\n    updateFacility(key: $key, version: $version, fields: $fields, reason: $reason) { facility { key version } }\n  }\n": types.UpdateFacilityDocument,
    "\n  mutation RetireFacility($key: String!, $version: Int!, $reason: String!) {\n    retireFacility(key: $key, version: $version, reason: $reason) { facility { key } }\n  }\n": types.RetireFacilityDocument,
    "\n  mutation ConfirmFacility($key: String!, $version: Int!) {\n    confirmFacility(key: $key, version: $version) { facility { key version } }\n  }\n": types.ConfirmFacilityDocument,
    "\n  mutation ReportProblem($key: String!, $message: String!, $contact: String) {\n    reportFacilityProblem(key: $key, message: $message, contact: $contact) { id }\n  }\n": types.ReportProblemDocument,
    "\n  query Reports {\n    reports { id kind message contact createdAt facilityKey proposed facility { name } }\n  }\n": types.ReportsDocument,
    "\n  mutation AcceptReport($id: Int!, $fields: FacilityFields) {\n    acceptReport(id: $id, fields: $fields) { id status }\n  }\n": types.AcceptReportDocument,
    "\n  mutation RejectReport($id: Int!, $note: String!) {\n    rejectReport(id: $id, note: $note) { id status }\n  }\n": types.RejectReportDocument,
    "\n  query Conflicts {\n    facilityConflicts { id facilityKey incoming current facility { name } }\n  }\n": types.ConflictsDocument,
    "\n  mutation ResolveConflict($id: Int!, $resolution: ConflictResolution!) {\n    resolveFacilityConflict(id: $id, resolution: $resolution) { id status }\n  }\n": types.ResolveConflictDocument,
    "\n  fragment SupplementReportFields on SupplementReport {\n    written created updated unchanged errors\n    lines { line status key message }\n  }\n": types.SupplementReportFieldsFragmentDoc,
    "\n  mutation ImportCsv($csv: String!, $source: SupplementSource!, $dryRun: Boolean) {\n    importFacilitiesCsv(csv: $csv, source: $source, dryRun: $dryRun) { ...SupplementReportFields }\n  }\n": types.ImportCsvDocument,
    "\n    query Partners($near: NearInput!, $radius: Float!, $categories: [String!], $offers: [String!]) {\n      facilitiesNear(near: $near, radius: $radius, categories: $categories, offers: $offers, limit: 500) {\n        radiusMetres distanceKind\n        items {\n          distanceMetres\n          facility {\n            key name operator category { key labelDe labelEn } address { formatted } location { longitude latitude }\n            contact { phone email website } openingHours languages offers\n          }\n        }\n        geojson\n      }\n    }\n  ": types.PartnersDocument,
    "\n  fragment ProfileReach on CoverageResult {\n    method { thresholdMetres thresholdSource populationIsEstimate distanceKind populationDates importedAt populationSource distribution censusSource }\n    areas { area { code } children { value suppressed } childrenWithin { value suppressed } shareWithin }\n    city { shareWithin }\n  }\n": types.ProfileReachFragmentDoc,
    "\n    query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!,\n                  $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      area(level: $level, code: $code) {\n        level code name areaKm2\n        parents { level code name }\n        subDistricts { code name }\n        geometry(precision: 5, simplify: 2)\n        indicators(keys: $indicators) { year value isEstimate method indicator { key labelDe labelEn unit source } }\n      }\n      inside: facilitiesGeoJSON(filter: { area: $ref }, precision: 5)\n      near: facilitiesGeoJSON(filter: { nearArea: $near }, precision: 5)\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, area: $ref, limit: 10) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank children { value suppressed } areaKm2 }\n        geojson\n      }\n      kita: coverage(level: $level, target: { category: \"kita\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      spielplatz: coverage(level: $level, target: { category: \"spielplatz\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      grundschule: coverage(level: $level, target: { category: \"grundschule\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      jugend: coverage(level: $level, target: { category: \"jugendfreizeitstaette\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      beratung: coverage(level: $level, target: { category: \"beratungsstelle\" }, ageBand: AGE_0_17) { ...ProfileReach }\n      bibliothek: coverage(level: $level, target: { category: \"bibliothek\" }, ageBand: AGE_0_17) { ...ProfileReach }\n    }\n  ": types.ProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AtlasData {\n      mapConfig { basemapStyleUrl attributions }\n      taxonomy {\n        categories { key labelDe labelEn fieldOfAction facilityCount inOpenData }\n        fieldsOfAction { key labelDe labelEn }\n      }\n      aktionsraeume: areasGeoJSON(level: AKTIONSRAUM, precision: 5)\n      stadtbezirke: areasGeoJSON(level: STADTBEZIRK, precision: 5, simplify: 5)\n      ubz: areasGeoJSON(level: UBZ, precision: 5, simplify: 5)\n      facilities: facilitiesGeoJSON(precision: 6)\n      aktionsraumLabels: areas(level: AKTIONSRAUM) { code name labelPoint { longitude latitude } }\n      stadtbezirkLabels: areas(level: STADTBEZIRK) { code name labelPoint { longitude latitude } }\n      ubzLabels: areas(level: UBZ) { code name labelPoint { longitude latitude } }\n    }\n  "): typeof import('./graphql').AtlasDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Planner($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      coverage(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n        method { thresholdMetres thresholdSource distanceKind detourFactor populationIsEstimate populationDates importedAt supplyMeasure\n                 distribution censusSource evenSpreadSubDistricts }\n        areas { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n                facilitiesInside medianDistanceMetres supplyPer1000Children }\n        city { area { code name } children { value suppressed } childrenBeyond { value suppressed } shareWithin\n               facilitiesInside medianDistanceMetres supplyPer1000Children }\n      }\n      shapes: areasGeoJSON(level: $level, precision: 5, simplify: 5)\n    }\n  "): typeof import('./graphql').PlannerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Gaps($target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $limit: Int!) {\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, limit: $limit) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank }\n        geojson\n      }\n    }\n  "): typeof import('./graphql').GapsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Children($ageBand: AgeBand!) {\n      childrenGrid(ageBand: $ageBand) {\n        children { value suppressed }\n        cellCount\n        method { populationIsEstimate censusSource evenSpreadSubDistricts }\n        geojson\n      }\n    }\n  "): typeof import('./graphql').ChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Need($level: AreaLevel!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n    needProvision(level: $level, target: $target, ageBand: $ageBand, thresholdMetres: $threshold) {\n      rankingMethod cityChildPoverty2024 cityShareWithin\n      rows { area { code name } childPoverty2018 childPoverty2024 childPovertyChange shareWithin priorityScore highNeedPoorProvision }\n    }\n  }\n"): typeof import('./graphql').NeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { login displayName role }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditingChoices {\n    offers { key labelDe labelEn }\n    spokenLanguages { code labelDe labelEn }\n  }\n"): typeof import('./graphql').EditingChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FacilityDetail($key: String!) {\n    facility(key: $key) {\n      key version origin name openingHours languages\n      address { street houseNumber }\n      contact { phone email website }\n      offers\n      lastVerified { at by }\n      provenance { licence attribution }\n      history(first: 10) { id at actor action reason }\n    }\n  }\n"): typeof import('./graphql').FacilityDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { account { login displayName role } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFacility($fields: FacilityFields!, $location: PointInput!) {\n    createFacility(fields: $fields, location: $location) { facility { key name } reachRecomputed }\n  }\n"): typeof import('./graphql').CreateFacilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeFacility($fields: FacilityFields!, $location: PointInput!, $message: String!, $contact: String) {\n    proposeFacility(fields: $fields, location: $location, message: $message, contact: $contact) { id }\n  }\n"): typeof import('./graphql').ProposeFacilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFacility($key: String!, $version: Int!, $fields: FacilityFields!, $reason: String) {\n    updateFacility(key: $key, version: $version, fields: $fields, reason: $reason) { facility { key version } }\n  }\n"): typeof import('./graphql').UpdateFacilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireFacility($key: String!, $version: Int!, $reason: String!) {\n    retireFacility(key: $key, version: $version, reason: $reason) { facility { key } }\n  }\n"): typeof import('./graphql').RetireFacilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmFacility($key: String!, $version: Int!) {\n    confirmFacility(key: $key, version: $version) { facility { key version } }\n  }\n"): typeof import('./graphql').ConfirmFacilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportProblem($key: String!, $message: String!, $contact: String) {\n    reportFacilityProblem(key: $key, message: $message, contact: $contact) { id }\n  }\n"): typeof import('./graphql').ReportProblemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports {\n    reports { id kind message contact createdAt facilityKey proposed facility { name } }\n  }\n"): typeof import('./graphql').ReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReport($id: Int!, $fields: FacilityFields) {\n    acceptReport(id: $id, fields: $fields) { id status }\n  }\n"): typeof import('./graphql').AcceptReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReport($id: Int!, $note: String!) {\n    rejectReport(id: $id, note: $note) { id status }\n  }\n"): typeof import('./graphql').RejectReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conflicts {\n    facilityConflicts { id facilityKey incoming current facility { name } }\n  }\n"): typeof import('./graphql').ConflictsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveConflict($id: Int!, $resolution: ConflictResolution!) {\n    resolveFacilityConflict(id: $id, resolution: $resolution) { id status }\n  }\n"): typeof import('./graphql').ResolveConflictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplementReportFields on SupplementReport {\n    written created updated unchanged errors\n    lines { line status key message }\n  }\n"): typeof import('./graphql').SupplementReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCsv($csv: String!, $source: SupplementSource!, $dryRun: Boolean) {\n    importFacilitiesCsv(csv: $csv, source: $source, dryRun: $dryRun) { ...SupplementReportFields }\n  }\n"): typeof import('./graphql').ImportCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Partners($near: NearInput!, $radius: Float!, $categories: [String!], $offers: [String!]) {\n      facilitiesNear(near: $near, radius: $radius, categories: $categories, offers: $offers, limit: 500) {\n        radiusMetres distanceKind\n        items {\n          distanceMetres\n          facility {\n            key name operator category { key labelDe labelEn } address { formatted } location { longitude latitude }\n            contact { phone email website } openingHours languages offers\n          }\n        }\n        geojson\n      }\n    }\n  "): typeof import('./graphql').PartnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileReach on CoverageResult {\n    method { thresholdMetres thresholdSource populationIsEstimate distanceKind populationDates importedAt populationSource distribution censusSource }\n    areas { area { code } children { value suppressed } childrenWithin { value suppressed } shareWithin }\n    city { shareWithin }\n  }\n"): typeof import('./graphql').ProfileReachFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Profile($level: AreaLevel!, $code: String!, $ref: AreaRef!, $near: AreaNearRef!, $indicators: [String!]!,\n                  $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float) {\n      area(level: $level, code: $code) {\n        level code name areaKm2\n        parents { level code name }\n        subDistricts { code name }\n        geometry(precision: 5, simplify: 2)\n        indicators(keys: $indicators) { year value isEstimate method indicator { key labelDe labelEn unit source } }\n      }\n      inside: facilitiesGeoJSON(filter: { area: $ref }, precision: 5)\n      near: facilitiesGeoJSON(filter: { nearArea: $near }, precision: 5)\n      gaps(target: $target, ageBand: $ageBand, thresholdMetres: $threshold, area: $ref, limit: 10) {\n        method { thresholdMetres }\n        childrenBeyond { value suppressed }\n        hotspotCount\n        hotspots { rank children { value suppressed } areaKm2 }\n        geojson\n      }\n      kita: coverage(level: $level, target: { category: \"kita\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      spielplatz: coverage(level: $level, target: { category: \"spielplatz\" }, ageBand: AGE_0_5) { ...ProfileReach }\n      grundschule: coverage(level: $level, target: { category: \"grundschule\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      jugend: coverage(level: $level, target: { category: \"jugendfreizeitstaette\" }, ageBand: AGE_6_17) { ...ProfileReach }\n      beratung: coverage(level: $level, target: { category: \"beratungsstelle\" }, ageBand: AGE_0_17) { ...ProfileReach }\n      bibliothek: coverage(level: $level, target: { category: \"bibliothek\" }, ageBand: AGE_0_17) { ...ProfileReach }\n    }\n  "): typeof import('./graphql').ProfileDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
