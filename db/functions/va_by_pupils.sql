-- Whether the 2SFCA supply of a target counts pupils: every category of the target is sized by
-- pupils (facility_category.sized_by, the school categories) and the state's school directory is
-- imported. The one rule va_capacity_supply, the coverage method and scenarios read.
create or replace function va_by_pupils(target_categories text[])
returns boolean
language sql
stable parallel safe
as $$
  select exists (select 1 from school)
     and not exists (select 1 from facility_category c where c.key = any(target_categories) and c.sized_by <> 'pupils')
$$;

comment on function va_by_pupils(text[]) is
  'True when the 2SFCA supply of the target categories counts pupils (school categories, the state''s directory imported).';

-- Example: select va_by_pupils(array['grundschule']);
