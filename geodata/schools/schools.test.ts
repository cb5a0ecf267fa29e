// The state's school files and their match with the city's points, on hand-made files: every row
// and every metre checkable by eye. Positions in EPSG:25832 around (395000, 5710000), in Dortmund.
import { describe, expect, it } from 'vitest';
import { matchSchools, nameTokens, sameName, stateSchools, type CityPoint } from './matchSchools.ts';
import { readSchoolDirectory, readSchoolRegister } from './readSchoolFiles.ts';

const HEADER =
  'Schuljahr,Schulform,Amtlicher Gemeindeschlüssel,Verwaltungsbezirk,Schulnummer,Amtliche Bezeichnung 1,Amtliche Bezeichnung 2,Amtliche Bezeichnung 3,Straße und Hausnummer,Postleitzahl,Ort,Rechtsstatus,Anzahl,Sozialindex,latitude,longitude,found_address,Startchancen-Schule';
const dir = (...rows: string[]) => [HEADER, ...rows].join('\n');
const DIRECTORY = dir(
  '2024/25,Grundschule,5913000,Krfr. Stadt Dortmund,100001,Städt. Gem. Grundschule,Lindenschule,- Primarstufe -,Lindenweg 1,44339,Dortmund,Öffentlich,245,8.0,51.0,7.0,"geocoded, not used",1',
  '2024/25,Freie Waldorfschule,5913000,Krfr. Stadt Dortmund,100002,Rudolf-Steiner-Schule,,,Mergelteichstr. 45,44225,Dortmund,Privat,540,,51.0,7.0,x,0',
  '2024/25,Grundschule,5913000,Krfr. Stadt Dortmund,,Schule ohne Nummer,,,Weg 2,44339,Dortmund,Öffentlich,100,3.0,51.0,7.0,x,0',
  '2024/25,Grundschule,5111000,Krfr. Stadt Düsseldorf,100004,Elsewhere,,,Weg 3,40468,Düsseldorf,Öffentlich,220,5.0,51.2,6.7,x,0',
  '2024/25,Berufskolleg,5913000,Krfr. Stadt Dortmund,100005,Robert-Bosch-Berufskolleg,der Stadt Dortmund,,Hacheneyer Str. 1,44265,Dortmund,Öffentlich,2500,,51.0,7.0,x,0',
  '2024/25,Grundschule,5913000,Krfr. Stadt Dortmund,100006,Städt. Gem. Grundschule,Bergschule,,Bergstraße 7,44339,Dortmund,Öffentlich,180,6.0,51.0,7.0,x,0',
  '2024/25,Grundschule,5913000,Krfr. Stadt Dortmund,100007,Städt. Gem. Grundschule,Wiesenschule,,Am Anger 3,44339,Dortmund,Öffentlich,150,9.0,51.0,7.0,x,1',
  '2024/25,Hauptschule,5913000,Krfr. Stadt Dortmund,100008,Hauptschule Nord,,,Am Anger 3,44339,Dortmund,Öffentlich,90,9.0,51.0,7.0,x,0',
);
const REGISTER = [
  'sep=;',
  'Schulnummer;Schulform;Schulbezeichnung_1;Schulbezeichnung_2;Schulbezeichnung_3;Kurzbezeichnung;PLZ;Ort;Strasse;Gemeindeschluessel;EPSG;UTMRechtswert;UTMHochwert;',
  '"100001";"02";"Lindenschule";"";"";"";"44339";"Dortmund";"Lindenweg 1";"05913000";"EPSG:25832";"395000";"5710000"',
  '"100002";"87";"Rudolf-Steiner-Schule";"";"";"";"44225";"Dortmund";"x";"05913000";"EPSG:25832";"396000";"5710000"',
  '"100005";"30";"Robert-Bosch-Berufskolleg";"";"";"";"44265";"Dortmund";"x";"05913000";"EPSG:25832";"397000";"5710000"',
  '"100006";"02";"Bergschule";"";"";"";"44339";"Dortmund";"Alte Straße 1";"05913000";"EPSG:25832";"398000";"5712000"',
  '"100007";"02";"Wiesenschule";"";"";"";"44339";"Dortmund";"Am Anger 3";"05913000";"EPSG:25832";"399000";"5710000"',
  '"100008";"04";"Hauptschule Nord";"";"";"";"44339";"Dortmund";"Am Anger 3";"05913000";"EPSG:25832";"399010";"5710000"',
].join('\n');

const point = (key: string, name: string, category: string, x: number, y: number, street: string | null = null, house_number: string | null = null): CityPoint => ({ key, name, category, x, y, street, house_number });

