// The facility taxonomy: the categories of facilities, whom they serve and which field of action
// of the working group "Kinder stärken" each belongs to. How source records map to them is the
// import's business (geodata/sourceCategories.ts).

export const fieldsOfAction = [
  { key: 'betreuung', labelDe: 'Betreuung', labelEn: 'Day care' },
  { key: 'foerderung_bildung', labelDe: 'Förderung und Bildung', labelEn: 'Early education and schooling' },
  { key: 'jugend_freizeit', labelDe: 'Kinder- und Jugendförderung, Freizeit', labelEn: 'Youth work and leisure' },
  { key: 'eltern_beratung_gesundheit', labelDe: 'Eltern stärken, Beratung, Gesundheit', labelEn: 'Parents, advice and health' },
  { key: 'sonstige', labelDe: 'Sonstige', labelEn: 'Other' },
] as const;

export type FieldOfAction = (typeof fieldsOfAction)[number]['key'];

/** GraphQL enum value -> stored value (a literal object: the generated resolver types need each pair). */
export const graphqlFieldsOfAction = {
  BETREUUNG: 'betreuung',
  FOERDERUNG_BILDUNG: 'foerderung_bildung',
  JUGEND_FREIZEIT: 'jugend_freizeit',
  ELTERN_BERATUNG_GESUNDHEIT: 'eltern_beratung_gesundheit',
  SONSTIGE: 'sonstige',
} as const satisfies Record<string, FieldOfAction>;

export type Category = {
  key: string;
  labelDe: string;
  labelEn: string;
  fieldOfAction: FieldOfAction;
  /** Target ages in years where obvious; null = all ages. */
  ageMin: number | null;
  ageMax: number | null;
  description: string;
};

const c = (
  key: string,
  labelDe: string,
  labelEn: string,
  fieldOfAction: FieldOfAction,
  ages: [number, number] | null,
  description: string,
): Category => ({ key, labelDe, labelEn, fieldOfAction, ageMin: ages?.[0] ?? null, ageMax: ages?.[1] ?? null, description });

