// The collections the OGC API offers: the areas of every level, the facilities, and the coverage
// of every default target (category or field of action, age band, threshold) per level.
import { defaultCoverageSets, type Threshold } from '../../../../domain/coverageRules.ts';
import { thresholds } from '../../../../domain/coverageRules.ts';
import { targetCategories } from '../../../../domain/taxonomy.ts';
import { AREA_LEVELS, type AreaLevel } from '../../../../domain/areaLevels.ts';
import { areaColumns, type Column, coverageColumns, facilityColumns, schoolColumns } from './ogcStore.ts';
import { CITY } from '../../../../domain/city.ts';

/** Every collection: its properties (typed, for the schema) and those a filter may name (queryables). */
type Described = { id: string; title: string; description: string; columns: Record<string, Column>; queryables: string[] };

export type Collection =
  | (Described & { kind: 'area'; level: AreaLevel })
  | (Described & { kind: 'facility' })
  | (Described & { kind: 'school' })
  | (Described & { kind: 'coverage'; level: AreaLevel; set: ReturnType<typeof defaultCoverageSets>[number]; threshold: Threshold });

const LEVELS = AREA_LEVELS.map((l) => ({ level: l.key, id: l.slug, title: l.title }));

/** Indicators given as properties of every area (values of 2018 and 2024; larger areas: the mean of their sub-districts). */
export const AREA_INDICATORS = [
  'children_under_15_SGB_II_pct',
  'transfer_payment_pct',
  'unemployed_under_25_pct',
  'share_0_6_pct',
  'share_6_18_pct',
  'households_with_children_pct',
];

const AREA_COLUMNS = areaColumns(AREA_INDICATORS);

/** Facility properties a filter may name (contact details and lists are shown, not filtered). */
const FACILITY_QUERYABLES = [
  'key', 'name', 'category', 'field_of_action', 'subtype', 'operator', 'capacity', 'street', 'city', 'unterbezirk', 'origin', 'source_dataset', 'licence', 'imported_at',
  'schulnummer', 'pupils', 'social_index', 'startchancen',
];

const slug = (s: string) => s.replaceAll('_', '-');

export const collections: Collection[] = [
  ...LEVELS.map(
    ({ level, id, title }): Collection => ({
      kind: 'area',
      id,
      level,
      title,
      description: `${title}: code, name, parent areas (codes) and the indicators ${AREA_INDICATORS.join(', ')} for 2018 and 2024 (for areas larger than a sub-district: the unweighted mean of their sub-districts, an estimate). Source: ${CITY.officialName.de}, open data (dl-de/zero-2.0).`,
      columns: AREA_COLUMNS,
      queryables: Object.keys(AREA_COLUMNS),
    }),
  ),
  {
    kind: 'facility',
    id: 'einrichtungen',
    title: 'Einrichtungen (facilities for children and families)',
    description:
      'Facilities in service: Kitas, schools, youth centres, play spaces, libraries, advice and health services, family centres, ... with category, field of action, address, contact and offers where known, and their provenance (dataset, licence, attribution). Filter by any of the queryables (for example category=kita, or filter=capacity >= 100 AND unterbezirk = \'011\').',
    columns: facilityColumns,
    queryables: FACILITY_QUERYABLES,
  },
  {
    kind: 'school',
    id: 'schulen',
    title: 'Schulen (the state\'s school directory with pupils, social index and Startchancen)',
    description:
      "Every school of the city in IT.NRW's school directory 2024/25: pupils enrolled (rounded to 5), the Ministry of Schools' social index (1-9) and the Startchancen flag, at the official position of the ministry's register, with the city's school point it is matched to. Berufskollegs and Weiterbildungskollegs are listed with childrens_provision false. Filter e.g. startchancen=true, or filter=social_index >= 7. Licence dl-de/by-2-0: IT.NRW, Statistisches Landesamt, Düsseldorf, 2025; Ministerium für Schule und Bildung NRW.",
    columns: schoolColumns,
    queryables: Object.keys(schoolColumns),
  },
  ...defaultCoverageSets(targetCategories).flatMap((set) =>
    LEVELS.filter((l) => l.level !== 'city').map((l): Collection => {
      const threshold = thresholds.find((t) => t.target === set.target && t.ageBand === set.ageBand)!;
      return {
        kind: 'coverage',
        id: `versorgung-${slug(set.target)}-${set.ageBand}-${l.id}`,
        level: l.level,
        set,
        threshold,
        title: `Coverage: ${set.target} (${set.categories.join(', ')}), children ${set.ageBand}, within ${set.threshold} m, per ${l.id}`,
        description:
          `Children of the age band ${set.ageBand} per area (estimates; placed inside each sub-district by the census grid, Zensus 2011), those within ${set.threshold} m ` +
          `of a facility of ${set.categories.join(', ')} (straight line, or on foot where a walking network is imported: share_on_network) and those beyond, the share within, the population-weighted median distance and the 2SFCA supply ` +
          `per 1,000 children (facilities, or places where every facility has them). Threshold: ${threshold.source.en}. Counts under 5 are null (data protection). ` +
          'Method: docs/coverage-method.md of the Versorgungsatlas.',
        columns: coverageColumns,
        queryables: Object.keys(coverageColumns),
      };
    }),
  ),
];

export const collectionById = new Map(collections.map((c) => [c.id, c]));
