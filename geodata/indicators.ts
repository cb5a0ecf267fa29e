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