export const categories: Category[] = [
  c('kita', 'Kita', 'Day-care centre', 'betreuung', [0, 5], 'Kindertageseinrichtung (city: Kindergarten)'),
  c('kinderbetreuung_kurzzeit', 'Kurzzeitbetreuung', 'Short-term childcare', 'betreuung', [0, 5], 'Short-term childcare (city: KinderbetreuungKurzzeit)'),
  c('grundschule', 'Grundschule', 'Primary school', 'foerderung_bildung', [6, 9], 'Primary school, years 1-4'),
  c('weiterfuehrende_schule', 'Weiterführende Schule', 'Secondary school', 'foerderung_bildung', [10, 18], 'Hauptschule, Realschule, Gesamtschule or Gymnasium (the type is the subtype)'),
  c('foerderschule', 'Förderschule', 'Special-needs school', 'foerderung_bildung', [6, 18], 'School for children with special educational needs'),
  c('schule_sonstige', 'Sonstige Schule', 'Other school', 'foerderung_bildung', [6, 18], 'Other schools, incl. the traffic school for children (Verkehrsschule)'),
  c('bibliothek', 'Bibliothek', 'Public library', 'foerderung_bildung', null, 'Public library (reading and language support)'),
  c('jugendfreizeitstaette', 'Jugendfreizeitstätte', 'Youth centre', 'jugend_freizeit', [6, 21], 'Open youth centre, youth and children\'s club (Jugendfreizeitstätte, Treff)'),
  c('spielplatz', 'Spielplatz', 'Playground', 'jugend_freizeit', [0, 13], 'Public playground; water and adventure playgrounds are subtypes'),
  c('schwimmbad', 'Schwimmbad', 'Swimming pool', 'jugend_freizeit', null, 'Indoor or outdoor pool, Kneipp basin'),
  c('familienzentrum', 'Familienzentrum', 'Family centre', 'eltern_beratung_gesundheit', [0, 5], 'Familienzentrum NRW (usually a Kita with advice, courses and parent cafe). Not in the city\'s open data: entered by editors'),
  c('erziehungsberatung', 'Erziehungs-/Familienberatung', 'Parenting and family counselling', 'eltern_beratung_gesundheit', [0, 17], 'Erziehungs- und Familienberatungsstelle. Not in the city\'s open data: entered by editors'),
  c('fruehe_hilfen', 'Frühe Hilfen', 'Early help for young families', 'eltern_beratung_gesundheit', [0, 2], 'Frühe Hilfen: support from pregnancy to age three (family midwives, welcome visits, baby cafés). Not in the city\'s open data: entered by editors'),
  c('arztpraxis', 'Arztpraxis', 'Doctor', 'eltern_beratung_gesundheit', null, 'Doctor\'s practice (OpenStreetMap healthcare=doctor)'),
  c('zahnarzt', 'Zahnarzt', 'Dentist', 'eltern_beratung_gesundheit', null, 'Dentist (OpenStreetMap)'),
  c('apotheke', 'Apotheke', 'Pharmacy', 'eltern_beratung_gesundheit', null, 'Pharmacy (OpenStreetMap)'),
  c('therapie', 'Therapiepraxis', 'Therapy practice', 'eltern_beratung_gesundheit', null, 'Physiotherapy, speech, occupational, psychotherapy, podiatry, alternative medicine (OpenStreetMap; the kind is the subtype)'),
  c('hebamme', 'Hebamme', 'Midwife', 'eltern_beratung_gesundheit', [0, 0], 'Midwife (OpenStreetMap)'),
  c('beratungsstelle', 'Beratungsstelle', 'Counselling centre', 'eltern_beratung_gesundheit', null, 'Counselling (OpenStreetMap healthcare=counselling)'),
  c('klinik', 'Klinik, Krankenhaus', 'Clinic, hospital', 'eltern_beratung_gesundheit', null, 'Clinic, hospital or rehabilitation centre (OpenStreetMap)'),
  c('gesundheit_sonstige', 'Sonstige Gesundheit', 'Other health service', 'eltern_beratung_gesundheit', null, 'Laboratory, blood donation and untyped health points (OpenStreetMap)'),
  c('seniorenbuero', 'Seniorenbüro', 'Advice office for seniors', 'sonstige', [65, 120], 'The city\'s advice offices for older people'),
  c('senioren_tagespflege', 'Tagespflege', 'Day care for seniors', 'sonstige', [65, 120], 'Day care for older people'),
  c('senioren_begegnung', 'Seniorenbegegnungsstätte', 'Seniors\' meeting place', 'sonstige', [65, 120], 'Meeting place for older people'),
  c('betreutes_wohnen', 'Betreutes Wohnen', 'Assisted living', 'sonstige', [65, 120], 'Assisted living'),
  c('wissenschaftliche_bibliothek', 'Wissenschaftliche Bibliothek, Archiv', 'Academic library, archive', 'sonstige', null, 'Academic library or archive'),
  c('wochenmarkt', 'Wochenmarkt', 'Weekly market', 'sonstige', null, 'Weekly market'),
];

/**
 * Kinds no public file lists: the atlas knows only the facilities editors enter (or a CSV
 * supplement brings), so their coverage counts only those.
 */
export const editorMaintainedCategories = ['familienzentrum', 'erziehungsberatung', 'fruehe_hilfen'];

/**
 * School categories whose 2SFCA supply counts pupils enrolled (the state's school directory,
 * IT.NRW, rounded to 5) rather than facilities, once the directory is imported: a target of only
 * these categories. Not capacity: a school's pupils are who goes there, not how many it could take.
 */
export const pupilSizedCategories = ['grundschule', 'weiterfuehrende_schule', 'foerderschule'];

/** Categories whose reach is precomputed for coverage: every one that serves children and families. */
export const reachCategories = categories.filter((c) => c.fieldOfAction !== 'sonstige').map((c) => c.key);

/** The child-related categories a coverage target stands for: itself, or those of its field of action. */
export function targetCategories(target: string): string[] {
  if (reachCategories.includes(target)) return [target];
  return categories.filter((c) => c.fieldOfAction === target && reachCategories.includes(c.key)).map((c) => c.key);
}
