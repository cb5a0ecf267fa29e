import type { Db } from '../../../../db/connect.ts';


export type CategoryRow = {
  key: string;
  label_de: string;
  label_en: string;
  field_of_action: string;
  age_min: number | null;
  age_max: number | null;
  description: string;
  facility_count: number;
};

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  const result = await db.raw(
    /* taxonomy.categories */ `
    select c.key, c.label_de, c.label_en, c.field_of_action, c.age_min, c.age_max, c.description,
           (select count(*)::int from facility f where f.category = c.key) as facility_count
      from facility_category c order by c.sort_order`,
  );
  return result.rows;
}
