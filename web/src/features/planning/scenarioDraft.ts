// A scenario being built in the gap view: its changes as the API takes them, kept in the URL so
// that a link opens the same draft (?plan=a~kita~7.47816~51.54074~60;c~<key>), and the stored
// scenario it came from (?szenario=<key>).
import type { ScenarioChangeInput, ScenarioChangeKind, StoredScenarioQuery } from '../../gql/graphql.ts';

export type DraftChange = {
  kind: ScenarioChangeKind;
  /** Existing facility (close, move, capacity). */
  facilityKey?: string;
  /** Its name or the planned one's, for the list. */
  label?: string;
  category?: string;
  longitude?: number;
  latitude?: number;
  capacity?: number;
};

export type ScenarioDraft = {
  /** The stored scenario it was loaded from or saved as (its link); null for a new draft. */
  key: string | null;
  version: number | null;
  /** Who stored it (a login); only they (or an admin) save over it, anyone else saves a copy. */
  owner: string | null;
  title: string;
  changes: DraftChange[];
};

export const emptyDraft: ScenarioDraft = { key: null, version: null, owner: null, title: '', changes: [] };

const CODE: Record<ScenarioChangeKind, string> = { ADD: 'a', CLOSE: 'c', MOVE: 'm', CAPACITY: 'k' };
const KIND = Object.fromEntries(Object.entries(CODE).map(([kind, code]) => [code, kind as ScenarioChangeKind]));
const coordinate = (v: number | undefined) => (v === undefined ? '' : v.toFixed(6));
const number = (s: string | undefined) => (s === undefined || s === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** The changes as one URL parameter value. */
export function encodeChanges(changes: DraftChange[]): string {
  return changes
    .map((c) => {
      const parts =
        c.kind === 'ADD'
          ? [c.category ?? '', coordinate(c.longitude), coordinate(c.latitude), c.capacity === undefined ? '' : String(c.capacity)]
          : c.kind === 'MOVE'
            ? [c.facilityKey ?? '', coordinate(c.longitude), coordinate(c.latitude)]
            : c.kind === 'CAPACITY'
              ? [c.facilityKey ?? '', String(c.capacity ?? '')]
              : [c.facilityKey ?? ''];
      return [CODE[c.kind], ...parts.map((p) => encodeURIComponent(p).replaceAll('~', '%7E'))].join('~');
    })
    .join(';');
}

/** Changes from a URL parameter value; parts that do not parse are left out. */
export function decodeChanges(value: string | null): DraftChange[] {
  if (!value) return [];
  return value.split(';').flatMap((item): DraftChange[] => {
    const [code, ...raw] = item.split('~');
    const parts = raw.map((p) => decodeURIComponent(p));
    const kind = KIND[code];
    if (!kind) return [];
    if (kind === 'ADD') {
      const [category, lon, lat, capacity] = parts;
      const longitude = number(lon);
      const latitude = number(lat);
      return category && longitude !== undefined && latitude !== undefined ? [{ kind, category, longitude, latitude, capacity: number(capacity) }] : [];
    }
    const [facilityKey, a, b] = parts;
    if (!facilityKey) return [];
    if (kind === 'MOVE') {
      const longitude = number(a);
      const latitude = number(b);
      return longitude !== undefined && latitude !== undefined ? [{ kind, facilityKey, longitude, latitude }] : [];
    }
    if (kind === 'CAPACITY') return number(a) === undefined ? [] : [{ kind, facilityKey, capacity: number(a) }];
    return [{ kind, facilityKey }];
  });
}

/** The changes as the API takes them. */
export function changesInput(changes: DraftChange[]): ScenarioChangeInput[] {
  return changes.map((c) => ({
    kind: c.kind,
    facilityKey: c.facilityKey ?? null,
    category: c.kind === 'ADD' ? (c.category ?? null) : null,
    name: c.kind === 'ADD' ? (c.label ?? null) : null,
    location: c.longitude !== undefined && c.latitude !== undefined ? { longitude: c.longitude, latitude: c.latitude } : null,
    capacity: c.capacity ?? null,
  }));
}

/** A stored scenario as the API gives it (query StoredScenario). */
type StoredScenario = NonNullable<StoredScenarioQuery['scenario']>;

/**
 * The draft after its stored scenario arrived: key, version, owner and title from the store; the
 * changes from the store unless the link already carried changes of its own (they win).
 */
export function draftFromStored(draft: ScenarioDraft, stored: StoredScenario): ScenarioDraft {
  return {
    key: stored.key,
    version: stored.version,
    owner: stored.owner,
    title: stored.title,
    changes: draft.changes.length
      ? draft.changes
      : stored.changes.map((c): DraftChange => ({
          kind: c.kind,
          facilityKey: c.facilityKey ?? undefined,
          label: c.name ?? c.facility?.name ?? undefined,
          category: c.category?.key,
          longitude: c.location?.longitude,
          latitude: c.location?.latitude,
          capacity: c.capacity ?? undefined,
        })),
  };
}

/** A facility moved to a clicked point: one MOVE per facility, the latest click wins. */
export function withMove(draft: ScenarioDraft, facility: { key: string; name: string }, longitude: number, latitude: number): ScenarioDraft {
  return {
    ...draft,
    changes: [...draft.changes.filter((c) => c.facilityKey !== facility.key), { kind: 'MOVE', facilityKey: facility.key, label: facility.name, longitude, latitude }],
  };
}

/** A planned facility at a clicked point; the same spot twice is one planned facility. */
export function withAdded(draft: ScenarioDraft, category: string, longitude: number, latitude: number, capacity: number | null): ScenarioDraft {
  if (draft.changes.some((c) => c.longitude === longitude && c.latitude === latitude)) return draft;
  return { ...draft, changes: [...draft.changes, { kind: 'ADD', category, longitude, latitude, capacity: capacity ?? undefined }] };
}
