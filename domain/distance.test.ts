import { describe, expect, it } from 'vitest';
import { reportedDistance, searchRadius, straightLine, WALKING, walkingMinutes } from './distance.ts';

describe('the distance model', () => {
  it('reports the straight line times the detour factor, and searches within the threshold over it', () => {
    expect(reportedDistance(400, straightLine())).toBe(400);
    expect(reportedDistance(400, straightLine(1.25))).toBe(500);
    expect(reportedDistance(null, straightLine(1.25))).toBeNull();
    expect(searchRadius(500, straightLine(1.25))).toBe(400);
    // What the search radius admits is exactly what the threshold allows.
    const model = straightLine(1.3);
    expect(reportedDistance(searchRadius(650, model), model)).toBeCloseTo(650, 9);
  });

  it('gives walking minutes at 75 m a minute over the straight line times 1.3, at least one', () => {
    expect(WALKING).toEqual({ metresPerMinute: 75, model: { kind: 'STRAIGHT', detourFactor: 1.3 } });
    expect(walkingMinutes(0)).toBe(1);
    expect(walkingMinutes(577)).toBe(10); // 750.1 m on foot
    expect(walkingMinutes(1000)).toBe(17); // 1,300 m: 17.3 minutes
  });
});
