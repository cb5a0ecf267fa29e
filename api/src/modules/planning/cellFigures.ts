// The figures of a scenario, computed from the grid cells in one pass: area coverage (the same
// rules as the coverage queries' SQL), children gaining and losing reach, equity measures, and the
// greedy maximal-coverage choice of sites. Pure functions, so that each can be checked by hand.

/** One grid piece with children: distance to the nearest facility (as reported: domain/distance.ts; null = none), whether it was measured on the walking network, and 2SFCA supply. */
export type Cell = { id: number; ubz: number; children: number; distance: number | null; supply: number; onNetwork?: boolean };

export type AreaFigures = {
  area_id: number;
  children: number;
  children_within: number;
  median_m: number | null;
  p90_m: number | null;
  supply_per_1000: number | null;
  newly_within: number;
  newly_beyond: number;
  children_on_network: number;
};

const byDistance = (a: Cell, b: Cell) =>
  a.distance === b.distance ? a.id - b.id : a.distance === null ? 1 : b.distance === null ? -1 : a.distance - b.distance;

/** Coverage of one area from its cells: as coverage.areas does it in SQL (median = first distance where half the children are reached). */
export function areaFigures(areaId: number, cells: Cell[], threshold: number, before?: Map<number, Cell>): AreaFigures {
  const sorted = [...cells].sort(byDistance);
  const total = sorted.reduce((s, c) => s + c.children, 0);
  let cumulative = 0;
  let median: number | null = null;
  let p90: number | null = null;
  let within = 0;
  let supply = 0;
  let newlyWithin = 0;
  let newlyBeyond = 0;
  let onNetwork = 0;
  for (const c of sorted) {
    cumulative += c.children;
    if (c.onNetwork) onNetwork += c.children;
    if (median === null && cumulative >= 0.5 * total) median = c.distance;
    if (p90 === null && cumulative >= 0.9 * total) p90 = c.distance;
    const inReach = c.distance !== null && c.distance <= threshold;
    if (inReach) within += c.children;
    supply += c.children * c.supply;
    const old = before?.get(c.id);
    if (old) {
      const wasInReach = old.distance !== null && old.distance <= threshold;
      if (inReach && !wasInReach) newlyWithin += c.children;
      if (!inReach && wasInReach) newlyBeyond += c.children;
    }
  }
  return {
    area_id: areaId,
    children: total,
    children_within: within,
    median_m: median,
    p90_m: p90,
    supply_per_1000: total > 0 ? supply / total : null,
    newly_within: newlyWithin,
    newly_beyond: newlyBeyond,
    children_on_network: onNetwork,
  };
}

/** Cells grouped by area, given which sub-districts (UBZ) each area consists of. */
export function cellsByArea(cells: Cell[], membership: { area_id: number; ubz_id: number }[]): Map<number, Cell[]> {
  const areasOfUbz = new Map<number, number[]>();
  for (const m of membership) areasOfUbz.set(m.ubz_id, [...(areasOfUbz.get(m.ubz_id) ?? []), m.area_id]);
  const result = new Map<number, Cell[]>();
  for (const m of membership) if (!result.has(m.area_id)) result.set(m.area_id, []);
  for (const c of cells) for (const a of areasOfUbz.get(c.ubz) ?? []) result.get(a)!.push(c);
  return result;
}

/** Weighted Gini coefficient (0 = everyone the same, 1 = one has all); null without weight or when the mean is 0. */
export function weightedGini(values: { value: number; weight: number }[]): number | null {
  const items = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const weight = items.reduce((s, v) => s + v.weight, 0);
  const total = items.reduce((s, v) => s + v.weight * v.value, 0);
  if (weight === 0 || total === 0) return null;
  // Area under the Lorenz curve by trapezoids: G = 1 - sum w_i (L_{i-1} + L_i).
  let lorenz = 0;
  let area = 0;
  for (const v of items) {
    const next = lorenz + (v.weight * v.value) / total;
    area += (v.weight / weight) * (lorenz + next);
    lorenz = next;
  }
  return 1 - area;
}

/**
 * Palma-style ratio: the mean value of the best-served tenth of the weight over that of the
 * worst-served four tenths, areas sorted by value and split where the tenths fall. Null when the
 * worst-served mean is 0 (the ratio is then unbounded).
 */
export function palmaRatio(values: { value: number; weight: number }[]): number | null {
  const items = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const weight = items.reduce((s, v) => s + v.weight, 0);
  if (weight === 0) return null;
  const meanOfSlice = (from: number, to: number) => {
    let start = 0;
    let sum = 0;
    for (const v of items) {
      const end = start + v.weight;
      const overlap = Math.max(0, Math.min(end, to) - Math.max(start, from));
      sum += overlap * v.value;
      start = end;
    }
    return sum / (to - from);
  };
  const bottom = meanOfSlice(0, 0.4 * weight);
  const top = meanOfSlice(0.9 * weight, weight);
  return bottom === 0 ? null : top / bottom;
}

/**
 * Concentration index of a value by a ranking of need: 2 cov(value, rank) / mean, with the
 * weighted fractional rank running from the highest need (rank near 0) to the lowest. Negative:
 * the value is concentrated among those in greatest need; positive: among the better-off.
 */
export function concentrationIndex(values: { value: number; weight: number; need: number }[]): number | null {
  const items = values.filter((v) => v.weight > 0).sort((a, b) => b.need - a.need);
  const weight = items.reduce((s, v) => s + v.weight, 0);
  if (weight === 0) return null;
  const mean = items.reduce((s, v) => s + v.weight * v.value, 0) / weight;
  if (mean === 0) return null;
  // Ties in need share one rank (the mid-point of their group).
  let covariance = 0;
  let before = 0;
  for (let i = 0; i < items.length; ) {
    let j = i;
    let groupWeight = 0;
    while (j < items.length && items[j].need === items[i].need) groupWeight += items[j++].weight;
    const rank = (before + groupWeight / 2) / weight;
    for (let k = i; k < j; k++) covariance += (items[k].weight / weight) * (items[k].value - mean) * (rank - 0.5);
    before += groupWeight;
    i = j;
  }
  return (2 * covariance) / mean;
}

export type SitePick = { candidate: number; gain: number; weightedGain: number; covered: number[] };

/**
 * Greedy maximal coverage: k times, the candidate whose reach holds the most (weighted) demand not
 * yet covered by the earlier picks; ties go to the smaller candidate id. Stops early when no
 * candidate gains anything.
 */
export function greedyMaximalCoverage(
  reach: Map<number, number[]>,
  demand: Map<number, { children: number; weight: number }>,
  k: number,
): SitePick[] {
  const covered = new Set<number>();
  const picks: SitePick[] = [];
  const candidates = [...reach.keys()].sort((a, b) => a - b);
  for (let round = 0; round < k; round++) {
    let best: SitePick | null = null;
    for (const candidate of candidates) {
      let weighted = 0;
      for (const d of reach.get(candidate)!) if (!covered.has(d)) weighted += demand.get(d)!.children * demand.get(d)!.weight;
      if (weighted > 0 && (best === null || weighted > best.weightedGain + 1e-9)) best = { candidate, gain: 0, weightedGain: weighted, covered: [] };
    }
    if (!best) break;
    for (const d of reach.get(best.candidate)!) {
      if (covered.has(d)) continue;
      covered.add(d);
      best.covered.push(d);
      best.gain += demand.get(d)!.children;
    }
    picks.push(best);
  }
  return picks;
}
