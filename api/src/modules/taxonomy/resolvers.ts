// The taxonomy (categories, fields of action) in the API: from memory, counts from the database.
import { categories, editorMaintainedCategories, fieldsOfAction } from '../../../../domain/taxonomy.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { fieldOfActionValues } from '../common/enums.ts';

export const taxonomyResolvers: Resolvers = {
  FieldOfAction: fieldOfActionValues,
  Query: {
    taxonomy: () => ({ categories, fieldsOfAction: [...fieldsOfAction] }),
  },
  Category: {
    inOpenData: (category) => !editorMaintainedCategories.includes(category.key),
    facilityCount: async (category, _, ctx) => (await ctx.loaders.categoryFacilityCounts.load('all')).get(category.key) ?? 0,
  },
};
