// The web app's writes and the data they need: typed documents checked against the schema
// (npm run codegen). Every write is sent with the session cookie (same origin, JSON body).
import { graphql as run } from '../../api/graphql.ts';
import { graphql } from '../../gql/gql.ts';
import { queryClient } from '../../kit/useGraphQL.ts';

export const meQuery = graphql(`
  query Me {
    me { login displayName role }
  }
`);

export const editingChoicesQuery = graphql(`
  query EditingChoices {
    offers { key labelDe labelEn }
    spokenLanguages { code labelDe labelEn }
  }
`);

export const facilityDetailQuery = graphql(`
  query FacilityDetail($key: String!) {
    facility(key: $key) {
      key version origin name openingHours languages
      address { street houseNumber }
      contact { phone email website }
      offers
      lastVerified { at by }
      provenance { licence attribution }
      history(first: 10) { id at actor action reason }
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) { account { login displayName role } }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout { logout }
`);

export const createFacilityMutation = graphql(`
  mutation CreateFacility($fields: FacilityFields!, $location: PointInput!) {
    createFacility(fields: $fields, location: $location) { facility { key name } reachRecomputed }
  }
`);

export const proposeFacilityMutation = graphql(`
  mutation ProposeFacility($fields: FacilityFields!, $location: PointInput!, $message: String!, $contact: String) {
    proposeFacility(fields: $fields, location: $location, message: $message, contact: $contact) { id }
  }
`);

export const updateFacilityMutation = graphql(`
  mutation UpdateFacility($key: String!, $version: Int!, $fields: FacilityFields!, $reason: String) {
    updateFacility(key: $key, version: $version, fields: $fields, reason: $reason) { facility { key version } }
  }
`);

export const retireFacilityMutation = graphql(`
  mutation RetireFacility($key: String!, $version: Int!, $reason: String!) {
    retireFacility(key: $key, version: $version, reason: $reason) { facility { key } }
  }
`);

export const confirmFacilityMutation = graphql(`
  mutation ConfirmFacility($key: String!, $version: Int!) {
    confirmFacility(key: $key, version: $version) { facility { key version } }
  }
`);

export const reportProblemMutation = graphql(`
  mutation ReportProblem($key: String!, $message: String!, $contact: String) {
    reportFacilityProblem(key: $key, message: $message, contact: $contact) { id }
  }
`);

export const reportsQuery = graphql(`
  query Reports {
    reports { id kind message contact createdAt facilityKey proposed facility { name } }
  }
`);

export const acceptReportMutation = graphql(`
  mutation AcceptReport($id: Int!, $fields: FacilityFields) {
    acceptReport(id: $id, fields: $fields) { id status }
  }
`);

export const rejectReportMutation = graphql(`
  mutation RejectReport($id: Int!, $note: String!) {
    rejectReport(id: $id, note: $note) { id status }
  }
`);

export const conflictsQuery = graphql(`
  query Conflicts {
    facilityConflicts { id facilityKey incoming current facility { name } }
  }
`);

export const resolveConflictMutation = graphql(`
  mutation ResolveConflict($id: Int!, $resolution: ConflictResolution!) {
    resolveFacilityConflict(id: $id, resolution: $resolution) { id status }
  }
`);

export const supplementReportFragment = graphql(`
  fragment SupplementReportFields on SupplementReport {
    written created updated unchanged errors
    lines { line status key message }
  }
`);

export const importCsvMutation = graphql(`
  mutation ImportCsv($csv: String!, $source: SupplementSource!, $dryRun: Boolean) {
    importFacilitiesCsv(csv: $csv, source: $source, dryRun: $dryRun) { ...SupplementReportFields }
  }
`);

/**
 * Signs out: the session ends, the views that need an account close first (so that nothing asks
 * for reviewers' data without one), then everything is fetched anew.
 */
export async function signOut(lang: string): Promise<void> {
  await run(logoutMutation.toString(), {}, undefined, lang);
  queryClient.setQueriesData({ predicate: (q) => q.queryKey[0] === meQuery.toString() }, { me: null });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await queryClient.invalidateQueries();
}
