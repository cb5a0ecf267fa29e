// Numbers and dates as an office writes them in the dashboard's language: 1.234,5 and 02.12.2026
// (German), 1,234.5 and 2 Dec 2026 (English); dates in the city's time zone.
import { CITY } from '../../../domain/city.ts';

const formatters = new Map<string, Intl.NumberFormat>();
let locale = 'de-DE';

/**
 * Sets the number format of the dashboard's language (German 1.234,5; English 1,234.5). Called
 * where the language is chosen (start, switch), never during a render.
 */
export function setNumberLocale(lang: 'de' | 'en') {
  locale = lang === 'en' ? 'en-GB' : 'de-DE';
}

/** A number in the dashboard's language with a fixed number of decimals. */
export function formatNumber(value: number, decimals: number): string {
  const key = `${locale}:${decimals}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  }
  return formatters.get(key)!.format(value);
}

/** A number of children as the API gives it: a suppressed one (a small count) as the API writes it ("< 5"). */
export function formatCount(count: { value: number | null; suppressed: boolean; display: string }): string {
  return count.suppressed || count.value === null ? count.display : formatNumber(count.value, 0);
}

/** A date (ISO, "2026-11-25" or a timestamp) in the dashboard's language: 25.11.2026 / 25 Nov 2026. */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return locale === 'de-DE'
    ? date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: CITY.timeZone })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: CITY.timeZone });
}

/**
 * Today in the dashboard's language, as an office writes it: 02.12.2026 (day and month always two
 * digits) / 2 Dec 2026. `now` is for tests.
 */
export const formatToday = (now: Date = new Date()): string => formatDate(now.toISOString());

/** The dates the figures refer to: the children's reference dates (first to last), and when the data was read in. */
export function dataDates(method: { populationDates: string[]; importedAt?: string | null }): { population: string; imported: string } {
  const dates = [...method.populationDates].sort();
  const population = dates.length === 0 ? '–' : dates.length === 1 ? formatDate(dates[0]) : `${formatDate(dates[0])} – ${formatDate(dates[dates.length - 1])}`;
  return { population, imported: method.importedAt ? formatDate(method.importedAt) : '–' };
}

/** A text from the API as a sentence: with one full stop at the end, not two. */
export const sentence = (words: string): string => (/[.!?]$/.test(words.trim()) ? words.trim() : `${words.trim()}.`);
