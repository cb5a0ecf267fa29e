// Definitions of the social indicators in the Statistikatlas files (one value per UBZ and year).
// The field names are the transcription's; the unit follows the field's suffix.

export type IndicatorDefinition = {
  key: string;
  labelDe: string;
  labelEn: string;
  unit: 'percent' | 'per_1000' | 'years' | 'per_ha' | 'sqm_per_inhabitant';
  description: string;
};

const d = (key: string, labelDe: string, labelEn: string, unit: IndicatorDefinition['unit'], description: string) => ({
  key,
  labelDe,
  labelEn,
  unit,
  description,
});

export const indicatorDefinitions: IndicatorDefinition[] = [
  d('children_under_15_SGB_II_pct', 'Kinderarmut (unter 15-Jährige mit SGB-II-Leistungen)', 'Child poverty (under-15s on SGB II benefits)', 'percent', 'Share of children under 15 living in households receiving basic income support (SGB II)'),
  d('transfer_payment_pct', 'Transferleistungsbezug', 'Transfer payments', 'percent', 'Share of inhabitants receiving transfer payments (SGB II, SGB XII and similar)'),
  d('unemployed_pct', 'Arbeitslose', 'Unemployed', 'percent', 'Unemployed as a share of the working-age population'),
  d('unemployed_under_25_pct', 'Arbeitslose unter 25', 'Unemployed under 25', 'percent', 'Unemployed under 25 as a share of that age group'),
  d('share_0_6_pct', 'Anteil unter 6-Jährige', 'Share aged 0-5', 'percent', 'Share of inhabitants aged 0 to under 6'),
  d('share_6_18_pct', 'Anteil 6- bis unter 18-Jährige', 'Share aged 6-17', 'percent', 'Share of inhabitants aged 6 to under 18'),
  d('share_18_30_pct', 'Anteil 18- bis unter 30-Jährige', 'Share aged 18-29', 'percent', 'Share of inhabitants aged 18 to under 30'),
  d('share_65_80_pct', 'Anteil 65- bis unter 80-Jährige', 'Share aged 65-79', 'percent', 'Share of inhabitants aged 65 to under 80'),
  d('share_80plus_pct', 'Anteil 80 Jahre und älter', 'Share aged 80+', 'percent', 'Share of inhabitants aged 80 and over'),
  d('households_with_children_pct', 'Haushalte mit Kindern', 'Households with children', 'percent', 'Share of households with children'),
  d('single_households_over_65_pct', 'Einpersonenhaushalte 65+', 'Single households 65+', 'percent', 'Share of single-person households of people aged 65 and over (as published)'),
  d('over_65_SGB_XII_pct', 'Altersarmut (65+ mit SGB-XII-Leistungen)', 'Old-age poverty (65+ on SGB XII)', 'percent', 'Share of people aged 65 and over receiving basic income support in old age (SGB XII)'),
  d('secondary_school_recommendation_pct', 'Schulempfehlung (laut Quelle)', 'Secondary school recommendation (as published)', 'percent', 'Share of school recommendations as transcribed; the source does not say for which school type'),
  d('average_age_years', 'Durchschnittsalter', 'Average age', 'years', 'Average age of the inhabitants'),
  d('female_population_pct', 'Frauenanteil', 'Female share', 'percent', 'Share of women among the inhabitants'),
  d('births_per_1000_abs', 'Geburten je 1.000 Einwohner', 'Births per 1,000 inhabitants', 'per_1000', 'Live births per 1,000 inhabitants'),
  d('deaths_per_1000_abs', 'Sterbefälle je 1.000 Einwohner', 'Deaths per 1,000 inhabitants', 'per_1000', 'Deaths per 1,000 inhabitants'),
  d('saldo_births_deaths_pct', 'Natürlicher Saldo (laut Quelle)', 'Natural balance (as published)', 'percent', 'Balance of births and deaths, as transcribed'),
  d('building_density_pct', 'Bebauungsdichte', 'Building density', 'percent', 'Built-up share of the area, as published'),
  d('population_density_ha_abs', 'Einwohnerdichte (laut Quelle)', 'Population density (as published)', 'per_ha', 'Inhabitants per hectare as published; not per hectare of total area (density x area gives about three times the real population), so no head counts are derived from it'),
  d('new_flats_1999_2016_pct', 'Neubauwohnungen 1999-2016', 'Flats built 1999-2016', 'percent', 'Share of flats built from 1999 to 2016'),
  d('living_space_per_inhabitant_sq_abs', 'Wohnfläche je Einwohner', 'Living space per inhabitant', 'sqm_per_inhabitant', 'Living space in square metres per inhabitant'),
];

/** One release of an indicator: what it divides by what, as of when, published where. */
export type IndicatorRelease = { year: number; release: string; numerator: string; denominator: string; referenceDate: string | null; source: string };

const RELEASES = { 2018: 'Statistikatlas 2019 (data year 2018)', 2024: 'Statistikatlas 2024' } as const;
const SOURCE = 'Stadt Dortmund, Dortmunder Statistik (transcribed in the SpatialJustice project)';

