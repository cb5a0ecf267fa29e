import { describe, expect, it } from 'vitest';
import { RateLimiter, REPORT_LIMIT } from './editService.ts';

const limiter = () => new RateLimiter(REPORT_LIMIT.perClient, REPORT_LIMIT.perNetwork, REPORT_LIMIT.overall, REPORT_LIMIT.windowMinutes * 60_000);

describe('the limit of anonymous reports', () => {
  it('allows 5 an hour per address', () => {
    const reports = limiter();
    const taken = Array.from({ length: 7 }, (_, i) => reports.take('a', 'net-a', i));
    expect(taken).toEqual([true, true, true, true, true, false, false]);
    expect(reports.take('a', 'net-a', REPORT_LIMIT.windowMinutes * 60_000 + 10)).toBe(true);
  });

  it('allows 20 an hour per network, however many of its addresses send', () => {
    const reports = limiter();
    const taken = Array.from({ length: 30 }, (_, i) => reports.take(`addr-${i}`, 'net-x', i)).filter(Boolean);
    expect(taken).toHaveLength(20);
  });

  it('is not used up for everyone by 40 addresses in other networks', () => {
    const reports = limiter();
    for (let client = 0; client < 40; client++) for (let i = 0; i < 5; i++) reports.take(`c${client}`, `n${client}`, client * 10 + i);
    expect(reports.take('newcomer', 'another-net', 1000)).toBe(true);
  });
});
