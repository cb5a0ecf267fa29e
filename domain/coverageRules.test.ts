// The documented default thresholds: per target and age band, with a fallback for other bands.
import { describe, expect, it } from 'vitest';
import { defaultCoverageSets, defaultThreshold, thresholds } from './coverageRules.ts';
import { targetCategories } from './taxonomy.ts';

describe('default thresholds', () => {
  it.each([
    ['spielplatz', '0-5', 200],
    ['spielplatz', '6-17', 400],
    ['kita', '0-5', 500],
    ['grundschule', '6-17', 2000],
    ['weiterfuehrende_schule', '6-17', 3500],
    ['betreuung', '0-5', 500],
  ] as const)('%s for %s is %i m', (target, band, metres) => {
    expect(defaultThreshold(target, band)?.metres).toBe(metres);
  });

  it('falls back to the target\'s first threshold for another band, and to none for an unknown target', () => {
    expect(defaultThreshold('kita', '6-17')?.metres).toBe(500);
    expect(defaultThreshold('unknown', '0-5')).toBeNull();
  });

  it('names a source for every threshold and precomputes every one, census-located', () => {
    expect(thresholds.every((t) => t.source.de.length > 20 && t.source.en.length > 20)).toBe(true);
    const sets = defaultCoverageSets(targetCategories);
    expect(sets).toHaveLength(thresholds.length);
    expect(sets.every((s) => s.categories.length > 0 && s.distribution === 'census' && s.detour === 1)).toBe(true);
    expect(sets.find((s) => s.target === 'betreuung')?.categories).toEqual(['kita', 'kinderbetreuung_kurzzeit']);
  });
});
