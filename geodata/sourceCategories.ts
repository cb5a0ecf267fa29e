// How the source files' records map to the atlas's categories (domain/taxonomy.ts): the city's
// objektart and OpenStreetMap's healthcare tag, subtype labels and operators read from names.
import { CITY } from '../domain/city.ts';
/** Source kind (the city's objektart, or the OSM healthcare tag) -> category key. */
export const categoryBySourceKind: Record<string, string> = {
  Kindergarten: 'kita',
  KinderbetreuungKurzzeit: 'kinderbetreuung_kurzzeit',
  Grundschule: 'grundschule',
  Hauptschule: 'weiterfuehrende_schule',
  Realschule: 'weiterfuehrende_schule',
  Gesamtschule: 'weiterfuehrende_schule',
  Gymnasium: 'weiterfuehrende_schule',
  Foerderschule: 'foerderschule',
  SchuleSonstiges: 'schule_sonstige',
  Verkehrsschule: 'schule_sonstige',
  Jugendzentrum: 'jugendfreizeitstaette',
  Spielplatz: 'spielplatz',
  Wasserspielplatz: 'spielplatz',
  Abenteuerspielplatz: 'spielplatz',
  Bibliothek: 'bibliothek',
  BibliothekWissenschaftlich: 'wissenschaftliche_bibliothek',
  Archiv: 'wissenschaftliche_bibliothek',
  Freibad: 'schwimmbad',
  Hallenbad: 'schwimmbad',
  Wassertreten: 'schwimmbad',
  Beratungsstelle: 'seniorenbuero',
  Tagespflegeeinrichtung: 'senioren_tagespflege',
  Seniorenbegegnungsstaette: 'senioren_begegnung',
  BetreutesWohnen: 'betreutes_wohnen',
  Wochenmarkt: 'wochenmarkt',
  'osm:doctor': 'arztpraxis',
  'osm:dentist': 'zahnarzt',
  'osm:pharmacy': 'apotheke',
  'osm:physiotherapist': 'therapie',
  'osm:speech_therapist': 'therapie',
  'osm:occupational_therapist': 'therapie',
  'osm:psychotherapist': 'therapie',
  'osm:podiatrist': 'therapie',
  'osm:alternative': 'therapie',
  'osm:midwife': 'hebamme',
  'osm:counselling': 'beratungsstelle',
  'osm:clinic': 'klinik',
  'osm:hospital': 'klinik',
  'osm:rehabilitation': 'klinik',
};

/** Categories for source kinds not listed above. */
export const fallbackCategory = { city: null, osm: 'gesundheit_sonstige' } as const;

/** German display names of the city's objektart values that are used as subtypes. */
export const subtypeLabels: Record<string, string> = {
  Foerderschule: 'Förderschule',
  SchuleSonstiges: 'Sonstige Schule',
  Wassertreten: 'Wassertretanlage',
  Seniorenbegegnungsstaette: 'Seniorenbegegnungsstätte',
  BibliothekWissenschaftlich: 'Wissenschaftliche Bibliothek',
  BetreutesWohnen: 'Betreutes Wohnen',
  KinderbetreuungKurzzeit: 'Kurzzeitbetreuung',
  Tagespflegeeinrichtung: 'Tagespflegeeinrichtung',
};

/** Operators (Träger) recognisable from a facility's name. First match wins. */
export const operatorRules: { pattern: RegExp; operator: string }[] = [
  { pattern: /^FABIDO\b/, operator: `FABIDO (${CITY.officialName.de})` },
  { pattern: /^JFS\b|^Städtische/, operator: CITY.officialName.de },
  { pattern: /\bAWO\b/, operator: 'AWO' },
  { pattern: /\bDRK\b/, operator: 'DRK' },
  { pattern: /\bCaritas/, operator: 'Caritas' },
  { pattern: /\bDiakonie\b/, operator: 'Diakonie' },
  { pattern: /\bJohanniter\b/, operator: 'Johanniter' },
  { pattern: /\bLebenshilfe\b/, operator: 'Lebenshilfe' },
  { pattern: /\bFalken\b/, operator: 'SJD – Die Falken' },
  { pattern: /^Ev\.|\bEv\.? (Kirchengem|Christus|Kita|Kinder|Familien|Jugend)|\bEvangelisch/, operator: 'Evangelisch' },
  { pattern: /^Kath\.|\bKath\.|\bKatholisch/, operator: 'Katholisch' },
  { pattern: /^EI\b|\bElterninitiative\b/, operator: 'Elterninitiative' },
];

export function operatorFromName(name: string): string | null {
  return operatorRules.find((rule) => rule.pattern.test(name))?.operator ?? null;
}
