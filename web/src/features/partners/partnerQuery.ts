// The partner search: facilities of chosen kinds around a place, nearest first.
import { type FacilityCollection, withGeoJSON } from '../../api/geojson.ts';
import { graphql } from '../../gql/gql.ts';
import type { PartnersQuery, PartnersQueryVariables } from '../../gql/graphql.ts';

export type Origin = { longitude: number; latitude: number; facilityKey: string | null; name: string | null };

export type PartnerSettings = {
  origin: Origin | null;
  radius: number;
  kinds: string[];
  /** Only partners with all of these offers (keys as in the API's `offers`). */
  offers: string[];
  /** Only schools in the Startchancen programme (the state's school directory). */
  startchancen: boolean;
};

export const radii = [300, 500, 1000, 1500, 2000, 3000, 5000];

/** The partners youth-service workers look for first. */
export const defaultKinds = [
  'kita',
  'grundschule',
  'weiterfuehrende_schule',
  'foerderschule',
  'jugendfreizeitstaette',
  'beratungsstelle',
  'bibliothek',
  'hebamme',
  'familienzentrum',
  'erziehungsberatung',
  'fruehe_hilfen',
];

export type PartnerData = PartnersQuery & { facilitiesNear: { geojson: FacilityCollection } };
export type PartnerItem = PartnerData['facilitiesNear']['items'][number];

export const partnerQuery = withGeoJSON<PartnerData>()(
  graphql(`
    query Partners($near: NearInput!, $radius: Float!, $categories: [String!], $offers: [String!], $startchancen: Boolean) {
      facilitiesNear(near: $near, radius: $radius, categories: $categories, offers: $offers, startchancen: $startchancen, limit: 500) {
        radiusMetres distanceKind distanceModel
        items {
          distanceMetres measuredOn walkingMinutes
          facility {
            key name operator category { key labelDe labelEn } address { formatted } location { longitude latitude }
            contact { phone email website } openingHours languages offers
            schools { schulnummer socialIndex startchancen pupils }
          }
        }
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
    offers: settings.offers.length ? settings.offers : null,
    startchancen: settings.startchancen ? true : null,
  };
}

/** What a search result is: a facility (with its category), a street, or an area of a level. */
export type PlaceKind = 'facility' | 'street' | 'AKTIONSRAUM' | 'STADTBEZIRK' | 'UBZ';

export type Place = {
  kind: PlaceKind;
  name: string;
  /** Category key of a facility; the number of facilities on a street. */
  detail: string | null;
  longitude: number;
  latitude: number;
  facilityKey: string | null;
};

type AreaLabel = { code: string; name: string; labelPoint: { longitude: number; latitude: number } };

type PlaceSources = {
  facilities: FacilityCollection;
  /** Areas with the API's label point: where the area's people live, not the middle of its outline. */
  aktionsraumLabels: AreaLabel[];
  stadtbezirkLabels: AreaLabel[];
  ubzLabels: AreaLabel[];
};

/** "Mallinckrodtstraße 212" -> "Mallinckrodtstraße" (the atlas knows streets from facility addresses). */
const streetOf = (address: string | null) => address?.replace(/,.*$/, '').replace(/\s+\d+\s*[a-zA-Z]?(\s*[-/]\s*\d+\s*[a-zA-Z]?)?$/, '').trim() || null;

/** Every place the search knows: facilities, streets (from the facilities' addresses) and areas. */
export function placesOf(sources: PlaceSources): Place[] {
  const facilities = sources.facilities.features.map((f): Place => ({
    kind: 'facility',
    name: f.properties.name,
    detail: f.properties.category,
    longitude: f.geometry.coordinates[0],
    latitude: f.geometry.coordinates[1],
    facilityKey: f.properties.key,
  }));
  const streets = new Map<string, [number, number][]>();
  for (const f of sources.facilities.features) {
    const street = streetOf(f.properties.address);
    if (street && street.length > 3) streets.set(street, [...(streets.get(street) ?? []), f.geometry.coordinates as [number, number]]);
  }
  const streetPlaces = [...streets].map(([name, points]): Place => ({
    kind: 'street',
    name,
    detail: String(points.length),
    longitude: points.reduce((s, p) => s + p[0], 0) / points.length,
    latitude: points.reduce((s, p) => s + p[1], 0) / points.length,
    facilityKey: null,
  }));
  const areas = (kind: PlaceKind, labels: AreaLabel[]) =>
    labels.map((a): Place => ({ kind, name: a.name, detail: a.code, longitude: a.labelPoint.longitude, latitude: a.labelPoint.latitude, facilityKey: null }));
  return [...areas('AKTIONSRAUM', sources.aktionsraumLabels), ...areas('STADTBEZIRK', sources.stadtbezirkLabels), ...areas('UBZ', sources.ubzLabels), ...streetPlaces, ...facilities];
}

const KIND_ORDER: PlaceKind[] = ['AKTIONSRAUM', 'STADTBEZIRK', 'UBZ', 'street', 'facility'];

/**
 * Places whose name (or a facility's address) contains every word typed (case-insensitive), best
 * first: names that start with the text, then areas before streets before facilities.
 */
export function searchPlaces(places: Place[], text: string, addressOf: (place: Place) => string | null = () => null, limit = 10): Place[] {
  const words = text.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  if (!words.length || text.trim().length < 2) return [];
  const matches = places.filter((p) => {
    const haystack = `${p.name} ${addressOf(p) ?? ''}`.toLocaleLowerCase('de');
    return words.every((w) => haystack.includes(w));
  });
  const startsName = (p: Place) => (p.name.toLocaleLowerCase('de').startsWith(words[0]) ? 0 : 1);
  return matches
    .sort((a, b) => startsName(a) - startsName(b) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'de'))
    .slice(0, limit);
}
