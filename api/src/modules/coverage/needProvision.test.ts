import { describe, expect, it } from 'vitest';
import { percentRanks, rankNeedProvision } from './needProvision.ts';

describe('need x provision', () => {
  it('gives percent ranks from 0 (lowest) to 1 (highest)', () => {
    expect(percentRanks([30, 10, 20, null])).toEqual([1, 0, 0.5, 0]);
  });

  it('puts high need with poor provision first and flags it against the city', () => {
    const ranked = rankNeedProvision(
      [
        { areaId: 1, poverty2018: 20, poverty2024: 25, shareWithin: 0.9, supply: 1 },
        { areaId: 2, poverty2018: 50, poverty2024: 45, shareWithin: 0.4, supply: 1 },
        { areaId: 3, poverty2018: 30, poverty2024: 35, shareWithin: 0.6, supply: 1 },
      ],
      { poverty2024: 30, shareWithin: 0.7 },
    );
    expect(ranked.map((r) => r.areaId)).toEqual([2, 3, 1]);
    expect(ranked[0]).toMatchObject({ needPercentile: 1, gapPercentile: 1, priorityScore: 1, highNeedPoorProvision: true, change: -5 });
    expect(ranked[2].highNeedPoorProvision).toBe(false);
  });
});
