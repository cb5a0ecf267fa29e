// The partner search: facilities of chosen kinds around a place, nearest first.
import { type FacilityCollection, withGeoJSON } from '../../api/geojson.ts';
import { graphql } from '../../gql/gql.ts';
import type { PartnersQuery, PartnersQueryVariables } from '../../gql/graphql.ts';

export type Origin = { longitude: number; latitude: number; facilityKey: string | null; name: string | null };

export type PartnerSettings = {
  origin: Origin | null;
  radius: number;
  kinds: string[];
};

export const radii = [300, 500, 1000, 1500, 2000, 3000, 5000];

/** The partners youth-service workers look for first. */
export const defaultKinds = ['kita', 'grundschule', 'weiterfuehrende_schule', 'foerderschule', 'jugendfreizeitstaette', 'beratungsstelle', 'bibliothek', 'hebamme'];

export type PartnerData = PartnersQuery & { facilitiesNear: { geojson: FacilityCollection } };
export type PartnerItem = PartnerData['facilitiesNear']['items'][number];

export const partnerQuery = withGeoJSON<PartnerData>()(
  graphql(`
    query Partners($near: NearInput!, $radius: Float!, $categories: [String!]) {
      facilitiesNear(near: $near, radius: $radius, categories: $categories, limit: 500) {
        radiusMetres distanceKind
        items { distanceMetres facility { key name operator category { key labelDe labelEn } address { formatted } location { longitude latitude } } }
        geojson
      }
    }
  `),
);

export function partnerVariables(settings: PartnerSettings & { origin: Origin }): PartnersQueryVariables {
  const { origin } = settings;
  return {
    near: origin.facilityKey ? { facilityKey: origin.facilityKey } : { point: { longitude: origin.longitude, latitude: origin.latitude } },
    radius: settings.radius,
    categories: settings.kinds,
  };
}

/** Facilities whose name or address contains every word of the text (case-insensitive), best first. */
export function searchFacilities<T extends { properties: { name: string; address: string | null } }>(features: T[], text: string, limit = 8): T[] {
  const words = text.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  if (!words.length || text.trim().length < 2) return [];
  const matches = features.filter((f) => {
    const haystack = `${f.properties.name} ${f.properties.address ?? ''}`.toLocaleLowerCase('de');
    return words.every((w) => haystack.includes(w));
  });
  const startsName = (f: T) => (f.properties.name.toLocaleLowerCase('de').startsWith(words[0]) ? 0 : 1);
  return matches.sort((a, b) => startsName(a) - startsName(b) || a.properties.name.localeCompare(b.properties.name, 'de')).slice(0, limit);
}
