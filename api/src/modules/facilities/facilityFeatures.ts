// Facilities as GeoJSON features: one shape for pages, full lists and nearby results.
import type { FacilityRow } from './facilityStore.ts';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function formatAddress(row: Pick<FacilityRow, 'street' | 'house_number' | 'city'>): string | null {
  const street = [row.street, row.house_number].filter(Boolean).join(' ');
  return street ? [street, row.city].filter(Boolean).join(', ') : null;
}

export function facilityFeature(row: FacilityRow, precision: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature' as const,
    id: row.key,
    geometry: { type: 'Point' as const, coordinates: [round(row.lon, precision), round(row.lat, precision)] },
    properties: {
      key: row.key,
      name: row.name,
      category: row.category,
      subtype: row.subtype,
      operator: row.operator,
      address: formatAddress(row),
      phone: row.phone,
      email: row.email,
      website: row.website,
      openingHours: row.opening_hours,
      languages: row.languages,
      offers: row.offers,
      verifiedAt: row.verified_at,
      origin: row.origin,
      ...extra,
    },
  };
}

export function featureCollection(features: ReturnType<typeof facilityFeature>[]) {
  return { type: 'FeatureCollection' as const, features };
}
