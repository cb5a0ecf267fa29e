// Equity of provision for a target, with or without a scenario's changes: Gini of supply and of
// distance, a Palma-style ratio, the concentration index by child poverty and the Aktionsräume
// against the rest.

import { CHILD_POVERTY_INDICATOR } from '../../../../domain/methodTexts.ts';
import { text } from '../../../../domain/text.ts';
import type { Context } from '../../context.ts';
import * as areaStore from '../areas/areaStore.ts';
import { concentrationIndex, palmaRatio, weightedGini, type AreaFigures, type Cell } from './cellFigures.ts';

const EQUITY_METHOD = text(
  'Gini: über alle Kinder (Rasterzellen, nach Kindern gewichtet) für das 2SFCA-Angebot und für die Entfernung (Kinder ohne jede Einrichtung bleiben dort außen vor). ' +
    'Palma-Verhältnis: Unterbezirke nach Angebot je 1.000 Kinder geordnet; mittleres Angebot des am besten versorgten Zehntels der Kinder geteilt durch das der am schlechtesten versorgten vier Zehntel (Unterbezirke an der Grenze anteilig). ' +
    'Konzentrationsindex: Angebot je Unterbezirk nach Kinderarmut 2024 geordnet (höchste zuerst): negativ = das Angebot liegt eher bei den Kindern mit hoher Armut. ' +
    'Aktionsräume gegen die übrige Stadt: Anteil in Reichweite und mittleres Angebot; Differenz in Prozentpunkten.',
  'Gini: over all children (grid pieces weighted by children), for the 2SFCA supply and for the distance (children without any facility left out there). ' +
    'Palma ratio: sub-districts ordered by supply per 1,000 children; mean supply of the best-served tenth of children over that of the worst-served four tenths (sub-districts on the border counted in part). ' +
    'Concentration index: supply per sub-district ranked by child poverty 2024 (highest first): negative = supply sits rather with the children of high poverty. ' +
    'Aktionsräume against the rest of the city: share within reach and mean supply; difference in percentage points.',
);
export const equityMethod = (ctx: Context) => EQUITY_METHOD[ctx.lang];

export type EquityFigures = {
  giniSupply: number | null;
  giniDistance: number | null;
  palmaRatio: number | null;
  concentrationIndex: number | null;
  shareWithinAktionsraeume: number | null;
  shareWithinRest: number | null;
  shareGapPoints: number | null;
  supplyAktionsraeume: number | null;
  supplyRest: number | null;
};

export const round = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function equityOf(cells: Cell[], threshold: number, ubzFigures: AreaFigures[], aktionsraumUbz: Set<number>, poverty: Map<number, number>): EquityFigures {
  const group = (inside: boolean) => {
    let children = 0;
    let within = 0;
    let supply = 0;
    for (const c of cells) {
      if (aktionsraumUbz.has(c.ubz) !== inside) continue;
      children += c.children;
      if (c.distance !== null && c.distance <= threshold) within += c.children;
      supply += c.children * c.supply;
    }
    return children > 0 ? { share: within / children, supply: supply / children } : null;
  };
  const ar = group(true);
  const rest = group(false);
  const withChildren = ubzFigures.filter((u) => u.children > 0 && u.supply_per_1000 !== null);
  return {
    giniSupply: round(weightedGini(cells.map((c) => ({ value: c.supply, weight: c.children })))),
    giniDistance: round(weightedGini(cells.filter((c) => c.distance !== null).map((c) => ({ value: c.distance!, weight: c.children })))),
    palmaRatio: round(palmaRatio(withChildren.map((u) => ({ value: u.supply_per_1000!, weight: u.children }))), 3),
    concentrationIndex: round(
      concentrationIndex(
        withChildren.filter((u) => poverty.has(u.area_id)).map((u) => ({ value: u.supply_per_1000!, weight: u.children, need: poverty.get(u.area_id)! })),
      ),
    ),
    shareWithinAktionsraeume: round(ar?.share ?? null),
    shareWithinRest: round(rest?.share ?? null),
    shareGapPoints: ar && rest ? round((ar.share - rest.share) * 100, 2) : null,
    supplyAktionsraeume: round(ar?.supply ?? null, 3),
    supplyRest: round(rest?.supply ?? null, 3),
  };
}

/** Child poverty 2024 (percent) of the given areas. */
export async function povertyOf(ctx: Context, ids: number[]): Promise<Map<number, number>> {
  const values = await areaStore.indicatorValues(ctx.db, ids);
  return new Map(values.filter((v) => v.indicator_key === CHILD_POVERTY_INDICATOR && v.year === 2024).map((v) => [v.area_id, Math.round(v.value * 10) / 10]));
}

export async function povertyBoth(ctx: Context, ids: number[]) {
  const values = await areaStore.indicatorValues(ctx.db, ids);
  const get = (year: number) =>
    new Map(values.filter((v) => v.indicator_key === CHILD_POVERTY_INDICATOR && v.year === year).map((v) => [v.area_id, Math.round(v.value * 10) / 10]));
  return { y2018: get(2018), y2024: get(2024) };
}

