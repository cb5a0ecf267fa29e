// GraphQL enum values and the values stored in the database.
// Area levels live in domain/areaLevels.ts (with their counts, ranks and OGC names).
export { graphqlAreaLevels as areaLevels, levelRank, type AreaLevel } from '../../../../domain/areaLevels.ts';

// Fields of action live in domain/taxonomy.ts (with their labels).
export { graphqlFieldsOfAction as fieldOfActionValues, type FieldOfAction } from '../../../../domain/taxonomy.ts';
