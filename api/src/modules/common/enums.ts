// GraphQL enum values and the values stored in the database.
export const areaLevels = {
  UBZ: 'ubz',
  STATISTICAL_DISTRICT: 'statistical_district',
  STADTBEZIRK: 'stadtbezirk',
  SOZIALRAUM: 'sozialraum',
  AKTIONSRAUM: 'aktionsraum',
  CITY: 'city',
} as const;

export type AreaLevel = (typeof areaLevels)[keyof typeof areaLevels];

/** Order of the levels from small to large: a parent is always of a higher rank. */
export const levelRank: Record<AreaLevel, number> = {
  ubz: 0,
  statistical_district: 1,
  aktionsraum: 2,
  sozialraum: 3,
  stadtbezirk: 4,
  city: 5,
};

export const fieldOfActionValues = {
  BETREUUNG: 'betreuung',
  FOERDERUNG_BILDUNG: 'foerderung_bildung',
  JUGEND_FREIZEIT: 'jugend_freizeit',
  ELTERN_BERATUNG_GESUNDHEIT: 'eltern_beratung_gesundheit',
  SONSTIGE: 'sonstige',
} as const;

export type FieldOfAction = (typeof fieldOfActionValues)[keyof typeof fieldOfActionValues];
