-- Lays a regular grid over the city and clips it to the sub-districts: the places where children
-- live and from which distances to facilities are measured. The squares are those of the census
-- grid (EPSG:3035, corners at multiples of the cell size), so that a census cell's children fall
-- on exactly the pieces of its own square: no child is smeared into a neighbouring square of
-- water or industry. Replaces the grid (and the reach table).
create or replace function va_refresh_grid(cell_size double precision default 100)
returns integer
language plpgsql
volatile
as $$
declare
  cells integer;
begin
  -- The reach table belongs to the grid: both are rebuilt (geodata/import/refreshReach.ts).
  truncate cell_reach, grid_cell;
  insert into grid_cell (ubz_id, geom, point, area_m2)
  select piece.ubz_id, piece.geom, ST_PointOnSurface(piece.geom), ST_Area(piece.geom)
    from (
      -- Clipping is the costly step: squares wholly inside (most of them) are kept as they are.
      select u.id as ubz_id,
             (ST_Dump(case when ST_CoveredBy(g.geom, u.geom) then g.geom
                           else ST_CollectionExtract(ST_Intersection(g.geom, u.geom, 0.01), 3) end)).geom as geom
        from area u
        cross join lateral (
          select ST_Transform(sq.geom, 25832) as geom from ST_SquareGrid(cell_size, ST_Transform(u.geom, 3035)) as sq
        ) as g
       where u.level = 'ubz' and ST_Intersects(g.geom, u.geom)
    ) as piece
   where ST_Area(piece.geom) >= 1;
  get diagnostics cells = row_count;
  return cells;
end
$$;

comment on function va_refresh_grid(double precision) is
  'Rebuilds grid_cell: the squares of the census grid (EPSG:3035, cell_size metres, stored in EPSG:25832) clipped to every UBZ; pieces under 1 m² are dropped. Call va_refresh_demand afterwards. Returns the number of cells.';

-- Example: select va_refresh_grid(100);
