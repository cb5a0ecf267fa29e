// What a partner offers, tagged with the focal points of the working group "Kinder stärken"
// (early education and language support, day care and all-day school, open youth work, free
// leisure, advice for parents), and the languages a partner may speak. Editors choose from these
// lists, so that the partner search can filter by them.
import { text, type Text } from './text.ts';

export type Offer = { key: string; label: Text };

export const offers: Offer[] = [
  { key: 'sprachfoerderung', label: text('Sprachförderung', 'Language support') },
  { key: 'elternberatung', label: text('Elternberatung', 'Advice for parents') },
  { key: 'fruehe_hilfen', label: text('Frühe Hilfen', 'Early help') },
  { key: 'kostenfreies_mittagessen', label: text('Kostenfreie Mittagsverpflegung', 'Free lunch') },
  { key: 'ganztag', label: text('Ganztag', 'All-day care') },
  { key: 'offene_tuer', label: text('Offene Tür', 'Open door (drop-in)') },
  { key: 'familiencafe', label: text('Familiencafé', 'Family café') },
  { key: 'hausaufgabenhilfe', label: text('Hausaufgabenhilfe', 'Homework help') },
  { key: 'kostenfreie_freizeit', label: text('Kostenfreie Freizeitangebote', 'Free leisure activities') },
  { key: 'u3_betreuung', label: text('Betreuung unter 3 Jahren', 'Care for under-threes') },
  { key: 'mehrsprachige_beratung', label: text('Mehrsprachige Beratung', 'Multilingual advice') },
  { key: 'schwangerschaftsberatung', label: text('Schwangerschaftsberatung', 'Pregnancy advice') },
];

/** What the API's Offer type receives. */
export type OfferModel = Offer;

export const offerKeys = new Set(offers.map((o) => o.key));

/** ISO 639-1 codes of languages often spoken in Dortmund's Aktionsräume, with their names. */
export type SpokenLanguage = { code: string; label: Text };

export const languages: SpokenLanguage[] = [
  { code: 'de', label: text('Deutsch', 'German') },
  { code: 'tr', label: text('Türkisch', 'Turkish') },
  { code: 'ar', label: text('Arabisch', 'Arabic') },
  { code: 'ru', label: text('Russisch', 'Russian') },
  { code: 'pl', label: text('Polnisch', 'Polish') },
  { code: 'ro', label: text('Rumänisch', 'Romanian') },
  { code: 'bg', label: text('Bulgarisch', 'Bulgarian') },
  { code: 'uk', label: text('Ukrainisch', 'Ukrainian') },
  { code: 'en', label: text('Englisch', 'English') },
  { code: 'fr', label: text('Französisch', 'French') },
  { code: 'ku', label: text('Kurdisch', 'Kurdish') },
  { code: 'fa', label: text('Persisch', 'Persian') },
  { code: 'sq', label: text('Albanisch', 'Albanian') },
  { code: 'el', label: text('Griechisch', 'Greek') },
  { code: 'it', label: text('Italienisch', 'Italian') },
  { code: 'es', label: text('Spanisch', 'Spanish') },
];

/** What the API's SpokenLanguage type receives. */
export type SpokenLanguageModel = SpokenLanguage;

export const languageCodes = new Set(languages.map((l) => l.code));
