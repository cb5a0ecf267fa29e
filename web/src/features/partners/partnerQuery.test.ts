import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FacilityProperties } from '../../api/geojson.ts';
import { placesOf, searchPlaces } from './partnerQuery.ts';

const facility = (key: string, name: string, category: string, address: string | null, x: number, y: number): Feature<Point, FacilityProperties> => ({
  type: 'Feature',
  properties: { key, name, category, subtype: null, operator: null, address },
  geometry: { type: 'Point', coordinates: [x, y] },
});
const collection = <T,>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

const label = (code: string, name: string, longitude: number, latitude: number) => ({ code, name, labelPoint: { longitude, latitude } });
const places = placesOf({
  aktionsraumLabels: [label('023', 'Borsigplatz', 7.484, 51.525)],
  stadtbezirkLabels: [label('01', 'Innenstadt-Nord', 7.455, 51.525)],
  ubzLabels: [label('033', 'Borsigplatz', 7.485, 51.525)],
  facilities: collection([
    facility('k1', 'Kita Borsigplatz', 'kita', 'Borsigplatz 1, 44145', 7.485, 51.525),
    facility('k2', 'FABIDO Oesterholzstraße', 'kita', 'Oesterholzstraße 12a', 7.47, 51.52),
    facility('s1', 'Grundschule', 'grundschule', 'Oesterholzstraße 20-22', 7.472, 51.522),
  ]),
});

describe('the place search', () => {
  it('knows areas, streets from the facilities\' addresses, and facilities', () => {
    expect(places.filter((p) => p.kind === 'street').map((p) => [p.name, p.detail])).toEqual([
      ['Borsigplatz', '1'],
      ['Oesterholzstraße', '2'],
    ]);
    const street = places.find((p) => p.name === 'Oesterholzstraße' && p.kind === 'street')!;
    expect(street.longitude).toBeCloseTo(7.471, 3);
  });

  it('finds Borsigplatz as Aktionsraum first, then the sub-district, the street and the facility, each saying what it is', () => {
    const found = searchPlaces(places, 'borsig');
    expect(found.map((p) => p.kind)).toEqual(['AKTIONSRAUM', 'UBZ', 'street', 'facility']);
    expect(found[0]).toMatchObject({ name: 'Borsigplatz', detail: '023' });
    expect(found[0].longitude).toBeCloseTo(7.484, 2);
  });

  it('matches every word, in names and in facility addresses', () => {
    const address = (key: string | null) => (key === 's1' ? 'Oesterholzstraße 20-22' : null);
    expect(searchPlaces(places, 'grundschule oesterholz', (p) => address(p.facilityKey)).map((p) => p.facilityKey)).toEqual(['s1']);
    expect(searchPlaces(places, 'b')).toEqual([]);
  });
});
