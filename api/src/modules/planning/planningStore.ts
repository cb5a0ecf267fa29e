// All SQL of the planning domain: the pieces of a scenario's evaluation (baseline cells from the
// coverage cache, distances and 2SFCA supply where planned changes alter them, candidate sites),
// and the stored scenarios and measures.
import type { Db } from '../../../../db/connect.ts';
import { badUserInput } from '../common/errors.ts';
import { inStorage, storagePoint } from '../../../../db/geometrySql.ts';

/** A point of a planned facility in the storage CRS, with the sub-district it lies in (null: outside the city). */
export type PlacedPoint = { x: number; y: number; ubz_id: number | null };

export async function placePoints(db: Db, points: { longitude: number; latitude: number }[]): Promise<PlacedPoint[]> {
  if (points.length === 0) return [];
  const result = await db.raw(
    /* planning.placePoints */ `
    with p as (
      select i, ${storagePoint('lon', 'lat')} as geom
        from jsonb_to_recordset(?::jsonb) as p(i int, lon float8, lat float8)
    )
    select p.i, ST_X(p.geom) as x, ST_Y(p.geom) as y,
           (select a.id from area a where a.level = 'ubz' and ST_Intersects(a.geom, p.geom) order by a.code limit 1) as ubz_id
      from p order by p.i`,
    [JSON.stringify(points.map((p, i) => ({ i, lon: p.longitude, lat: p.latitude })))],
  );
  return result.rows.map((r: { x: number; y: number; ubz_id: number | null }) => ({ x: r.x, y: r.y, ubz_id: r.ubz_id }));
}

export type PlannedFacility = { id: number; key: string; category: string; capacity: number | null; ubz_id: number | null; x: number; y: number };

/** Facilities in service by key, with their point in the storage CRS. */
export async function facilitiesForPlanning(db: Db, keys: string[]): Promise<PlannedFacility[]> {
  if (keys.length === 0) return [];
  const result = await db.raw(
    /* planning.facilities */ `
    select f.id, f.key, f.category, f.capacity, f.ubz_id, ST_X(f.geom) as x, ST_Y(f.geom) as y
      from facility f where f.key = any(?::text[])`,
    [keys],
  );
  return result.rows;
}

/** True when a facility of these categories has no capacity: supply is then counted per facility. */
export async function countsFacilities(db: Db, categories: string[]): Promise<boolean> {
  const result = await db.raw(
    /* planning.capacityMissing */ 'select exists (select 1 from facility f where f.category = any(?::text[]) and f.capacity is null) as missing',
    [categories],
  );
  return result.rows[0].missing;
}

/**
 * For a target whose 2SFCA counts pupils (va_capacity_supply: school categories, the state's
 * directory imported): each facility's pupils; else null.
 */
export async function pupilsOfTarget(db: Db, categories: string[]): Promise<Map<number, number> | null> {
  const result = await db.raw(
    /* planning.pupilsOfTarget */ `
    select s.id, s.amount from va_capacity_supply(?::text[]) s where va_by_pupils(?::text[])`,
    [categories, categories],
  );
  return result.rows.length === 0 ? null : new Map(result.rows.map((r: { id: number; amount: number }) => [r.id, r.amount]));
}

/** The median pupils of a category's schools (the state's directory, matched to the city's points); null without any. */
export async function medianPupils(db: Db, category: string): Promise<number | null> {
  const result = await db.raw(
    /* planning.medianPupils */ `
    select percentile_disc(0.5) within group (order by s.pupils) as median
      from school s join facility f on f.key = s.facility_key where f.category = ? and s.pupils is not null`,
    [category],
  );
  return result.rows[0]?.median ?? null;
}

/** The median capacity of a category's facilities (for a planned one whose capacity is not given); null without any. */
export async function medianCapacity(db: Db, category: string): Promise<number | null> {
  const result = await db.raw(
    /* planning.medianCapacity */ `
    select percentile_disc(0.5) within group (order by capacity) as median from facility where category = ? and capacity is not null`,
    [category],
  );
  return result.rows[0]?.median ?? null;
}

export type CellRow = { cell_id: number; ubz_id: number; children: number; distance_m: number | null; supply_per_1000: number; on_network: boolean };

