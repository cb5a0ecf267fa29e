// The cells of a coverage target before and after a scenario's changes: the baseline from the
// coverage cache, anew (SQL) only the cells whose nearest facility or 2SFCA supply the changes alter.
import { text } from '../../../../domain/text.ts';
import type { Context } from '../../context.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import type { Cell } from './cellFigures.ts';
import * as store from './planningStore.ts';
import type { CheckedChange } from './scenarioChanges.ts';
import { reportedDistance, searchRadius, straightLine } from '../../../../domain/distance.ts';
import { scenarioReach } from '../../../../geodata/import/refreshReach.ts';
import { loadGraph } from '../../../../geodata/network/networkStore.ts';
import { networkSupplyChanges } from '../../../../geodata/network/networkSupply.ts';

const ASSUMED_CAPACITY = (category: string, places: number) =>
  text(
    `Eine geplante Einrichtung (${category}) ohne Angabe der Plätze zählt mit dem Median der Kategorie: ${places} Plätze (Annahme).`,
    `A planned facility (${category}) without places counts with the category's median: ${places} places (an assumption).`,
  );
const ASSUMED_PUPILS = (category: string, pupils: number) =>
  text(
    `Eine geplante Schule (${category}) ohne Angabe zählt mit dem Median der Schülerzahlen der Kategorie: ${pupils} Schülerinnen und Schüler (Annahme).`,
    `A planned school (${category}) without a number counts with the category's median of pupils: ${pupils} pupils (an assumption).`,
  );
const COUNTED_PER_FACILITY = text(
  'Das Angebot wird je Einrichtung gezählt (nicht jede Einrichtung der Kategorie hat Platzzahlen): Kapazitätsänderungen wirken nicht.',
  'Supply is counted per facility (not every facility of the target has places): capacity changes have no effect.',
);

export type ScenarioCells = {
  before: Cell[];
  after: Cell[];
  /** Facilities inside each sub-district after the changes, as a change against before. */
  facilityDelta: Map<number, number>;
  applied: number;
  otherCategories: number;
  assumptions: string[];
};

/** The cells of a target before and after the changes. */
export async function scenarioCells(ctx: Context, params: { categories: string[]; threshold: number; detour: number }, key: string, changes: CheckedChange[]): Promise<ScenarioCells> {
  const relevant = changes.filter((c) => params.categories.includes(c.category!));
  // What the 2SFCA counts (va_capacity_supply): pupils for school targets, places, or facilities.
  const pupils = await store.pupilsOfTarget(ctx.db, params.categories);
  const countMode = !pupils && (await store.countsFacilities(ctx.db, params.categories));
  const assumptions: string[] = countMode && relevant.some((c) => c.kind === 'capacity') ? [COUNTED_PER_FACILITY[ctx.lang]] : [];
  const removedIds: number[] = [];
  const added: { x: number; y: number }[] = [];
  const supplyItems: { x: number; y: number; amount: number }[] = [];
  const facilityDelta = new Map<number, number>();
  const bump = (ubz: number | null, by: number) => ubz !== null && facilityDelta.set(ubz, (facilityDelta.get(ubz) ?? 0) + by);
  const amountOf = (capacity: number | null) => (countMode ? 1 : (capacity ?? 0));
  // An existing facility's amount: its pupils for a school target (the changed capacity stands for pupils there).
  const amountOfFacility = (f: { id: number; capacity: number | null }) => (pupils ? (pupils.get(f.id) ?? 0) : amountOf(f.capacity));
  for (const c of relevant) {
    const f = c.facility;
    if (c.kind === 'add') {
      let places = c.capacity;
      if (!countMode && places == null) {
        const label = categoryOf(c.category!)![ctx.lang === 'de' ? 'labelDe' : 'labelEn'];
        places = (await (pupils ? store.medianPupils(ctx.db, c.category!) : store.medianCapacity(ctx.db, c.category!))) ?? 0;
        assumptions.push((pupils ? ASSUMED_PUPILS : ASSUMED_CAPACITY)(label, places)[ctx.lang]);
      }
      added.push({ x: c.point!.x, y: c.point!.y });
      supplyItems.push({ x: c.point!.x, y: c.point!.y, amount: amountOf(places) });
      bump(c.point!.ubz_id, 1);
    } else if (c.kind === 'close' || c.kind === 'move') {
      removedIds.push(f!.id);
      supplyItems.push({ x: f!.x, y: f!.y, amount: -amountOfFacility(f!) });
      bump(f!.ubz_id, -1);
      if (c.kind === 'move') {
        added.push({ x: c.point!.x, y: c.point!.y });
        supplyItems.push({ x: c.point!.x, y: c.point!.y, amount: amountOfFacility(f!) });
        bump(c.point!.ubz_id, 1);
      }
    } else if (!countMode) {
      supplyItems.push({ x: f!.x, y: f!.y, amount: c.capacity! - (pupils ? amountOfFacility(f!) : (f!.capacity ?? 0)) });
    }
  }
  const model = straightLine(params.detour);
  const radius = searchRadius(params.threshold, model);
  const moved = removedIds.length > 0 || added.length > 0;
  const graph = await loadGraph(ctx.db);
  const changedSupply = supplyItems.filter((s) => s.amount !== 0);
  const [baseline, distances, walks, supply] = await Promise.all([
    store.baselineCells(ctx.db, key),
    moved && !graph
      ? store.distanceChanges(ctx.db, { key, categories: params.categories, detour: params.detour, removedIds, added })
      : Promise.resolve([]),
    // On the walking network a change reaches as far as the walks it shortens or lengthens: every
    // piece is measured anew in memory (one search per category), and the changed ones count.
    graph && moved ? scenarioReach(ctx.db, graph, params.categories, { removedIds, added }, params.detour) : Promise.resolve(null),
    // The 2SFCA's catchments: walks on the network, else straight lines.
    graph
      ? networkSupplyChanges(ctx.db, graph, { key, threshold: params.threshold, detour: params.detour, items: changedSupply })
      : store.supplyChanges(ctx.db, { key, radius, items: changedSupply }),
  ]);
  const before: Cell[] = baseline.map((r) => ({ id: r.cell_id, ubz: r.ubz_id, children: r.children, distance: r.distance_m, supply: r.supply_per_1000, onNetwork: r.on_network }));
  const distanceOf = new Map(distances.map((d) => [d.cell_id, d]));
  const supplyOf = new Map(supply.map((s) => [s.cell_id, s.delta]));
  const after = before.map((c) => {
    const d = distanceOf.get(c.id);
    const s = supplyOf.get(c.id);
    const w = walks?.get(c.id);
    if (!d && s === undefined && !w) return c;
    let distance = c.distance;
    let onNetwork = c.onNetwork;
    if (w) {
      distance = w.metres;
      onNetwork = w.onNetwork;
    }
    if (d) {
      if (d.lost) distance = reportedDistance(d.base_m, model);
      const toAdded = reportedDistance(d.added_m, model);
      if (toAdded !== null && (distance === null || toAdded < distance)) distance = toAdded;
    }
    // Rounding of the signed sums must not leave a cell with a tiny negative supply.
    return { ...c, distance, onNetwork, supply: s === undefined ? c.supply : Math.max(0, c.supply + s) };
  });
  return { before, after, facilityDelta, applied: relevant.length, otherCategories: changes.length - relevant.length, assumptions };
}

