// The levels of Dortmund's area hierarchy: the stored value, the API's enum name, the order from
// small to large, how many areas each has today (the cost model sizes a level's list by it; a data
// test checks the counts against the imported areas), and the name and title the OGC API and the
// tiles give their collections and layers. Listed in the order the OGC API lists them.
export type AreaLevel = 'ubz' | 'statistical_district' | 'stadtbezirk' | 'sozialraum' | 'aktionsraum' | 'city';

export type AreaLevelInfo = {
  key: AreaLevel;
  /** The GraphQL enum value. */
  graphql: 'UBZ' | 'STATISTICAL_DISTRICT' | 'STADTBEZIRK' | 'SOZIALRAUM' | 'AKTIONSRAUM' | 'CITY';
  /** From small (0) to large: a parent always has a higher rank. */
  rank: number;
  count: number;
  /** The OGC collection id and the tile layer name. */
  slug: string;
  title: string;
};

export const AREA_LEVELS: readonly AreaLevelInfo[] = [
  { key: 'aktionsraum', graphql: 'AKTIONSRAUM', rank: 2, count: 13, slug: 'aktionsraeume', title: 'Aktionsräume (13 action areas of the Aktionsplan Soziale Stadt)' },
  { key: 'sozialraum', graphql: 'SOZIALRAUM', rank: 3, count: 39, slug: 'sozialraeume', title: 'Sozialräume (39 social areas)' },
  { key: 'stadtbezirk', graphql: 'STADTBEZIRK', rank: 4, count: 12, slug: 'stadtbezirke', title: 'Stadtbezirke (12 boroughs)' },
  { key: 'statistical_district', graphql: 'STATISTICAL_DISTRICT', rank: 1, count: 62, slug: 'statistische-bezirke', title: 'Statistische Bezirke (62 statistical districts)' },
  { key: 'ubz', graphql: 'UBZ', rank: 0, count: 170, slug: 'unterbezirke', title: 'Statistische Unterbezirke (170 sub-districts)' },
  { key: 'city', graphql: 'CITY', rank: 5, count: 1, slug: 'stadt', title: 'Stadt Dortmund (the city boundary)' },
];

const byKey = new Map(AREA_LEVELS.map((l) => [l.key, l]));

/** The level of a stored value. */
export const areaLevelInfo = (key: AreaLevel): AreaLevelInfo => byKey.get(key)!;

/** The areas per level. */
export const AREA_COUNTS = Object.fromEntries(AREA_LEVELS.map((l) => [l.key, l.count])) as Record<AreaLevel, number>;

/** The rank of each level (small to large). */
export const levelRank = Object.fromEntries(AREA_LEVELS.map((l) => [l.key, l.rank])) as Record<AreaLevel, number>;

/** GraphQL enum value -> stored value (a literal object: the generated resolver types need each pair). */
export const graphqlAreaLevels = {
  UBZ: 'ubz',
  STATISTICAL_DISTRICT: 'statistical_district',
  STADTBEZIRK: 'stadtbezirk',
  SOZIALRAUM: 'sozialraum',
  AKTIONSRAUM: 'aktionsraum',
  CITY: 'city',
} as const satisfies Record<AreaLevelInfo['graphql'], AreaLevel>;

/** The number of areas of a level given as the stored value ('aktionsraum') or the API's enum name ('AKTIONSRAUM'); null when unknown. */
export function areaCountOf(level: unknown): number | null {
  if (typeof level !== 'string') return null;
  return byKey.get(level.toLowerCase() as AreaLevel)?.count ?? null;
}
