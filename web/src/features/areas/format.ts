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

/** A number of children as the API gives it: under 5 (but not 0) is suppressed and shown as "< 5". */
export function formatCount(count: { value: number | null; suppressed: boolean }): string {
  return count.suppressed || count.value === null ? '< 5' : formatNumber(count.value, 0);
}

/** Walking minutes for a straight-line distance: × 1.3 detour at 4.5 km/h (75 m per minute), at least 1. */
export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.round((metres * 1.3) / 75));
}
