// The dashboard's languages: German (default) and English, one file of words each (messages/).
// Category and indicator names come from the API in both languages.
import { createContext, useContext } from 'react';
import { ATLAS_TITLE, CITY } from '../../../domain/city.ts';
import { de } from './messages/de.ts';
import { en } from './messages/en.ts';

export type Lang = 'de' | 'en';

export type MessageKey = keyof typeof de;

const messages: Record<Lang, Record<MessageKey, string>> = { de, en };

export const LangContext = createContext<Lang>('de');

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The city's names every text may use: {atlas}, {city} (the official name) and {cityName}. */
const cityVars = (lang: Lang) => ({ atlas: ATLAS_TITLE[lang], city: CITY.officialName[lang], cityName: CITY.name });

export function translate(lang: Lang): Translate {
  const city = cityVars(lang);
  return (key, vars) => {
    let text = messages[lang][key];
    for (const [name, value] of Object.entries({ ...city, ...vars })) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/** The translate function of the current language. */
export function useT(): Translate {
  return translate(useContext(LangContext));
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** A label in the current language from an API object with labelDe/labelEn. */
export const labelOf = (lang: Lang, item: { labelDe: string; labelEn?: string | null }) => (lang === 'en' && item.labelEn ? item.labelEn : item.labelDe);
