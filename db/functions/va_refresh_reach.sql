-- For every grid cell and every given category: the straight-line distance to the nearest
-- facility. Each category gets a small index of its own; a filtered KNN over the shared facility
-- index is several times slower.
create or replace function va_refresh_reach(categories text[])
returns integer
language plpgsql
volatile
as $$
declare
  category_key text;
  total integer := 0;
  added integer;
begin
  truncate cell_reach;
  foreach category_key in array categories loop
    execute 'drop table if exists va_reach_facility';
    execute 'create temp table va_reach_facility as select id, geom from facility where category = $1' using category_key;
    execute 'create index on va_reach_facility using gist (geom)';
    execute 'analyze va_reach_facility';
    execute 'insert into cell_reach (category, cell_id, distance_m, facility_id)
             select $1, c.id, n.distance_m, n.id
               from grid_cell c
               cross join lateral (
                 select f.id, ST_Distance(c.point, f.geom) as distance_m
                   from va_reach_facility f order by f.geom <-> c.point limit 1) as n'
      using category_key;
    get diagnostics added = row_count;
    total := total + added;
  end loop;
  execute 'drop table if exists va_reach_facility';
  return total;
end
$$;

comment on function va_refresh_reach(text[]) is
  'Rebuilds cell_reach for the given categories (nearest facility per grid cell, straight line in metres). Returns the number of rows.';

-- Example: select va_refresh_reach(array['kita', 'spielplatz']);