/**
 * Releases whose definitions differ, found by checking each indicator's city mean (the unweighted
 * mean of the 170 sub-districts) in both releases against what the city's own totals allow. For
 * each: the definition of each release as far as the figures show it, and why the two do not compare.
 */
const DIFFERING: Record<string, { 2018: [string, string]; 2024: [string, string]; why: { de: string; en: string } }> = {
  unemployed_under_25_pct: {
    2018: ['unemployed under 25', 'all inhabitants under 25 (the mean of 2.1 % fits about 3,000 unemployed over all under-25s)'],
    2024: ['unemployed under 25', 'inhabitants aged 15 to 24 (the mean of 5.3 % fits about 3,530 unemployed over the 15-24-year-olds)'],
    why: {
      de: 'Die beiden Ausgaben teilen sehr wahrscheinlich durch verschiedene Bevölkerungen (2018 alle unter 25-Jährigen, 2024 die 15- bis 24-Jährigen): Der Stadtmittelwert springt von 2,1 % auf 5,3 %, während die Arbeitslosigkeit insgesamt nur von 8,3 % auf 9,7 % steigt. Keine Veränderung ablesbar.',
      en: 'The two releases very likely divide by different populations (2018 all under-25s, 2024 the 15-24-year-olds): the city mean jumps from 2.1 % to 5.3 % while unemployment overall moves from 8.3 % to 9.7 %. No change can be read.',
    },
  },
  single_households_over_65_pct: {
    2018: ['single-person households of people 65 and over', 'all households (mean 13.6 %)'],
    2024: ['single-person households of people 65 and over', 'households of people 65 and over, as the mean of 35.8 % suggests'],
    why: {
      de: 'Der Stadtmittelwert steigt von 13,6 % auf 35,8 %: So schnell ändert sich die Haushaltsstruktur nicht; die Ausgabe 2024 bezieht sich sehr wahrscheinlich auf die Haushalte Älterer, 2018 auf alle Haushalte.',
      en: 'The city mean rises from 13.6 % to 35.8 %: households do not change that fast; the 2024 release very likely refers to older people\'s households, 2018 to all households.',
    },
  },
  building_density_pct: {
    2018: ['built-up area', 'area as published (mean 49.7 %)'],
    2024: ['built-up area', 'area as published (mean 36.8 %)'],
    why: {
      de: 'Der Stadtmittelwert fällt von 49,7 % auf 36,8 %: Bebaute Fläche schrumpft nicht um ein Viertel in sechs Jahren; die Ausgaben messen verschieden.',
      en: 'The city mean falls from 49.7 % to 36.8 %: built-up land does not shrink by a quarter in six years; the releases measure differently.',
    },
  },
  new_flats_1999_2016_pct: {
    2018: ['flats built 1999-2016', 'all flats (mean 7.5 %)'],
    2024: ['flats built in the period as published', 'all flats (mean 4.3 %)'],
    why: {
      de: 'Der Anteil der in einem festen Zeitraum gebauten Wohnungen kann bei wachsendem Bestand nur langsam sinken, nicht von 7,5 % auf 4,3 %: Zeitraum oder Bezug der Ausgabe 2024 ist ein anderer.',
      en: 'The share of flats built in a fixed period can only fall slowly as the stock grows, not from 7.5 % to 4.3 %: the 2024 release counts another period or base.',
    },
  },
  saldo_births_deaths_pct: {
    2018: ['births minus deaths', 'as published (values from -96.6 to +230.4)'],
    2024: ['births minus deaths', 'as published (values from -43.7 to +11.1)'],
    why: {
      de: 'Die Werte 2018 reichen von -96,6 bis +230,4, die von 2024 von -43,7 bis +11,1: nicht dieselbe Größe.',
      en: 'The 2018 values range from -96.6 to +230.4, those of 2024 from -43.7 to +11.1: not the same measure.',
    },
  },
};

/** Each release's definition: the indicator's own where the releases agree, else as DIFFERING gives it. */
export function releasesOf(key: string): IndicatorRelease[] {
  const definition = indicatorDefinitions.find((d) => d.key === key);
  if (!definition) return [];
  return ([2018, 2024] as const).map((year) => {
    const differing = DIFFERING[key]?.[year];
    return {
      year,
      release: RELEASES[year],
      numerator: differing?.[0] ?? definition.description,
      denominator: differing?.[1] ?? 'as in the indicator\'s description (the same in both releases)',
      // The transcribed files do not state the reference date of either release.
      referenceDate: null,
      source: SOURCE,
    };
  });
}

/** Do the 2018 and 2024 values of an indicator measure the same thing? If not, why not. */
export function comparability(key: string): { comparable: boolean; why: { de: string; en: string } | null } {
  const differing = DIFFERING[key];
  return differing ? { comparable: false, why: differing.why } : { comparable: true, why: null };
}
