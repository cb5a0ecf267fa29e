-- Children of one age band per grid piece: each sub-district's count (ubz_population: real counts
-- or the estimate) spread over its pieces by the census grid, or evenly by area. 'census' falls
-- back to 'even' in the sub-districts flagged so in ubz_distribution.
-- The parameter was called target_band before: a renamed parameter needs the function dropped.
drop function if exists va_cell_children(text, text);

create or replace function va_cell_children(age_band text, distribution text default 'census')
returns table (cell_id integer, ubz_id integer, children double precision, spread text)
language sql
stable parallel safe
as $$
  with band as (
    select unnest(case when va_cell_children.age_band = '0-17' then array['0-5', '6-17'] else array[va_cell_children.age_band] end) as stored_band
  ), ubz_children as (
    select p.ubz_id, sum(p.count) as children
      from ubz_population p join band b on b.stored_band = p.age_band group by p.ubz_id
  )
  select c.id, c.ubz_id,
         uc.children * case when distribution = 'census' and d.method = 'census' then c.census_count / d.census_count
                            else c.area_m2 / d.area_m2 end,
         case when distribution = 'census' then d.method else 'even' end
    from grid_cell c
    join ubz_children uc on uc.ubz_id = c.ubz_id
    join ubz_distribution d on d.ubz_id = c.ubz_id
$$;

comment on function va_cell_children(text, text) is
  'Per grid piece: children of the band (0-5, 6-17 or 0-17) from ubz_population, spread by the census grid (distribution census; even where the UBZ is flagged even) or evenly by area (distribution even); spread says which was used.';

-- Example: select sum(children) from va_cell_children('0-5') where ubz_id = (select id from area where level = 'ubz' and code = '022');
