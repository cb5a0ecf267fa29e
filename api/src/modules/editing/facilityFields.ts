// Validation of what editors, reviewers and reporters give for a facility: every message names
// the field and what is allowed.
import type { FacilityFields } from '../../generated/resolvers.ts';
import { badUserInput } from '../common/errors.ts';
import { checkLanguages, checkOffers } from '../common/validate.ts';
import { categoryOf, categoryKeys } from '../taxonomy/taxonomyStore.ts';
import type { FacilityValues } from './editStore.ts';
import { CAPACITY } from '../../../../domain/coverageRules.ts';

export const MAX_CAPACITY = CAPACITY.max;

const PHONE = /^[+0-9 ()/-]{5,30}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

/** Control characters other than tab, line feed and carriage return (text from a form never has them). */
const hasControlCharacters = (text: string) => [...text].some((ch) => {
  const code = ch.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
});

function textField(name: string, value: string | null | undefined, max: number, min = 1): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (hasControlCharacters(trimmed)) throw badUserInput(`${name} contains control characters`);
  if (trimmed.length < min || trimmed.length > max) throw badUserInput(`${name} must be ${min} to ${max} characters (got ${trimmed.length})`);
  return trimmed;
}

/**
 * The given fields as database values; absent fields stay absent (no change), null clears an
 * optional field. On create, name and category are required.
 */
export function facilityValues(fields: FacilityFields, { create }: { create: boolean }): FacilityValues {
  const values: FacilityValues = {};
  const name = textField('name', fields.name, 200, 2);
  if (name === null || (create && name === undefined)) throw badUserInput('name is required (2 to 200 characters)');
  if (name !== undefined) values.name = name;
  if (fields.category === null || (create && fields.category === undefined)) throw badUserInput(`category is required; allowed: ${categoryKeys.join(', ')}`);
  if (fields.category !== undefined) {
    if (!categoryOf(fields.category)) throw badUserInput(`category: unknown category "${fields.category}"; allowed: ${categoryKeys.join(', ')}`);
    values.category = fields.category;
  }
  const texts: [keyof FacilityValues, keyof FacilityFields, number][] = [
    ['subtype', 'subtype', 100],
    ['operator', 'operator', 200],
    ['street', 'street', 200],
    ['house_number', 'houseNumber', 20],
    ['city', 'city', 100],
    ['opening_hours', 'openingHours', 500],
  ];
  for (const [column, field, max] of texts) {
    const value = textField(field, fields[field] as string | null | undefined, max);
    if (value !== undefined) (values as Record<string, unknown>)[column] = value;
  }
  if (fields.capacity !== undefined) {
    if (fields.capacity !== null && (!Number.isInteger(fields.capacity) || fields.capacity < 0 || fields.capacity > MAX_CAPACITY)) {
      throw badUserInput(`capacity must be a whole number of places from 0 to ${MAX_CAPACITY} (got ${fields.capacity})`);
    }
    values.capacity = fields.capacity;
  }
  const phone = textField('phone', fields.phone, 30);
  if (phone && !PHONE.test(phone)) throw badUserInput('phone may contain digits, spaces and + ( ) / - (5 to 30 characters)');
  if (phone !== undefined) values.phone = phone;
  const email = textField('email', fields.email, 254);
  if (email && !EMAIL.test(email)) throw badUserInput(`email is not an e-mail address (got "${email}")`);
  if (email !== undefined) values.email = email;
  const website = textField('website', fields.website, 500);
  if (website) {
    let url: URL | null = null;
    try {
      url = new URL(website);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw badUserInput(`website must be an http(s) address (got "${website}")`);
  }
  if (website !== undefined) values.website = website;
  if (fields.languages !== undefined) values.languages = checkLanguages(fields.languages ?? []) ?? [];
  if (fields.offers !== undefined) values.offers = checkOffers(fields.offers ?? []) ?? [];
  return values;
}

/** The fields as the reporter or editor gave them, for storing with a report (GraphQL names). */
export function fieldsAsJson(values: FacilityValues): Record<string, unknown> {
  const names: Record<string, string> = { house_number: 'houseNumber', opening_hours: 'openingHours' };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [names[k] ?? k, v]));
}

/** A free text of a report or a reason: trimmed, within bounds. */
export function checkText(name: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) throw badUserInput(`${name} must be ${min} to ${max} characters (got ${trimmed.length})`);
  if (hasControlCharacters(trimmed)) throw badUserInput(`${name} contains control characters`);
  return trimmed;
}
