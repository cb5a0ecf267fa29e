// The parameters of an items request (limit, offset, bbox, crs, CQL2 filter, equality on
// queryables) read and checked into the store's query: every value a binding, every mistake a 400
// that says what is allowed.
import { cql2ToSql, FilterError, type Queryable } from './cql2.ts';
import { bad } from './ogcError.ts';
import type { Collection } from './ogcCollections.ts';
import { CQL2_TEXT, CRS84, STORAGE_CRS, PAGE } from './ogcOpenApi.ts';
import type * as store from './ogcStore.ts';
import { LON_LAT_SRID, STORAGE_SRID } from '../../../../domain/city.ts';

export const SRID_OF: Record<string, store.Srid> = { [CRS84]: LON_LAT_SRID, [STORAGE_CRS]: STORAGE_SRID };

function numberParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw bad(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

export function crsParam(url: URL, name: string): store.Srid {
  const raw = url.searchParams.get(name);
  if (raw === null) return LON_LAT_SRID;
  const srid = SRID_OF[raw];
  if (!srid) throw bad(`${name} must be ${CRS84} or ${STORAGE_CRS} (got "${raw}")`);
  return srid;
}

const ITEM_PARAMS = new Set(['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'filter', 'filter-lang', 'filter-crs']);

/** A queryable's SQL for comparisons (its stored value where the shown one is formatted). */
const queryableOf = (c: Collection, name: string): Queryable => {
  const column = c.columns[name];
  return { type: column.type, sql: column.filterSql ?? column.sql };
};

/** One property equality from a query parameter (name=value), typed by the queryable. */
function equality(c: Collection, name: string, value: string): { sql: string; bindings: unknown[] } {
  const q = queryableOf(c, name);
  if (q.type === 'number' || q.type === 'integer') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw bad(`${name} is a number (got "${value}")`);
    return { sql: `(${q.sql}) = ?::float8`, bindings: [n] };
  }
  if (q.type === 'date' || q.type === 'date-time') {
    if (Number.isNaN(Date.parse(value))) throw bad(`${name} is a ${q.type} (got "${value}")`);
    return { sql: `(${q.sql}) = ?::timestamptz`, bindings: [value] };
  }
  return { sql: `(${q.sql})::text = ?`, bindings: [value] };
}

export function itemQuery(url: URL, c: Collection): store.ItemQuery {
  for (const name of url.searchParams.keys()) {
    if (!ITEM_PARAMS.has(name) && !c.queryables.includes(name)) {
      throw bad(`unknown parameter "${name}"; this collection takes ${[...ITEM_PARAMS].join(', ')} and its queryables: ${c.queryables.join(', ')}`);
    }
    if (url.searchParams.getAll(name).length > 1) throw bad(`the parameter "${name}" is given more than once`);
  }
  let bbox: [number, number, number, number] | null = null;
  const rawBbox = url.searchParams.get('bbox');
  const bboxSrid = crsParam(url, 'bbox-crs');
  if (rawBbox !== null) {
    const parts = rawBbox.split(',').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) throw bad(`bbox must be four numbers: minx,miny,maxx,maxy (got "${rawBbox}")`);
    const [w, s, e, n] = parts;
    if (w > e || s > n) throw bad(`bbox must run from the lower left to the upper right corner (got "${rawBbox}")`);
    if (bboxSrid === LON_LAT_SRID && (w < -180 || e > 180 || s < -90 || n > 90)) throw bad(`bbox in CRS84 must lie within -180,-90,180,90 (got "${rawBbox}")`);
    bbox = [w, s, e, n];
  }
  const where = c.queryables.flatMap((name) => {
    const value = url.searchParams.get(name);
    return value === null ? [] : [equality(c, name, value)];
  });
  const filter = url.searchParams.get('filter');
  const lang = url.searchParams.get('filter-lang') ?? CQL2_TEXT;
  if (lang !== CQL2_TEXT) throw bad(`filter-lang must be ${CQL2_TEXT} (got "${lang}")`);
  const filterCrs = url.searchParams.get('filter-crs');
  if (filterCrs !== null && filterCrs !== CRS84) throw bad(`filter-crs must be ${CRS84}: filters here compare properties, not geometries (got "${filterCrs}")`);
  if (filter !== null) {
    try {
      where.push(cql2ToSql(filter, Object.fromEntries(c.queryables.map((name) => [name, queryableOf(c, name)]))));
    } catch (error) {
      if (error instanceof FilterError) throw bad(`filter: ${error.message}`);
      throw error;
    }
  }
  return {
    limit: numberParam(url, 'limit', PAGE.default, 1, PAGE.max),
    offset: numberParam(url, 'offset', 0, 0, PAGE.maxOffset),
    bbox,
    bboxSrid,
    srid: crsParam(url, 'crs'),
    where,
  };
}

