import { describe, expect, it } from 'vitest';
import { operatorFromName } from '../sourceCategories.ts';
import { normaliseSozialraum, toFacilityRecords } from './facilityRecords.ts';
import type { LocatedSource } from './locateSources.ts';
import type { Feature } from './readFeatureCollection.ts';
import { CITY } from '../../domain/city.ts';

const source = (kind: LocatedSource['kind'], dataset: string): LocatedSource => ({
  file: `${dataset}.geojson`,
  dataset,
  kind,
  description: '',
  url: 'https://example.invalid/',
  sha256: 'a'.repeat(64),
  encoding: 'utf-8',
  licence: 'test licence',
  attribution: 'test attribution',
  credit: 'test',
  path: '/dev/null',
  bytes: Buffer.alloc(0),
  origin: 'GEODATA_DIR',
});

const cityFeature = (index: number, properties: Record<string, unknown>, coordinates = [7.46, 51.52]): Feature => ({
  index,
  geometry: { type: 'Point', coordinates },
  properties: { objektart: 'Kindergarten', objektname: 'FABIDO TEK Test', strasse: 'Teststraße', hausnummer: '1', ort: CITY.name, ostwert: '393000.4', hochwert: '5711000.6', ubznr: '051', sozialrnr: 'S022', ...properties },
});

describe('toFacilityRecords', () => {
  it('maps a city point to category, subtype, operator, address, codes and provenance', () => {
    const { records, problems } = toFacilityRecords(source('city_points', 'kindergarten'), [cityFeature(0, {})]);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      name: 'FABIDO TEK Test',
      category: 'kita',
      subtype: 'Kindergarten',
      operator: `FABIDO (${CITY.officialName.de})`,
      street: 'Teststraße',
      house_number: '1',
      source_file: 'kindergarten.geojson',
      licence: 'test licence',
      city_codes: expect.objectContaining({ ubz: '051', sozialraum: '022' }),
    });
    expect(records[0].key).toMatch(/^kindergarten:[0-9a-f]{12}$/);
  });

  it('gives the same key on every import and numbers exact duplicates in file order', () => {
    const features = [cityFeature(0, {}), cityFeature(1, {}), cityFeature(2, { objektname: 'Other' })];
    const first = toFacilityRecords(source('city_points', 'kindergarten'), features).records.map((r) => r.key);
    const again = toFacilityRecords(source('city_points', 'kindergarten'), features).records.map((r) => r.key);
    expect(again).toEqual(first);
    expect(first[1]).toBe(`${first[0]}-2`);
    expect(new Set(first).size).toBe(3);
  });

  it('maps OpenStreetMap health points by their tag and keys them by OSM id', () => {
    const feature: Feature = { index: 0, geometry: { type: 'Point', coordinates: [7.4, 51.5] }, properties: { full_id: 'n42', healthcare: 'speech_therapist' } };
    const [record] = toFacilityRecords(source('osm_points', 'healthcare'), [feature]).records;
    expect(record).toMatchObject({ key: 'osm:n42', category: 'therapie', subtype: 'Logopädie', source_id: 'n42', city_codes: null });
  });

  it('reports features without geometry, with bad coordinates or of an unknown kind, naming the feature', () => {
    const features: Feature[] = [
      { ...cityFeature(0, {}), geometry: null },
      cityFeature(1, {}, [7.4, 123]),
      cityFeature(2, { objektart: 'Raumstation' }),
    ];
    const { records, problems } = toFacilityRecords(source('city_points', 'kindergarten'), features);
    expect(records).toEqual([]);
    expect(problems.map((p) => `${p.feature}: ${p.message}`)).toEqual([
      'feature 0 (FABIDO TEK Test): has no geometry',
      'feature 1 (FABIDO TEK Test): has coordinate [7.4, 123] outside longitude -180..180 / latitude -90..90',
      'feature 2 (FABIDO TEK Test): objektart "Raumstation" is not in the taxonomy (geodata/sourceCategories.ts)',
    ]);
  });
});

describe('operatorFromName', () => {
  it.each([
    ['FABIDO TEK Ammerstraße', `FABIDO (${CITY.officialName.de})`],
    ['AWO Kita Burgholzstraße', 'AWO'],
    ['Ev. Elias-Kindergarten', 'Evangelisch'],
    ['Kath. Kiga St. Joseph', 'Katholisch'],
    ['EI Kinderladen Sonnenschein', 'Elterninitiative'],
    ['JFS Marten', CITY.officialName.de],
    ['DRK-Kita Sandkorn', 'DRK'],
    ['Nordmarktschule', null],
  ])('reads "%s" as %s', (name, operator) => {
    expect(operatorFromName(name)).toBe(operator);
  });
});

describe('normaliseSozialraum', () => {
  it('drops the S the city sometimes writes before the number', () => {
    expect(normaliseSozialraum('S013')).toBe('013');
    expect(normaliseSozialraum('013')).toBe('013');
  });
});
