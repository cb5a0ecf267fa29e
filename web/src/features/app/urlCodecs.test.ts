// Each URL parameter on its own: a value reads back as written, a default is left out of the link,
// and what a link cannot mean falls back to the default.
import { describe, expect, it } from 'vitest';
import { type Codec, codecs, defaultPartner, defaultPlanner } from './urlCodecs.ts';

const roundTrip = <T>(codec: Codec<T>, value: T) => codec.read(new URLSearchParams(codec.write(value)));
const fromLink = <T>(codec: Codec<T>, search: string) => codec.read(new URLSearchParams(search));

type Case = [name: keyof typeof codecs, value: unknown, defaultValue: unknown, nonsense: string];

const cases: Case[] = [
  ['view', 'luecken', 'karte', 'ansicht=nirgends'],
  ['lang', 'en', 'de', 'sprache=fr'],
  ['selection', { level: 'UBZ', code: '051' }, null, 'gebiet=MOND:1'],
  ['categories', ['kita', 'spielplatz'], null, ''],
  ['level', 'SOZIALRAUM', defaultPlanner.level, 'ebene=LAND'],
  ['target', 'field:BETREUUNG', defaultPlanner.target, ''],
  ['ageBand', 'AGE_6_17', defaultPlanner.ageBand, 'alter=AGE_99'],
  ['threshold', 750, null, 'entfernung=weit'],
  ['threshold', 750, null, 'entfernung=7'],
  ['threshold', 750, null, 'entfernung=20000'],
  ['measure', 'childrenBeyond', defaultPlanner.measure, 'mass=gefuehlt'],
  ['showGaps', false, true, ''],
  ['showCatchments', true, false, 'einzug=ja'],
  ['showChildren', true, false, 'kinder=2'],
  ['origin', { longitude: 7.4652, latitude: 51.5236, facilityKey: 'city:kita:12', name: null }, null, 'ort=abc'],
  ['radius', 1500, defaultPartner.radius, 'umkreis=7'],
  ['kinds', ['kita', 'bibliothek'], defaultPartner.kinds, ''],
  ['offers', ['sprachfoerderung'], [], ''],
  ['scenario', { open: true, key: 'AbC-12_x', changes: [{ kind: 'CLOSE', facilityKey: 'city:kita:7' }] }, { open: false, key: null, changes: [] }, 'plan=z~1'],
  ['planYear', 2027, null, 'jahr=bald'],
];

describe('one codec per URL parameter', () => {
  it.each(cases)('%s: reads back what it wrote', (name, value) => {
    const codec = codecs[name] as Codec<unknown>;
    expect(roundTrip(codec, value)).toEqual(value);
  });

  it.each(cases)('%s: leaves its default out of the link, and reads a missing parameter as the default', (name, _, defaultValue) => {
    const codec = codecs[name] as Codec<unknown>;
    // The gap map's level, target, age band and measure and the search's radius and kinds are always
    // written where their view is shown, so that a link says what it shows.
    if (!['level', 'target', 'ageBand', 'measure', 'radius', 'kinds'].includes(name)) expect(codec.write(defaultValue)).toEqual([]);
    expect(fromLink(codec, '')).toEqual(defaultValue);
  });

  it.each(cases.filter(([, , , nonsense]) => nonsense !== ''))('%s: falls back to the default for a value a link cannot mean', (name, _, defaultValue, nonsense) => {
    const codec = codecs[name] as Codec<unknown>;
    const read = fromLink(codec, nonsense);
    // A draft with changes that do not parse is still the scenario mode, with no changes.
    if (name === 'scenario') expect(read).toEqual({ open: true, key: null, changes: [] });
    else expect(read).toEqual(defaultValue);
  });
});
