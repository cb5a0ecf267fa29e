import { describe, expect, it } from 'vitest';
import { chooseDistance, onNetwork, reportedDistance, searchRadius, straightLine, WALKING, walkingMinutes } from './distance.ts';

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

  it('on the network: the walk, unless a facility off the network is nearer by straight line x detour; else straight x detour', () => {
    expect(chooseDistance({ straight: 100, network: 900, offnet: null }, 1.3)).toEqual({ metres: 900, onNetwork: true });
    expect(chooseDistance({ straight: 100, network: 900, offnet: 600 }, 1.3)).toEqual({ metres: 780, onNetwork: false });
    expect(chooseDistance({ straight: 100, network: 700, offnet: 600 }, 1.3)).toEqual({ metres: 700, onNetwork: true });
    expect(chooseDistance({ straight: 100, network: null, offnet: null }, 1.3)).toEqual({ metres: 130, onNetwork: false });
    expect(chooseDistance({ straight: 100, network: null, offnet: 300 }, 1)).toEqual({ metres: 300, onNetwork: false });
    // A walk is never shorter than the line: the straight search radius is the threshold itself.
    expect(searchRadius(500, onNetwork(1.3))).toBe(500);
    expect(searchRadius(500, onNetwork(1))).toBe(500);
  });

  it('gives walking minutes of a walk on the network without a detour, at the pace configured', () => {
    expect(walkingMinutes(750, 'NETWORK')).toBe(10);
    expect(walkingMinutes(750, 'NETWORK', 50)).toBe(15); // 3 km/h, a small child's pace
    expect(walkingMinutes(750, 'STRAIGHT', 50)).toBe(20); // 975 m on foot
  });
});