/** The cached cell coverage of a parameter set: every grid piece with children. */
export async function baselineCells(db: Db, key: string): Promise<CellRow[]> {
  const result = await db.raw(
    /* planning.baselineCells */ 'select cell_id, ubz_id, children, distance_m, supply_per_1000, on_network from coverage_cell_cache where key = ?',
    [key],
  );
  return result.rows;
}

export type DistanceChange = { cell_id: number; lost: boolean; base_m: number | null; added_m: number | null };

/**
 * Where planned changes alter the nearest distance (straight line, no detour): cells whose nearest
 * facility of a target category closes or moves get the nearest remaining one of that category
 * (base_m; lost = true), and cells nearer to a planned point than to their nearest facility get that
 * distance (added_m).
 */
export async function distanceChanges(
  db: Db,
  p: { key: string; categories: string[]; detour: number; removedIds: number[]; added: { x: number; y: number }[] },
): Promise<DistanceChange[]> {
  const result = await db.raw(
    /* planning.distanceChanges */ `
    with removed as (
      select ?::int[] as ids
    ), lost as materialized (
      -- By the primary key's category, then the facility: never a scan of every category's reach.
      select r.cell_id, r.category from cell_reach r, removed
       where r.category = any(?::text[]) and r.facility_id = any(removed.ids)
    ), renear as (
      select l.cell_id, l.category,
             (select ST_Distance(f.geom, g.point) from facility f, removed
               where f.category = l.category and f.id <> all(removed.ids)
               order by f.geom <-> g.point limit 1) as d
        from lost l join grid_cell g on g.id = l.cell_id
    ), lost_cell as materialized (
      select distinct cell_id from lost
    ), base as (
      select r.cell_id, min(case when rn.cell_id is not null then rn.d else r.distance_m end) as d
        from cell_reach r
        join lost_cell a on a.cell_id = r.cell_id
        left join renear rn on rn.cell_id = r.cell_id and rn.category = r.category
       where r.category = any(?::text[])
       group by r.cell_id
    ), added as (
      select ${inStorage('ST_MakePoint(a.x, a.y)')} as geom from jsonb_to_recordset(?::jsonb) as a(x float8, y float8)
    ), nearer as (
      select c.cell_id, min(ST_Distance(g.point, a.geom)) as d
        from coverage_cell_cache c
        join grid_cell g on g.id = c.cell_id
        cross join added a
        left join lost_cell l on l.cell_id = c.cell_id
       where c.key = ?
         and (c.distance_m is null or l.cell_id is not null or ST_DWithin(g.point, a.geom, c.distance_m / ?))
       group by c.cell_id
    )
    select coalesce(b.cell_id, n.cell_id) as cell_id, b.cell_id is not null as lost, b.d as base_m, n.d as added_m
      from base b full join nearer n on n.cell_id = b.cell_id`,
    [p.removedIds, p.categories, p.categories, JSON.stringify(p.added), p.key, p.detour],
  );
  return result.rows;
}

/**
 * The change in 2SFCA supply per 1,000 children per cell: each changed facility's amount (signed:
 * negative for one that closes) over the children in its catchment, summed over the catchments a
 * cell lies in. The other facilities' ratios do not change, as the children do not.
 */
export async function supplyChanges(db: Db, p: { key: string; radius: number; items: { x: number; y: number; amount: number }[] }) {
  if (p.items.length === 0) return [] as { cell_id: number; delta: number }[];
  const result = await db.raw(
    /* planning.supplyChanges */ `
    with item as (
      select s.i, ${inStorage('ST_MakePoint(s.x, s.y)')} as geom, s.amount
        from jsonb_to_recordset(?::jsonb) as s(i int, x float8, y float8, amount float8)
    ), pair as (
      select s.i, c.cell_id, c.children, s.amount
        from item s
        join grid_cell g on ST_DWithin(g.point, s.geom, ?)
        join coverage_cell_cache c on c.key = ? and c.cell_id = g.id
    ), ratio as (
      select i, max(amount) / sum(children) as r from pair group by i having sum(children) > 0
    )
    select p.cell_id, sum(r.r) * 1000 as delta from pair p join ratio r on r.i = p.i group by p.cell_id`,
    [JSON.stringify(p.items.map((item, i) => ({ i, ...item }))), p.radius, p.key],
  );
  return result.rows as { cell_id: number; delta: number }[];
}

export type Membership = { area_id: number; ubz_id: number; level: string };

