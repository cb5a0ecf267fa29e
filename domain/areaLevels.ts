// How many areas each level of Dortmund's hierarchy has today (the city's statistical areas and
// the Aktionsräume in force). The API's cost model sizes a level's list by them; a data test checks
// them against the imported areas.
export const AREA_COUNTS = {
  ubz: 170,
  statistical_district: 62,
  stadtbezirk: 12,
  sozialraum: 39,
  aktionsraum: 13,
  city: 1,
} as const;

export type AreaLevelKey = keyof typeof AREA_COUNTS;

/** The number of areas of a level given as the stored value ('aktionsraum') or the API's enum name ('AKTIONSRAUM'); null when unknown. */
export function areaCountOf(level: unknown): number | null {
  if (typeof level !== 'string') return null;
  const key = level.toLowerCase() as AreaLevelKey;
  return Object.hasOwn(AREA_COUNTS, key) ? AREA_COUNTS[key] : null;
}
