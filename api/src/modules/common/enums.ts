// GraphQL enum values and the values stored in the database.
// Area levels live in domain/areaLevels.ts (with their counts, ranks and OGC names).
export { graphqlAreaLevels as areaLevels, levelRank, type AreaLevel } from '../../../../domain/areaLevels.ts';

export const fieldOfActionValues = {
  BETREUUNG: 'betreuung',
  FOERDERUNG_BILDUNG: 'foerderung_bildung',
  JUGEND_FREIZEIT: 'jugend_freizeit',
  ELTERN_BERATUNG_GESUNDHEIT: 'eltern_beratung_gesundheit',
  SONSTIGE: 'sonstige',
} as const;

export type FieldOfAction = (typeof fieldOfActionValues)[keyof typeof fieldOfActionValues];
