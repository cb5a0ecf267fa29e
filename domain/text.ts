// A text the API gives in German and English (method statements, sources of thresholds): every
// such field takes `lang: DE | EN`. German is the working language of the city; English serves
// integrators and the English view.
export type Lang = 'de' | 'en';

export type Text = Readonly<Record<Lang, string>>;

export const text = (de: string, en: string): Text => ({ de, en });

/** The same words in both languages (a proper name, a file name, an imported source). */
export const same = (words: string): Text => ({ de: words, en: words });

/** Joins texts language by language. */
export const joinTexts = (parts: Text[], separator = ' '): Text => ({
  de: parts.map((p) => p.de).join(separator),
  en: parts.map((p) => p.en).join(separator),
});

/** An ISO date (2011-05-09) as a German office writes it: 09.05.2011 (day and month always two digits). */
export const germanDate = (iso: string): string => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${d}.${m}.${y}`);
