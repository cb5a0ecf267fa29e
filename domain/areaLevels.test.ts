import { describe, expect, it } from 'vitest';
import { AREA_COUNTS, AREA_LEVELS, areaCountOf, graphqlAreaLevels, levelRank } from './areaLevels.ts';

describe('the area levels', () => {
  it('map each GraphQL name to its stored value, and rank a parent above its children', () => {
    for (const level of AREA_LEVELS) expect(graphqlAreaLevels[level.graphql]).toBe(level.key);
    expect(Object.keys(graphqlAreaLevels)).toHaveLength(AREA_LEVELS.length);
    expect(levelRank.ubz).toBeLessThan(levelRank.statistical_district);
    expect(levelRank.aktionsraum).toBeLessThan(levelRank.sozialraum);
    expect(levelRank.stadtbezirk).toBeLessThan(levelRank.city);
  });

  it('count the areas of a level by stored value or GraphQL name', () => {
    expect(AREA_COUNTS).toEqual({ aktionsraum: 13, sozialraum: 39, stadtbezirk: 12, statistical_district: 62, ubz: 170, city: 1 });
    expect(areaCountOf('AKTIONSRAUM')).toBe(13);
    expect(areaCountOf('sozialraum')).toBe(39);
    expect(areaCountOf('DISTRICT')).toBeNull();
    expect(areaCountOf(7)).toBeNull();
  });
});
