-- Lays a regular grid over the city and clips it to the sub-districts: the places from which
-- distances to facilities are measured. Replaces the grid (and, by cascade, the reach table).
create or replace function va_refresh_grid(cell_size double precision default 100)
returns integer
language plpgsql
volatile
as $$
declare
  cells integer;
begin
  -- Truncate, not delete: deleting cells one by one makes the foreign key of cell_reach look
  -- up each of them there.
  truncate cell_reach, grid_cell;
  insert into grid_cell (ubz_id, geom, point, area_m2)
  select piece.ubz_id, piece.geom, ST_PointOnSurface(piece.geom), ST_Area(piece.geom)
    from (
      select u.id as ubz_id,
             (ST_Dump(ST_CollectionExtract(ST_Intersection(g.geom, u.geom, 0.01), 3))).geom as geom
        from area u
        cross join lateral ST_SquareGrid(cell_size, u.geom) as g
       where u.level = 'ubz' and ST_Intersects(g.geom, u.geom)
    ) as piece
   where ST_Area(piece.geom) >= 1;
  get diagnostics cells = row_count;
  return cells;
end
$$;

comment on function va_refresh_grid(double precision) is
  'Rebuilds grid_cell: a square grid of cell_size metres (EPSG:25832) clipped to every UBZ; pieces under 1 m² are dropped. Returns the number of cells.';

-- Example: select va_refresh_grid(100);
