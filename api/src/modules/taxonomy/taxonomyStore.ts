// The taxonomy itself is reference data in memory (domain/taxonomy.ts, the same list the import
// writes to facility_category); only the counts of facilities come from the database.
import type { Db } from '../../../../db/connect.ts';
import { categories, type Category } from '../../../../domain/taxonomy.ts';

const byKey = new Map(categories.map((c) => [c.key, c]));

/** The category of a key, or undefined. */
export const categoryOf = (key: string): Category | undefined => byKey.get(key);

export const categoryKeys = categories.map((c) => c.key);

/** Facilities per category key (categories without facilities are absent). */
export async function facilityCountsByCategory(db: Db): Promise<Map<string, number>> {
  const result = await db.raw(/* taxonomy.facilityCounts */ 'select category, count(*)::int as n from facility group by category');
  return new Map(result.rows.map((r: { category: string; n: number }) => [r.category, r.n]));
}

/** What the Category resolvers receive: the domain's category. */
export type CategoryModel = Category;
