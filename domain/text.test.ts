import { describe, expect, it } from 'vitest';
import { germanDate } from './text.ts';

describe('German dates in the API\'s texts', () => {
  it('write day and month with two digits, also on the first nine days of a month', () => {
    expect(germanDate('2011-05-09')).toBe('09.05.2011');
    expect(germanDate('2026-12-02')).toBe('02.12.2026');
    expect(germanDate('2024-12-31')).toBe('31.12.2024');
  });
});