describe("the state's school files", () => {
  it("keeps the city's schools, reads pupils, index and Startchancen, and names a bad row", () => {
    const { schools, problems } = readSchoolDirectory(DIRECTORY, 'dir.csv');
    expect(schools.map((s) => s.schulnummer)).toEqual(['100001', '100002', '100005', '100006', '100007', '100008']);
    expect(schools[0]).toMatchObject({ name: 'Städt. Gem. Grundschule Lindenschule Primarstufe', pupils: 245, socialIndex: 8, startchancen: true, address: 'Lindenweg 1 44339 Dortmund' });
    expect(schools[1]).toMatchObject({ schulform: 'Freie Waldorfschule', socialIndex: null, startchancen: false, legalStatus: 'Privat' });
    expect(problems).toEqual([{ file: 'dir.csv', message: 'row 4 (Schulnummer missing): the Schulnummer is not six digits' }]);
  });

  it('refuses an empty file, a foreign one, an index out of range and a position in another system', () => {
    expect(() => readSchoolDirectory('', 'a.csv')).toThrow('a.csv: the file is empty');
    expect(() => readSchoolDirectory('name,value\nx,1', 'b.csv')).toThrow(/b\.csv: the columns Schuljahr, Schulform.* are missing/);
    expect(readSchoolDirectory(dir('2024/25,Grundschule,5913000,D,100001,A,,,W 1,44339,Dortmund,Öffentlich,245,12.0,0,0,x,0'), 'c.csv').problems[0].message).toMatch(/Sozialindex "12.0" is not 1 to 9/);
    expect(readSchoolDirectory(dir('2024/25,Grundschule,5111000,D,100004,A,,,W 1,40468,Düsseldorf,Öffentlich,1,1.0,0,0,x,0'), 'd.csv').problems[0].message).toMatch(/no school of Dortmund/);
    const foreign = REGISTER.replace('"EPSG:25832";"395000"', '"EPSG:4326";"7.4"');
    expect(readSchoolRegister(foreign, 'r.csv').problems[0].message).toBe('row 3 (Schulnummer 100001): position in "EPSG:4326", expected EPSG:25832');
    expect(readSchoolRegister(REGISTER.replace('"395000"', '"95000"'), 'r.csv').problems[0].message).toMatch(/lies outside North Rhine-Westphalia/);
  });

  it("matches by address and name, by name within reach, at the same place, shares a site, and lists what is left", () => {
    const directory = readSchoolDirectory(DIRECTORY, 'dir.csv').schools;
    const register = readSchoolRegister(REGISTER, 'reg.csv').schools;
    const points = [
      point('p1', 'Lindenschule', 'grundschule', 395002, 5710000, 'Lindenweg', '1'), // 2 m, same address
      point('p1b', 'Lindenschule', 'grundschule', 395400, 5710300), // its branch site: left to the city
      point('p2', 'Rudolf-Steiner-Schule', 'schule_sonstige', 396300, 5710400), // 500 m, same name
      point('p6', 'Bergschule', 'grundschule', 400000, 5712000, 'Bergstr.', '7'), // moved: 2 km from the register, same address
      point('p7', 'Anger-Grundschule', 'grundschule', 399020, 5710000), // renamed at the same place (20 m)
      point('p9', 'Jugendverkehrsgarten', 'schule_sonstige', 405000, 5705000),
    ];
    const { matches, cityOnly } = matchSchools(stateSchools(directory, register), points);
    const by = (n: string) => matches.find((m) => m.school.schulnummer === n)!;
    expect(by('100001')).toMatchObject({ facilityKey: 'p1', how: 'address_and_name', distance: expect.closeTo(2, 6), note: null });
    expect(by('100002')).toMatchObject({ facilityKey: 'p2', how: 'position_and_name', distance: expect.closeTo(500, 6) });
    expect(by('100006')).toMatchObject({ facilityKey: 'p6', how: 'address_and_name', note: expect.stringMatching(/2000 m away \(moved since\?\)/) });
    expect(by('100007')).toMatchObject({ facilityKey: 'p7', how: 'position', note: 'same place, the city names it "Anger-Grundschule" (renamed?)' });
    // The Hauptschule 10 m from the Wiesenschule is not a Grundschule: no pair; the Berufskolleg is not children's provision.
    expect(by('100008')).toMatchObject({ facilityKey: null, how: null });
    expect(by('100005')).toMatchObject({ facilityKey: null, note: "Berufskolleg: not children's provision, kept out of the children's coverage" });
    expect(by('100005').school.category).toBeNull();
    expect(cityOnly.map((c) => [c.point.key, c.nearest?.schulnummer])).toEqual([['p1b', '100001'], ['p9', '100008']]);
  });

  it('lets a school without its own point share the site of a matched one of its kind', () => {
    const schools = stateSchools(
      readSchoolDirectory(DIRECTORY, 'dir.csv').schools.filter((s) => s.schulnummer === '100007' || s.schulnummer === '100008'),
      readSchoolRegister(REGISTER, 'reg.csv').schools,
    ).map((s) => ({ ...s, category: 'weiterfuehrende_schule' }));
    const { matches } = matchSchools(schools, [point('h', 'Wiesenschule', 'weiterfuehrende_schule', 399005, 5710000)]);
    expect(matches.map((m) => [m.school.schulnummer, m.facilityKey, m.how])).toEqual([
      ['100007', 'h', 'position_and_name'],
      ['100008', 'h', 'shared_site'],
    ]);
  });

  it('compares names by their distinctive words', () => {
    expect([...nameTokens('Städt. Gem. Grundschule Höchstener Schule - Primarstufe -')]).toEqual(['hoechstener']);
    expect(sameName('Ricarda-Huch-Realschule Realschule der Stadt Dortmund', 'Ricarda-Huch-Schule')).toBe(true);
    expect(sameName('Gesamtschule im Süden Wellinghofen', 'Gesamtschule Brünninghausen')).toBe(false);
    expect(sameName('Gesamtschule im Süden Wellinghofen', 'Gesamtschule im Süden - Wellinghofen')).toBe(true);
  });
});
