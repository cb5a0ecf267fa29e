-- Locates the census persons on the grid pieces and decides per sub-district how its children are
-- spread: by the census (census_count of each piece) or, where the census located nobody in it
-- (suppressed small cells, housing built since the census), evenly by area, flagged 'even'.
-- The grid is aligned with the census grid and its cell size divides the census cell size, so
-- every piece lies inside exactly one census square: its share of that square's persons is its
-- share of the square's area. A census square cut by the city boundary keeps only its share inside.
create or replace function va_refresh_demand()
returns integer
language plpgsql
volatile
as $$
declare
  subdistricts integer;
begin
  update grid_cell set census_count = 0 where census_count <> 0;
  update grid_cell g
     set census_count = c.count * g.area_m2 / ST_Area(c.geom)
    from census_cell c
   where ST_Contains(c.geom, ST_PointOnSurface(g.geom));
  delete from ubz_distribution;
  insert into ubz_distribution (ubz_id, method, census_count, area_m2, source)
  select g.ubz_id,
         case when sum(g.census_count) > 0 then 'census' else 'even' end,
         sum(g.census_count), sum(g.area_m2),
         (select min(c.source) from census_cell c)
    from grid_cell g
   group by g.ubz_id;
  get diagnostics subdistricts = row_count;
  return subdistricts;
end
$$;

comment on function va_refresh_demand() is
  'Sets grid_cell.census_count from census_cell and rebuilds ubz_distribution (census or even fallback per UBZ). Run after va_refresh_grid and after every census import. Returns the number of sub-districts.';

-- Example: select va_refresh_demand(); select method, count(*) from ubz_distribution group by 1;