/** Which sub-districts every current area of the levels consists of. */
export async function memberships(db: Db, levels: string[]): Promise<Membership[]> {
  const result = await db.raw(
    /* planning.memberships */ `
    select au.area_id, au.ubz_id, a.level from area_ubz au join current_area a on a.id = au.area_id where a.level = any(?::text[])`,
    [levels],
  );
  return result.rows;
}

/** Facilities of the categories per sub-district (to count those inside an area). */
export async function facilitiesPerUbz(db: Db, categories: string[]): Promise<Map<number, number>> {
  const result = await db.raw(
    /* planning.facilitiesPerUbz */ 'select ubz_id, count(*)::int as n from facility where category = any(?::text[]) and ubz_id is not null group by ubz_id',
    [categories],
  );
  return new Map(result.rows.map((r: { ubz_id: number; n: number }) => [r.ubz_id, r.n]));
}

/** Grid pieces as GeoJSON features (EPSG:4326) with the given properties. */
export async function cellFeatures(db: Db, cells: { id: number; properties: Record<string, unknown> }[]) {
  if (cells.length === 0) return [];
  const result = await db.raw(
    /* planning.cellFeatures */ `
    select json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(ST_Transform(g.geom, 4326), 5)::json, 'properties', c.properties) as feature
      from jsonb_to_recordset(?::jsonb) as c(id int, properties jsonb) join grid_cell g on g.id = c.id
     order by g.id`,
    [JSON.stringify(cells)],
  );
  return result.rows.map((r: { feature: unknown }) => r.feature);
}

/** The most site-child pairs one suggestion weighs, so that no search stalls the server. */
export const MAX_CANDIDATE_PAIRS = 1_000_000;

/**
 * Candidate sites (centres of grid pieces where children live, in the given sub-districts), each
 * with the demand pieces (children beyond reach) it would bring within the radius.
 */
export async function candidateReach(db: Db, p: { key: string; candidateUbz: number[] | null; demandIds: number[]; radius: number }): Promise<Map<number, number[]>> {
  if (p.demandIds.length === 0) return new Map();
  const result = await db.raw(
    /* planning.candidateReach */ `
    with demand as (
      select g.id, g.point from unnest(?::int[]) as d(id) join grid_cell g on g.id = d.id
    ), pair as (
      select c.cell_id as candidate, d.id as demand
        from demand d
        join grid_cell g on ST_DWithin(g.point, d.point, ?)
        join coverage_cell_cache c on c.key = ? and c.cell_id = g.id
       where (?::int[] is null or c.ubz_id = any(?::int[]))
       limit ?
    )
    select candidate, array_agg(demand) as demand from pair group by candidate`,
    [p.demandIds, p.radius, p.key, p.candidateUbz, p.candidateUbz, MAX_CANDIDATE_PAIRS + 1],
  );
  const reach = new Map<number, number[]>(result.rows.map((r: { candidate: number; demand: number[] }) => [r.candidate, r.demand]));
  let pairs = 0;
  for (const d of reach.values()) pairs += d.length;
  if (pairs > MAX_CANDIDATE_PAIRS) {
    throw badUserInput(
      `too many candidate sites for this search (over ${MAX_CANDIDATE_PAIRS.toLocaleString('en')} site-child pairs): choose an area (an Aktionsraum or a Stadtbezirk) or a smaller threshold`,
    );
  }
  return reach;
}

/** Centres of grid pieces in the storage CRS (for walks on the network). */
export async function piecePositions(db: Db, ids: number[]): Promise<Map<number, { x: number; y: number }>> {
  const result = await db.raw(/* planning.piecePositions */ 'select id, ST_X(point) as x, ST_Y(point) as y from grid_cell where id = any(?::int[])', [ids]);
  return new Map(result.rows.map((r: { id: number; x: number; y: number }) => [r.id, { x: r.x, y: r.y }]));
}

/** Centres of grid pieces in EPSG:4326, with their sub-district. */
export async function cellCentres(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { lon: number; lat: number; ubz_id: number }>();
  const result = await db.raw(
    /* planning.cellCentres */ `
    select g.id, ST_X(ST_Transform(g.point, 4326)) as lon, ST_Y(ST_Transform(g.point, 4326)) as lat, g.ubz_id
      from grid_cell g where g.id = any(?::int[])`,
    [ids],
  );
  type Centre = { id: number; lon: number; lat: number; ubz_id: number };
  return new Map<number, Centre>(result.rows.map((r: Centre) => [r.id, r]));
}
