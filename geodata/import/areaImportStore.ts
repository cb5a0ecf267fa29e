// The import's SQL for the area hierarchy: sub-districts, the levels derived from them, memberships.
import type { Db } from '../../db/connect.ts';
import { LON_LAT_SRID, toStorage } from '../../db/geometrySql.ts';

const json = (value: unknown) => JSON.stringify(value);

export type UbzInput = { code: string; name: string; geometry: unknown };

/** Sub-district polygons from the city's file, repaired (ST_MakeValid) and stored in the storage CRS. */
export async function upsertUbz(db: Db, ubz: UbzInput[], source: string): Promise<number> {
  const upserted = await db.raw(
    /* import.upsertUbz */ `
    with input as (
      select r.code, r.name,
             va_drop_slivers(ST_CollectionExtract(ST_MakeValid(
               ${toStorage(`ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), ${LON_LAT_SRID})`)}), 3)) as geom
        from jsonb_to_recordset(?::jsonb) as r(code text, name text, geometry jsonb)
    )
    insert into area (level, code, name, geom, label_point, area_m2, source)
    select 'ubz', code, name, geom, ST_PointOnSurface(geom), ST_Area(ST_Transform(geom, 4326)::geography), ?
      from input
    on conflict (level, code, valid_from) do update set name = excluded.name, geom = excluded.geom,
      label_point = excluded.label_point, area_m2 = excluded.area_m2, source = excluded.source
      where not ST_Equals(area.geom, excluded.geom) or area.name <> excluded.name or area.source <> excluded.source`,
    [json(ubz), source],
  );
  const deleted = await db.raw(
    /* import.deleteStaleUbz */ `delete from area where level = 'ubz' and not (code = any(?::text[]))`,
    [ubz.map((u) => u.code)],
  );
  return (upserted.rowCount ?? 0) + (deleted.rowCount ?? 0);
}

export type DerivedArea = {
  code: string;
  name: string;
  ubzCodes: string[];
  validFrom: string | null;
  validTo: string | null;
};

/**
 * Areas of one level as unions of their sub-districts; areas no longer in the input are removed.
 * The union runs on a 1 mm grid: the floating-point overlay fails on these rings, and PGlite then
 * returns no row instead of an error. The count check below turns any such loss into an error.
 */
export async function replaceDerivedAreas(db: Db, level: string, areas: DerivedArea[], source: string) {
  await db.raw(
    /* import.upsertDerivedAreas */ `
    with input as (
      select r.code, r.name, r."validFrom"::date as valid_from, r."validTo"::date as valid_to, u.code as ubz
        from jsonb_to_recordset(?::jsonb) as r(code text, name text, "validFrom" text, "validTo" text, "ubzCodes" text[])
        cross join unnest(r."ubzCodes") as u(code)
    ), unioned as (
      select i.code, i.name, i.valid_from, i.valid_to,
             va_drop_slivers(ST_CollectionExtract(ST_Union(a.geom, 0.001), 3)) as geom
        from input i join area a on a.level = 'ubz' and a.code = i.ubz
       group by i.code, i.name, i.valid_from, i.valid_to
    )
    insert into area (level, code, name, valid_from, valid_to, geom, label_point, area_m2, source)
    select ?, code, name, valid_from, valid_to, geom, ST_PointOnSurface(geom), ST_Area(ST_Transform(geom, 4326)::geography), ? from unioned
    on conflict (level, code, valid_from) do update set name = excluded.name, valid_to = excluded.valid_to,
      geom = excluded.geom, label_point = excluded.label_point, area_m2 = excluded.area_m2, source = excluded.source
      where not ST_Equals(area.geom, excluded.geom) or area.name <> excluded.name
         or area.valid_to is distinct from excluded.valid_to or area.source <> excluded.source`,
    [json(areas), level, source],
  );
  await db.raw(
    /* import.deleteStaleDerivedAreas */ `
    delete from area where level = ?
       and not ((code, coalesce(valid_from, 'infinity'::date)) in
         (select r.code, coalesce(r."validFrom"::date, 'infinity'::date)
            from jsonb_to_recordset(?::jsonb) as r(code text, "validFrom" text)))`,
    [level, json(areas)],
  );
  const stored = await db.raw(/* import.countLevel */ 'select count(*)::int as n from area where level = ?', [level]);
  if (stored.rows[0].n !== areas.length) {
    throw new Error(`Building the ${level} polygons gave ${stored.rows[0].n} areas, expected ${areas.length}`);
  }
}

export type MembershipInput = { ubz: string; level: string; code: string; validFrom: string | null; inferred: boolean; basis: string };

export async function replaceMemberships(db: Db, memberships: MembershipInput[]) {
  await db.raw(/* import.clearMemberships */ 'delete from area_membership');
  await db.raw(
    /* import.insertMemberships */ `
    insert into area_membership (ubz_id, area_id, inferred, basis)
    select u.id, a.id, r.inferred, r.basis
      from jsonb_to_recordset(?::jsonb) as r(ubz text, level text, code text, "validFrom" text, inferred boolean, basis text)
      join area u on u.level = 'ubz' and u.code = r.ubz
      join area a on a.level = r.level and a.code = r.code and a.valid_from is not distinct from r."validFrom"::date`,
    [json(memberships)],
  );
}

export async function findAktionsraumMismatches(db: Db): Promise<{ key: string; name: string; code: string }[]> {
  const result = await db.raw(
    /* import.aktionsraumMismatches */ `
    select f.key, f.name, f.city_codes->>'aktionsraum' as code
      from facility f
     where f.city_codes->>'aktionsraum' is not null
       and not exists (
         select 1 from area a
          where a.level = 'aktionsraum' and a.code = f.city_codes->>'aktionsraum'
            and ST_Intersects(a.geom, f.geom))`,
  );
  return result.rows;
}
