import { SMALL_COUNT, SUPPRESSED_LABEL } from '../../../../domain/coverageRules.ts';

const german = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** A number of children as the API and the map show it: under 5 (but not 0) is suppressed. */
export function childCount(value: number | null | undefined) {
  const rounded = Math.round(value ?? 0);
  const suppressed = rounded > 0 && rounded < SMALL_COUNT;
  return { value: suppressed ? null : rounded, suppressed, display: suppressed ? SUPPRESSED_LABEL : german.format(rounded) };
}
