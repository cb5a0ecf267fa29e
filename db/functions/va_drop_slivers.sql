-- Removes the near-zero-area parts and holes that the city's dirty rings (duplicate vertices,
-- spikes, self-touching rings) leave behind after ST_MakeValid and ST_Union.
create or replace function va_drop_slivers(geom geometry, min_area double precision default 1.0)
returns geometry
language sql
immutable parallel safe
as $$
  select ST_Multi(ST_Collect(
           ST_MakePolygon(
             ST_ExteriorRing(part.geom),
             array(select ST_ExteriorRing(ring.geom)
                     from ST_DumpRings(part.geom) as ring
                    where ring.path[1] > 0 and ST_Area(ring.geom) >= min_area))))
    from ST_Dump(geom) as part
   where ST_Area(part.geom) >= min_area
$$;

comment on function va_drop_slivers(geometry, double precision) is
  'Drops polygon parts and holes smaller than min_area (square units of the SRID, default 1); returns a MultiPolygon';

-- Example: select ST_NumGeometries(va_drop_slivers(geom)) from area where level = 'city';
