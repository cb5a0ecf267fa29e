import { describe, expect, it } from 'vitest';
import { changesInput, decodeChanges, encodeChanges, type DraftChange } from './scenarioDraft.ts';

describe('a scenario draft in the URL', () => {
  const changes: DraftChange[] = [
    { kind: 'ADD', category: 'kita', longitude: 7.478159, latitude: 51.54074, capacity: 60 },
    { kind: 'CLOSE', facilityKey: 'dortmund:kitas:12~3;x' },
    { kind: 'MOVE', facilityKey: 'osm:node/1', longitude: 7.4, latitude: 51.5 },
    { kind: 'CAPACITY', facilityKey: 'k1', capacity: 80 },
  ];
  it('reads back what it wrote, also keys with the separators in them', () => {
    expect(decodeChanges(encodeChanges(changes))).toEqual([{ ...changes[0] }, changes[1], changes[2], changes[3]]);
  });
  it('leaves out what does not parse', () => {
    expect(decodeChanges('a~kita~x~51;z~1;c~;k~k1~;m~k2~7.4')).toEqual([]);
    expect(decodeChanges(null)).toEqual([]);
  });
  it('gives the API its input', () => {
    expect(changesInput([changes[0], changes[1]])).toEqual([
      { kind: 'ADD', facilityKey: null, category: 'kita', name: null, location: { longitude: 7.478159, latitude: 51.54074 }, capacity: 60 },
      { kind: 'CLOSE', facilityKey: 'dortmund:kitas:12~3;x', category: null, name: null, location: null, capacity: null },
    ]);
  });
});
