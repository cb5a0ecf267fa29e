import { fieldsOfAction } from '../../../../domain/taxonomy.ts';
import type { Context } from '../../loaders.ts';
import { fieldOfActionValues } from '../common/enums.ts';
import * as taxonomyStore from './taxonomyStore.ts';

type CategoryRow = taxonomyStore.CategoryRow;

export const taxonomyResolvers = {
  FieldOfAction: fieldOfActionValues,
  Query: {
    taxonomy: async (_: unknown, __: unknown, ctx: Context) => ({
      categories: await taxonomyStore.listCategories(ctx.db),
      fieldsOfAction: fieldsOfAction.map((f) => ({ key: f.key, labelDe: f.labelDe, labelEn: f.labelEn })),
    }),
  },
  Category: {
    labelDe: (r: CategoryRow) => r.label_de,
    labelEn: (r: CategoryRow) => r.label_en,
    fieldOfAction: (r: CategoryRow) => r.field_of_action,
    ageMin: (r: CategoryRow) => r.age_min,
    ageMax: (r: CategoryRow) => r.age_max,
    facilityCount: (r: CategoryRow) => r.facility_count,
  },
};
