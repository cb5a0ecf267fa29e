// A scenario's changes checked before anything is computed: a known facility in service, a
// child-related category, a location inside the city, a capacity; one change per facility.

import type { Context } from '../../context.ts';
import { badUserInput } from '../common/errors.ts';
import { checkLonLat } from '../common/geometry.ts';
import { checkWholeNumber } from '../common/validate.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { checkText } from '../editing/facilityFields.ts';
import * as store from './planningStore.ts';
import type * as records from './planRecordStore.ts';
import { OUTSIDE_CITY } from '../../../../domain/city.ts';
import { CAPACITY } from '../../../../domain/coverageRules.ts';

export const MAX_CHANGES = 50;

export type ChangeKind = 'add' | 'close' | 'move' | 'capacity';

/** A planned change as given (API input or stored), in lower-case kinds. */
export type ChangeInput = {
  kind: ChangeKind;
  facilityKey?: string | null;
  category?: string | null;
  name?: string | null;
  location?: { longitude: number; latitude: number } | null;
  capacity?: number | null;
};

/** A checked change: its facility (existing ones) and its point in the storage CRS (new locations). */
export type CheckedChange = records.ChangeValues & { facility: store.PlannedFacility | null; point: store.PlacedPoint | null };

/** Checks every change: known facility in service, category, a location inside the city, capacity; one change per facility. */
export async function checkChanges(ctx: Context, inputs: readonly ChangeInput[]): Promise<CheckedChange[]> {
  if (inputs.length > MAX_CHANGES) throw badUserInput(`a scenario holds at most ${MAX_CHANGES} changes (got ${inputs.length})`);
  const keys = inputs.flatMap((c) => (c.facilityKey ? [c.facilityKey] : []));
  const facilities = new Map((await store.facilitiesForPlanning(ctx.db, keys)).map((f) => [f.key, f]));
  const located = inputs.map((c, i) => (c.location ? { ...checkLonLat(c.location, `changes[${i}].location`) } : null));
  const placed = await store.placePoints(ctx.db, located.filter((l) => l !== null));
  const seen = new Set<string>();
  let next = 0;
  return inputs.map((c, i) => {
    const where = `changes[${i}] (${c.kind.toUpperCase()})`;
    const location = located[i];
    const point = location ? placed[next++] : null;
    if (point && point.ubz_id === null) throw badUserInput(`${where}: the location (${location!.longitude}, ${location!.latitude}) ${OUTSIDE_CITY}`);
    if (c.capacity != null) checkWholeNumber(`${where} capacity`, c.capacity, CAPACITY.min, CAPACITY.max);
    if (c.kind === 'add') {
      if (c.facilityKey) throw badUserInput(`${where}: a planned facility has no facilityKey; give category and location`);
      if (!c.category || !categoryOf(c.category)) throw badUserInput(`${where}: category "${c.category ?? ''}" is not a category key (see taxonomy)`);
      if (!location) throw badUserInput(`${where}: needs a location`);
      const name = c.name == null || c.name.trim() === '' ? null : checkText(`${where} name`, c.name, 1, 200);
      return { kind: 'add', facility_key: null, category: c.category, name, lon: location.longitude, lat: location.latitude, capacity: c.capacity ?? null, facility: null, point };
    }
    if (!c.facilityKey) throw badUserInput(`${where}: needs the facilityKey of an existing facility`);
    const facility = facilities.get(c.facilityKey);
    if (!facility) throw badUserInput(`${where}: there is no facility in service with key "${c.facilityKey}"`);
    if (seen.has(c.facilityKey)) throw badUserInput(`${where}: facility "${c.facilityKey}" is changed twice; one change per facility`);
    seen.add(c.facilityKey);
    if (c.kind === 'move' && !location) throw badUserInput(`${where}: needs the location to move to`);
    if (c.kind === 'capacity' && c.capacity == null) throw badUserInput(`${where}: needs the new capacity`);
    return {
      kind: c.kind,
      facility_key: c.facilityKey,
      category: facility.category,
      name: null,
      lon: c.kind === 'move' ? location!.longitude : null,
      lat: c.kind === 'move' ? location!.latitude : null,
      capacity: c.kind === 'capacity' ? c.capacity! : null,
      facility,
      point: c.kind === 'move' ? point : null,
    };
  });
}

