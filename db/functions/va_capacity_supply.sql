-- What each facility of the target offers in the two-step floating catchment (2SFCA): for a
-- target of only categories sized by pupils (facility_category.sized_by, the school categories),
-- once the state's school directory is imported, the pupils enrolled in the schools matched to the
-- point (0 for a point no school of the directory is matched to: a branch site, a closed school);
-- else its places where every facility of the target has a capacity, else one per facility.
-- va_cell_coverage (straight catchments) and geodata/network/networkSupply.ts (catchments on the
-- walking network) both read it.
create or replace function va_capacity_supply(target_categories text[])
returns table (id integer, geom geometry, amount double precision)
language sql
stable parallel safe
as $$
  with by_pupils as (
    select va_by_pupils(target_categories) as yes
  ), pupils as (
    select s.facility_key, sum(s.pupils)::double precision as pupils
      from school s where s.category is not null and s.facility_key is not null group by s.facility_key
  )
  select f.id, f.geom,
         case when b.yes then coalesce(p.pupils, 0)
              when not exists (select 1 from facility x where x.category = any(target_categories) and x.capacity is null)
              then f.capacity::double precision else 1.0 end
    from facility f
    cross join by_pupils b
    left join pupils p on p.facility_key = f.key
   where f.category = any(target_categories)
$$;

comment on function va_capacity_supply(text[]) is
  'Per facility of the target categories: its 2SFCA supply amount (pupils enrolled for school targets once the state''s directory is imported; else places where every facility of the target has a capacity, else 1).';

-- Example: select sum(amount) from va_capacity_supply(array['grundschule']);
