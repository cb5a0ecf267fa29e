import { describe, expect, it } from 'vitest';
import { changesInput, decodeChanges, draftFromStored, type DraftChange, emptyDraft, encodeChanges, withAdded, withMove } from './scenarioDraft.ts';

describe('a scenario draft in the URL', () => {
  const changes: DraftChange[] = [
    { kind: 'ADD', category: 'kita', longitude: 7.478159, latitude: 51.54074, capacity: 60 },
    { kind: 'CLOSE', facilityKey: 'source:kitas:12~3;x' },
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
      { kind: 'CLOSE', facilityKey: 'source:kitas:12~3;x', category: null, name: null, location: null, capacity: null },
    ]);
  });
});

describe('what a click on the map does to a draft', () => {
  it('plans one facility per spot, with the chosen capacity', () => {
    const once = withAdded(emptyDraft, 'kita', 7.45, 51.52, 60);
    expect(once.changes).toEqual([{ kind: 'ADD', category: 'kita', longitude: 7.45, latitude: 51.52, capacity: 60 }]);
    expect(withAdded(once, 'kita', 7.45, 51.52, 80)).toBe(once);
    expect(withAdded(once, 'kita', 7.46, 51.52, null).changes[1]).toEqual({ kind: 'ADD', category: 'kita', longitude: 7.46, latitude: 51.52, capacity: undefined });
  });
  it('keeps one move per facility, the latest click winning', () => {
    const first = withMove(emptyDraft, { key: 'k1', name: 'Kita A' }, 7.4, 51.5);
    const second = withMove(first, { key: 'k1', name: 'Kita A' }, 7.41, 51.51);
    expect(second.changes).toEqual([{ kind: 'MOVE', facilityKey: 'k1', label: 'Kita A', longitude: 7.41, latitude: 51.51 }]);
  });
  it('takes a stored scenario, unless the link carried changes of its own', () => {
    const stored = {
      key: 's1',
      version: 3,
      owner: 'planer',
      title: 'Nordstadt',
      description: '',
      updatedAt: '2026-12-02T10:00:00Z',
      changes: [{ kind: 'CLOSE' as const, facilityKey: 'k9', category: null, name: null, location: null, capacity: null, facility: { name: 'Kita Z' } }],
    };
    expect(draftFromStored({ ...emptyDraft, key: 's1' }, stored)).toEqual({
      key: 's1',
      version: 3,
      owner: 'planer',
      title: 'Nordstadt',
      changes: [{ kind: 'CLOSE', facilityKey: 'k9', label: 'Kita Z', category: undefined, longitude: undefined, latitude: undefined, capacity: undefined }],
    });
    const own: DraftChange = { kind: 'ADD', category: 'kita', longitude: 7.45, latitude: 51.52 };
    const ownChanges = draftFromStored({ ...emptyDraft, key: 's1', changes: [own] }, stored);
    expect(ownChanges.changes).toEqual([own]);
    expect(ownChanges.version).toBe(3);
  });
});
