-- Children per grid cell of one age band, the distance to the nearest facility of the target
-- categories, and a two-step floating catchment (2SFCA) supply measure per cell.
drop function if exists va_cell_coverage(text[], text, double precision, double precision);
-- The age band's parameter was called target_band before: a renamed parameter needs the function dropped.
drop function if exists va_cell_coverage(text[], text, double precision, double precision, text);
-- with_supply was added: the signature changed.
drop function if exists va_cell_coverage(text[], text, double precision, double precision, text, boolean);

create or replace function va_cell_coverage(
  target_categories text[],
  age_band text,
  threshold_m double precision,
  detour double precision default 1.0,
  distribution text default 'census',
  with_supply boolean default true
)
returns table (cell_id integer, ubz_id integer, children double precision, distance_m double precision, supply_per_1000 double precision, on_network boolean)
language sql
stable parallel safe
as $$
  -- Pieces without children add nothing to any figure (sums, percentiles, 2SFCA): left out.
  with cell as (
    select k.cell_id as id, k.ubz_id, k.children from va_cell_children(va_cell_coverage.age_band, distribution) k where k.children > 0
  ), nearest as (
    -- The distance model (domain/distance.ts chooseDistance): the walk on the network to the
    -- nearest facility attached to it, unless a facility off the network is nearer by straight
    -- line x detour; a piece off the network (or with no facility reachable on it): straight line
    -- x detour. Over several categories the nearest wins (a walk on a tie).
    select x.cell_id, min(x.d) as distance_m, min(x.d) filter (where x.walked) as walked_m
      from (
        select r.cell_id, coalesce(least(r.network_m, r.offnet_m * detour), r.distance_m * detour) as d,
               r.network_m is not null and (r.offnet_m is null or r.network_m <= r.offnet_m * detour) as walked
          from cell_reach r where r.category = any(target_categories)
      ) x
     group by x.cell_id
  ), supply as (
    select s.id, s.geom, s.amount from va_capacity_supply(target_categories) s
  ), pair as (
    -- Catchments measured straight (x detour). With a walking network the coverage cache replaces
    -- this supply by the one on the network (geodata/network/networkSupply.ts).
    -- with_supply false: the caller measures the supply itself (0 here).
    select g.id as cell_id, s.id as facility_id, c.children, s.amount
      from supply s
      join grid_cell g on ST_DWithin(g.point, s.geom, threshold_m / detour)
      join cell c on c.id = g.id
     where with_supply
  ), ratio as (
    select p.facility_id, max(p.amount) / sum(p.children) as per_child
      from pair p group by p.facility_id having sum(p.children) > 0
  ), access as (
    select p.cell_id, sum(r.per_child) * 1000 as supply_per_1000
      from pair p join ratio r on r.facility_id = p.facility_id group by p.cell_id
  )
  select c.id, c.ubz_id, c.children, n.distance_m, coalesce(a.supply_per_1000, 0), coalesce(n.walked_m <= n.distance_m, false)
    from cell c
    left join nearest n on n.cell_id = c.id
    left join access a on a.cell_id = c.id
$$;

comment on function va_cell_coverage(text[], text, double precision, double precision, text, boolean) is
  'Per grid cell with children: children of the band (0-5, 6-17 or 0-17; see va_cell_children for the distribution census or even), distance to the nearest target facility (on the walking network where the piece and a facility are attached to it, else the straight line times the detour factor; null = none), 2SFCA supply per 1,000 children within threshold_m (straight line over the detour factor; with a walking network the coverage cache measures the catchments on it), and whether the distance was measured on the network. with_supply false leaves the supply at 0 (the caller measures it).';

-- Example: select sum(children) filter (where distance_m <= 500) / sum(children) from va_cell_coverage(array['kita'], '0-5', 500, 1.0, 'census');
