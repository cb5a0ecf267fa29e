import { describe, expect, it } from 'vitest';
import { comparability, indicatorDefinitions, releasesOf } from './indicators.ts';

describe('indicator releases', () => {
  it('gives every indicator a definition per release', () => {
    for (const d of indicatorDefinitions) {
      expect(releasesOf(d.key).map((r) => [r.year, r.release])).toEqual([
        [2018, 'Statistikatlas 2019 (data year 2018)'],
        [2024, 'Statistikatlas 2024'],
      ]);
    }
  });

  it('marks the releases that measure different things, "Arbeitslose unter 25" first, and says why in both languages', () => {
    const differing = indicatorDefinitions.map((d) => d.key).filter((key) => !comparability(key).comparable);
    expect(differing.sort()).toEqual(['building_density_pct', 'new_flats_1999_2016_pct', 'saldo_births_deaths_pct', 'single_households_over_65_pct', 'unemployed_under_25_pct']);
    const u25 = comparability('unemployed_under_25_pct');
    expect(u25.why?.de).toMatch(/verschiedene Bevölkerungen/);
    expect(u25.why?.en).toMatch(/different populations/);
    const [r2018, r2024] = releasesOf('unemployed_under_25_pct');
    expect(r2018.denominator).not.toBe(r2024.denominator);
    expect(comparability('children_under_15_SGB_II_pct')).toEqual({ comparable: true, why: null });
  });
});
