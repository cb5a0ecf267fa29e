import { languageCodes, offerKeys } from '../../../../domain/offers.ts';
import * as taxonomyStore from '../taxonomy/taxonomyStore.ts';
import { badUserInput } from './errors.ts';

export function checkRange(name: string, value: number, min: number, max: number, unit = ''): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badUserInput(`${name} must be from ${min} to ${max}${unit} (got ${value})`);
  }
  return value;
}

export function checkWholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw badUserInput(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
  return checkRange(name, value, min, max);
}

/** Category keys must exist in the taxonomy; the message lists the allowed keys. */
export function checkCategories(keys: string[] | null | undefined): string[] | undefined {
  if (!keys) return undefined;
  const known = taxonomyStore.categoryKeys;
  const unknown = keys.filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw badUserInput(`unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${known.join(', ')}`);
  }
  return keys;
}

/** Offer keys must be known (domain/offers.ts). */
export function checkOffers(keys: string[] | null | undefined, name = 'offers'): string[] | undefined {
  if (!keys) return undefined;
  const unknown = keys.filter((k) => !offerKeys.has(k));
  if (unknown.length) throw badUserInput(`${name}: unknown offer ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${[...offerKeys].join(', ')}`);
  return [...new Set(keys)];
}

/** Language codes must be known ISO 639-1 codes of the list (domain/offers.ts). */
export function checkLanguages(codes: string[] | null | undefined, name = 'languages'): string[] | undefined {
  if (!codes) return undefined;
  const unknown = codes.filter((c) => !languageCodes.has(c));
  if (unknown.length) throw badUserInput(`${name}: unknown language ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${[...languageCodes].join(', ')}`);
  return [...new Set(codes)];
}
