// Need x provision: child poverty set against the share of children beyond reach. Plain percent
// ranks, so that every input stays visible beside the result.
import { text } from '../../../../domain/text.ts';

export type NeedInput = { areaId: number; poverty2018: number | null; poverty2024: number | null; shareWithin: number | null; supply: number | null };

export const RANKING_METHOD = text(
  'needPercentile: Perzentilrang der Kinderarmut 2024 unter den Gebieten der Ebene; gapPercentile: Perzentilrang des ' +
    'Anteils der Kinder jenseits der Schwelle; priorityScore: deren Mittel. highNeedPoorProvision: Kinderarmut 2024 über ' +
    'dem Wert der Stadt und Anteil in Reichweite unter dem Wert der Stadt. Die Kinderarmut von Gebieten größer als ein ' +
    'Unterbezirk ist das ungewichtete Mittel ihrer Unterbezirke (eine Schätzung).',
  'needPercentile: percent rank of child poverty 2024 among the areas of the level; gapPercentile: percent rank of the ' +
    'share of children beyond the threshold; priorityScore: their mean. highNeedPoorProvision: child poverty 2024 above ' +
    'the city value and share within reach below the city value. Child poverty of areas larger than a sub-district is ' +
    'the unweighted mean of their sub-districts (an estimate).',
);

/** Percent rank (0 = lowest, 1 = highest) of each value; ties share the lower rank; nulls rank 0. */
export function percentRanks(values: (number | null)[]): number[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return values.map((v) => (v === null || present.length < 2 ? 0 : present.indexOf(v) / (present.length - 1)));
}

export function rankNeedProvision(rows: NeedInput[], city: { poverty2024: number | null; shareWithin: number | null }) {
  const need = percentRanks(rows.map((r) => r.poverty2024));
  const gap = percentRanks(rows.map((r) => (r.shareWithin === null ? null : 1 - r.shareWithin)));
  return rows
    .map((r, i) => ({
      ...r,
      change: r.poverty2018 !== null && r.poverty2024 !== null ? Math.round((r.poverty2024 - r.poverty2018) * 10) / 10 : null,
      needPercentile: need[i],
      gapPercentile: gap[i],
      priorityScore: (need[i] + gap[i]) / 2,
      highNeedPoorProvision:
        r.poverty2024 !== null && city.poverty2024 !== null && r.shareWithin !== null && city.shareWithin !== null &&
        r.poverty2024 > city.poverty2024 && r.shareWithin < city.shareWithin,
    }))
    .sort((a, b) => b.priorityScore - a.priorityScore || a.areaId - b.areaId);
}
