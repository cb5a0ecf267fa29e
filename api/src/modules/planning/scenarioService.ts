// A scenario's changes checked and applied to one coverage target, without touching the real
// data: the baseline cells come from the coverage cache; only the cells whose nearest facility or
// 2SFCA supply the changes alter are computed anew (SQL), the figures per area, the ranking, the
// equity measures and the site suggestions from the cells (cellFigures.ts).
import { CELL_SIZE_METRES, defaultThreshold, thresholds } from '../../../../domain/coverageRules.ts';
import { CHILD_POVERTY_INDICATOR } from '../../../../domain/methodTexts.ts';
import { text } from '../../../../domain/text.ts';
import { reachCategories } from '../../../../domain/taxonomy.ts';
import type { AgeBand } from '../../../../domain/ageBands.ts';
import type { Context } from '../../context.ts';
import * as areaStore from '../areas/areaStore.ts';
import type { AreaLevel } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkLonLat } from '../common/geometry.ts';
import { checkWholeNumber } from '../common/validate.ts';
import { childCount } from '../coverage/childCount.ts';
import { shapeCoverage } from '../coverage/coverageService.ts';
import { ensureCoverage, type AreaCoverageRow } from '../coverage/coverageStore.ts';
import { resolveCoverage, type CoverageArgs } from '../coverage/coverageTarget.ts';
import { rankNeedProvision } from '../coverage/needProvision.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { checkText } from '../editing/facilityFields.ts';
import { areaFigures, cellsByArea, concentrationIndex, greedyMaximalCoverage, palmaRatio, weightedGini, type AreaFigures, type Cell } from './cellFigures.ts';
import * as store from './planningStore.ts';

export const MAX_CHANGES = 50;

/** The largest site search weighed (site-child pairs, estimated): the whole city for a Kita or a youth centre fits. */
export const MAX_ESTIMATED_PAIRS = 800_000;

export type ChangeKind = 'add' | 'close' | 'move' | 'capacity';

/** A planned change as given (API input or stored), in lower-case kinds. */
export type ChangeInput = {
  kind: ChangeKind;
  facilityKey?: string | null;
  category?: string | null;
  name?: string | null;
  location?: { longitude: number; latitude: number } | null;
  capacity?: number | null;
};

/** A checked change: its facility (existing ones) and its point in EPSG:25832 (new locations). */
export type CheckedChange = store.ChangeValues & { facility: store.PlannedFacility | null; point: store.PlacedPoint | null };

/** Checks every change: known facility in service, category, a location inside the city, capacity; one change per facility. */
export async function checkChanges(ctx: Context, inputs: readonly ChangeInput[]): Promise<CheckedChange[]> {
  if (inputs.length > MAX_CHANGES) throw badUserInput(`a scenario holds at most ${MAX_CHANGES} changes (got ${inputs.length})`);
  const keys = inputs.flatMap((c) => (c.facilityKey ? [c.facilityKey] : []));
  const facilities = new Map((await store.facilitiesForPlanning(ctx.db, keys)).map((f) => [f.key, f]));
  const located = inputs.map((c, i) => (c.location ? { ...checkLonLat(c.location, `changes[${i}].location`) } : null));
  const placed = await store.placePoints(ctx.db, located.filter((l) => l !== null));
  const seen = new Set<string>();
  let next = 0;
  return inputs.map((c, i) => {
    const where = `changes[${i}] (${c.kind.toUpperCase()})`;
    const location = located[i];
    const point = location ? placed[next++] : null;
    if (point && point.ubz_id === null) throw badUserInput(`${where}: the location (${location!.longitude}, ${location!.latitude}) lies outside Dortmund`);
    if (c.capacity != null) checkWholeNumber(`${where} capacity`, c.capacity, 0, 3000);
    if (c.kind === 'add') {
      if (c.facilityKey) throw badUserInput(`${where}: a planned facility has no facilityKey; give category and location`);
      if (!c.category || !categoryOf(c.category)) throw badUserInput(`${where}: category "${c.category ?? ''}" is not a category key (see taxonomy)`);
      if (!location) throw badUserInput(`${where}: needs a location`);
      const name = c.name == null || c.name.trim() === '' ? null : checkText(`${where} name`, c.name, 1, 200);
      return { kind: 'add', facility_key: null, category: c.category, name, lon: location.longitude, lat: location.latitude, capacity: c.capacity ?? null, facility: null, point };
    }
    if (!c.facilityKey) throw badUserInput(`${where}: needs the facilityKey of an existing facility`);
    const facility = facilities.get(c.facilityKey);
    if (!facility) throw badUserInput(`${where}: there is no facility in service with key "${c.facilityKey}"`);
    if (seen.has(c.facilityKey)) throw badUserInput(`${where}: facility "${c.facilityKey}" is changed twice; one change per facility`);
    seen.add(c.facilityKey);
    if (c.kind === 'move' && !location) throw badUserInput(`${where}: needs the location to move to`);
    if (c.kind === 'capacity' && c.capacity == null) throw badUserInput(`${where}: needs the new capacity`);
    return {
      kind: c.kind,
      facility_key: c.facilityKey,
      category: facility.category,
      name: null,
      lon: c.kind === 'move' ? location!.longitude : null,
      lat: c.kind === 'move' ? location!.latitude : null,
      capacity: c.kind === 'capacity' ? c.capacity! : null,
      facility,
      point: c.kind === 'move' ? point : null,
    };
  });
}

const ASSUMED_CAPACITY = (category: string, places: number) =>
  text(
    `Eine geplante Einrichtung (${category}) ohne Angabe der Plätze zählt mit dem Median der Kategorie: ${places} Plätze (Annahme).`,
    `A planned facility (${category}) without places counts with the category's median: ${places} places (an assumption).`,
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
  const countMode = await store.countsFacilities(ctx.db, params.categories);
  const assumptions: string[] = countMode && relevant.some((c) => c.kind === 'capacity') ? [COUNTED_PER_FACILITY[ctx.lang]] : [];
  const removedIds: number[] = [];
  const added: { x: number; y: number }[] = [];
  const supplyItems: { x: number; y: number; amount: number }[] = [];
  const facilityDelta = new Map<number, number>();
  const bump = (ubz: number | null, by: number) => ubz !== null && facilityDelta.set(ubz, (facilityDelta.get(ubz) ?? 0) + by);
  const amountOf = (capacity: number | null) => (countMode ? 1 : (capacity ?? 0));
  for (const c of relevant) {
    const f = c.facility;
    if (c.kind === 'add') {
      let places = c.capacity;
      if (!countMode && places == null) {
        places = (await store.medianCapacity(ctx.db, c.category!)) ?? 0;
        assumptions.push(ASSUMED_CAPACITY(categoryOf(c.category!)![ctx.lang === 'de' ? 'labelDe' : 'labelEn'], places)[ctx.lang]);
      }
      added.push({ x: c.point!.x, y: c.point!.y });
      supplyItems.push({ x: c.point!.x, y: c.point!.y, amount: amountOf(places) });
      bump(c.point!.ubz_id, 1);
    } else if (c.kind === 'close' || c.kind === 'move') {
      removedIds.push(f!.id);
      supplyItems.push({ x: f!.x, y: f!.y, amount: -amountOf(f!.capacity) });
      bump(f!.ubz_id, -1);
      if (c.kind === 'move') {
        added.push({ x: c.point!.x, y: c.point!.y });
        supplyItems.push({ x: c.point!.x, y: c.point!.y, amount: amountOf(f!.capacity) });
        bump(c.point!.ubz_id, 1);
      }
    } else if (!countMode) {
      supplyItems.push({ x: f!.x, y: f!.y, amount: c.capacity! - (f!.capacity ?? 0) });
    }
  }
  const radius = params.threshold / params.detour;
  const [baseline, distances, supply] = await Promise.all([
    store.baselineCells(ctx.db, key),
    removedIds.length || added.length
      ? store.distanceChanges(ctx.db, { key, categories: params.categories, detour: params.detour, removedIds, added })
      : Promise.resolve([]),
    store.supplyChanges(ctx.db, { key, radius, items: supplyItems.filter((s) => s.amount !== 0) }),
  ]);
  const before: Cell[] = baseline.map((r) => ({ id: r.cell_id, ubz: r.ubz_id, children: r.children, distance: r.distance_m, supply: r.supply_per_1000 }));
  const distanceOf = new Map(distances.map((d) => [d.cell_id, d]));
  const supplyOf = new Map(supply.map((s) => [s.cell_id, s.delta]));
  const after = before.map((c) => {
    const d = distanceOf.get(c.id);
    const s = supplyOf.get(c.id);
    if (!d && s === undefined) return c;
    let distance = c.distance;
    if (d) {
      if (d.lost) distance = d.base_m === null ? null : d.base_m * params.detour;
      if (d.added_m !== null && (distance === null || d.added_m * params.detour < distance)) distance = d.added_m * params.detour;
    }
    // Rounding of the signed sums must not leave a cell with a tiny negative supply.
    return { ...c, distance, supply: s === undefined ? c.supply : Math.max(0, c.supply + s) };
  });
  return { before, after, facilityDelta, applied: relevant.length, otherCategories: changes.length - relevant.length, assumptions };
}

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

const round = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

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
async function povertyOf(ctx: Context, ids: number[]): Promise<Map<number, number>> {
  const values = await areaStore.indicatorValues(ctx.db, ids);
  return new Map(values.filter((v) => v.indicator_key === CHILD_POVERTY_INDICATOR && v.year === 2024).map((v) => [v.area_id, Math.round(v.value * 10) / 10]));
}

async function povertyBoth(ctx: Context, ids: number[]) {
  const values = await areaStore.indicatorValues(ctx.db, ids);
  const get = (year: number) =>
    new Map(values.filter((v) => v.indicator_key === CHILD_POVERTY_INDICATOR && v.year === year).map((v) => [v.area_id, Math.round(v.value * 10) / 10]));
  return { y2018: get(2018), y2024: get(2024) };
}

export type EffectArgs = CoverageArgs & { level: AreaLevel };

/** The full evaluation of changes for one target. */
export async function evaluate(ctx: Context, args: EffectArgs, changes: CheckedChange[]) {
  const { params, method } = await resolveCoverage(ctx, args);
  const key = await ensureCoverage(ctx.db, params);
  const levels = [...new Set([args.level, 'aktionsraum', 'city', 'ubz'])];
  const [cells, membership, perUbz] = await Promise.all([
    scenarioCells(ctx, params, key, changes),
    store.memberships(ctx.db, levels),
    store.facilitiesPerUbz(ctx.db, params.categories),
  ]);
  const byArea = { before: cellsByArea(cells.before, membership), after: cellsByArea(cells.after, membership) };
  const beforeById = new Map(cells.before.map((c) => [c.id, c]));
  const areaIds = [...new Set(membership.map((m) => m.area_id))];
  const [areas, poverty] = await Promise.all([ctx.loaders.areaById.loadMany(areaIds), povertyBoth(ctx, areaIds)]);
  const areaById = new Map(areaIds.map((id, i) => [id, areas[i] as areaStore.AreaRow]));
  const ubzOfArea = new Map<number, number[]>();
  for (const m of membership) ubzOfArea.set(m.area_id, [...(ubzOfArea.get(m.area_id) ?? []), m.ubz_id]);
  const levelOf = new Map(membership.map((m) => [m.area_id, m.level]));
  const figures = new Map<number, { before: AreaFigures; after: AreaFigures; inside: number; insideAfter: number }>();
  for (const id of areaIds) {
    const inside = (ubzOfArea.get(id) ?? []).reduce((s, u) => s + (perUbz.get(u) ?? 0), 0);
    const delta = (ubzOfArea.get(id) ?? []).reduce((s, u) => s + (cells.facilityDelta.get(u) ?? 0), 0);
    figures.set(id, {
      before: areaFigures(id, byArea.before.get(id) ?? [], params.threshold),
      after: areaFigures(id, byArea.after.get(id) ?? [], params.threshold, beforeById),
      inside,
      insideAfter: inside + delta,
    });
  }
  const row = (f: AreaFigures, inside: number): AreaCoverageRow => ({ ...f, level: levelOf.get(f.area_id) as AreaLevel, facilities_inside: inside });
  const cityId = areaIds.find((id) => levelOf.get(id) === 'city')!;
  const ranks = (level: string) => {
    if (level === 'city') return new Map<number, { before: number; after: number; pb: number; pa: number }>();
    const ids = areaIds.filter((id) => levelOf.get(id) === level);
    const rank = (when: 'before' | 'after') => {
      const shape = (id: number) => shapeCoverage(areaById.get(id)!, row(figures.get(id)![when], 0)).shareWithin;
      const ranked = rankNeedProvision(
        ids.map((id) => ({ areaId: id, poverty2018: poverty.y2018.get(id) ?? null, poverty2024: poverty.y2024.get(id) ?? null, shareWithin: shape(id), supply: null })),
        { poverty2024: poverty.y2024.get(cityId) ?? null, shareWithin: shape(cityId) },
      );
      return new Map(ranked.map((r, i) => [r.areaId, { rank: i + 1, score: r.priorityScore }]));
    };
    const b = rank('before');
    const a = rank('after');
    return new Map(ids.map((id) => [id, { before: b.get(id)!.rank, after: a.get(id)!.rank, pb: b.get(id)!.score, pa: a.get(id)!.score }]));
  };
  const effectRows = (level: string) => {
    const r = ranks(level);
    return areaIds
      .filter((id) => levelOf.get(id) === level)
      .map((id) => {
        const f = figures.get(id)!;
        const area = areaById.get(id)!;
        const before = shapeCoverage(area, row(f.before, f.inside));
        const after = shapeCoverage(area, row(f.after, f.insideAfter));
        const rank = r.get(id);
        return {
          area,
          before,
          after,
          newlyWithin: childCount(f.after.newly_within),
          newlyBeyond: childCount(f.after.newly_beyond),
          shareWithinChange: before.shareWithin === null || after.shareWithin === null ? null : round(after.shareWithin - before.shareWithin, 6),
          supplyChange: before.supplyPer1000Children === null || after.supplyPer1000Children === null ? null : round(after.supplyPer1000Children - before.supplyPer1000Children, 3),
          rankBefore: rank?.before ?? null,
          rankAfter: rank?.after ?? null,
          priorityBefore: rank ? round(rank.pb) : null,
          priorityAfter: rank ? round(rank.pa) : null,
        };
      })
      .sort((a, b) => (a.rankAfter ?? 0) - (b.rankAfter ?? 0) || a.area.code.localeCompare(b.area.code));
  };
  // Equity before and after, from the same cells.
  const ubzIds = areaIds.filter((id) => levelOf.get(id) === 'ubz');
  const aktionsraumUbz = new Set(membership.filter((m) => m.level === 'aktionsraum').map((m) => m.ubz_id));
  const equity = {
    before: equityOf(cells.before, params.threshold, ubzIds.map((id) => figures.get(id)!.before), aktionsraumUbz, poverty.y2024),
    after: equityOf(cells.after, params.threshold, ubzIds.map((id) => figures.get(id)!.after), aktionsraumUbz, poverty.y2024),
    method: equityMethod(ctx),
  };
  return {
    method,
    params,
    changes: { applied: cells.applied, otherCategories: cells.otherCategories, assumptions: cells.assumptions },
    city: effectRows('city')[0],
    aktionsraeume: effectRows('aktionsraum'),
    areas: effectRows(args.level),
    difference: await difference(ctx, cells, params.threshold),
    equity,
  };
}

async function difference(ctx: Context, cells: ScenarioCells, threshold: number) {
  const changed: { id: number; properties: Record<string, unknown> }[] = [];
  let gaining = 0;
  let losing = 0;
  const within = (d: number | null) => d !== null && d <= threshold;
  for (let i = 0; i < cells.after.length; i++) {
    const a = cells.after[i];
    const b = cells.before[i];
    if (a.distance === b.distance) continue;
    const change = within(a.distance) && !within(b.distance) ? 'GAIN' : !within(a.distance) && within(b.distance) ? 'LOSS' : a.distance !== null && (b.distance === null || a.distance < b.distance) ? 'NEARER' : 'FARTHER';
    if (change === 'GAIN') gaining++;
    if (change === 'LOSS') losing++;
    changed.push({
      id: a.id,
      properties: {
        change,
        children: Math.round(a.children * 100) / 100,
        beforeMetres: b.distance === null ? null : Math.round(b.distance),
        afterMetres: a.distance === null ? null : Math.round(a.distance),
      },
    });
  }
  return { geojson: { type: 'FeatureCollection', features: await store.cellFeatures(ctx.db, changed) }, cellsGaining: gaining, cellsLosing: losing };
}

/** Equity for a target, with or without changes. */
export async function equityFor(ctx: Context, args: CoverageArgs, changes: CheckedChange[]) {
  const result = await evaluate(ctx, { ...args, level: 'ubz' }, changes);
  return { method: result.method, equity: changes.length ? result.equity.after : result.equity.before, equityMethod: result.equity.method };
}

const SITE_METHOD = text(
  'Gierige maximale Abdeckung: Nacheinander wird der Standort gewählt, der die meisten Kinder (auf Wunsch gewichtet mit der Kinderarmut 2024 ihres Unterbezirks im Verhältnis zur Stadt) zusätzlich zu den vorher gewählten in die Schwelle bringt; gezählt werden die Kinder des gesuchten Gebiets, die heute (bzw. nach den Änderungen des Szenarios) jenseits der Schwelle wohnen. ' +
    'Kandidaten sind die Mittelpunkte der 100-m-Rasterzellen des Gebiets, in denen Kinder wohnen (also keine Wasser-, Industrie- oder Ackerflächen). Nicht bekannt sind Grundbesitz, Gebäude, Mieten, Bauplanungsrecht und Personal: Ein Vorschlag ist ein Suchraum, kein Grundstück. ' +
    'Die gierige Auswahl erreicht mindestens 63 % des bestmöglichen Ergebnisses (1 - 1/e), ist aber nicht immer optimal. Entfernung: Luftlinie mal Umwegfaktor.',
  'Greedy maximal coverage: one after another, the site is chosen that brings the most children (optionally weighted by the child poverty 2024 of their sub-district relative to the city) within the threshold on top of the sites chosen before; counted are the children of the area searched who today (or after the scenario\'s changes) live beyond the threshold. ' +
    'Candidates are the centres of the area\'s 100 m grid pieces where children live (so no water, industry or fields). Land ownership, buildings, rents, zoning and staff are not known: a suggestion is a search area, not a plot. ' +
    'The greedy choice reaches at least 63 % of the best possible result (1 - 1/e) but is not always optimal. Distance: straight line times the detour factor.',
);

export type SiteArgs = {
  category: string;
  ageBand: AgeBand;
  area?: { level: AreaLevel; code: string } | null;
  thresholdMetres?: number | null;
  detourFactor: number;
  distribution: 'census' | 'even';
  count: number;
  weightByNeed: boolean;
};

export async function suggestSites(ctx: Context, args: SiteArgs, changes: CheckedChange[]) {
  if (!reachCategories.includes(args.category)) throw badUserInput(`sites are suggested for the child-related categories ${reachCategories.join(', ')} (got "${args.category}")`);
  const count = checkWholeNumber('count', args.count, 1, 10);
  const { params, method } = await resolveCoverage(ctx, { ...args, target: { category: args.category } });
  const area = args.area ? await areaStore.findArea(ctx.db, args.area.level, args.area.code) : null;
  if (args.area && !area) throw badUserInput(`there is no ${args.area.level} area with code "${args.area.code}"`);
  const key = await ensureCoverage(ctx.db, params);
  const [cells, membership] = await Promise.all([scenarioCells(ctx, params, key, changes), store.memberships(ctx.db, ['city', 'ubz'])]);
  const ubzInArea = area ? new Set((await store.memberships(ctx.db, [area.level])).filter((m) => m.area_id === area.id).map((m) => m.ubz_id)) : null;
  const demandCells = cells.after.filter((c) => (ubzInArea === null || ubzInArea.has(c.ubz)) && (c.distance === null || c.distance > params.threshold));
  let weightOf = (_ubz: number) => 1;
  if (args.weightByNeed) {
    const cityId = membership.find((m) => m.level === 'city')!.area_id;
    const ubzIds = [...new Set(demandCells.map((c) => c.ubz))];
    const poverty = await povertyOf(ctx, [...ubzIds, cityId]);
    const city = poverty.get(cityId);
    weightOf = (ubz) => (city && poverty.has(ubz) ? poverty.get(ubz)! / city : 1);
  }
  const demand = new Map(demandCells.map((c) => [c.id, { children: c.children, weight: weightOf(c.ubz) }]));
  // Refused before any SQL when the search is too large to weigh in about two seconds: demand
  // pieces times the pieces within the radius (100 m cells).
  const radius = params.threshold / params.detour;
  const estimate = Math.round((demandCells.length * Math.PI * radius ** 2) / CELL_SIZE_METRES ** 2);
  if (estimate > MAX_ESTIMATED_PAIRS) {
    throw badUserInput(
      `too many candidate sites for this search (about ${estimate.toLocaleString('en')} site-child pairs, at most ${MAX_ESTIMATED_PAIRS.toLocaleString('en')}): choose an area (an Aktionsraum or a Stadtbezirk) or a smaller threshold`,
    );
  }
  const reach = await store.candidateReach(ctx.db, { key, candidateUbz: ubzInArea ? [...ubzInArea] : null, demandIds: demandCells.map((c) => c.id), radius });
  // A site that brings not even one child within reach is no suggestion (the later ones gain less still).
  const picks = greedyMaximalCoverage(reach, demand, count).filter((_, i, all) => all.slice(0, i + 1).every((q) => q.gain >= 0.5));
  const centres = await store.cellCentres(ctx.db, picks.map((p) => p.candidate));
  let cumulative = 0;
  const suggestions = await Promise.all(
    picks.map(async (p, i) => {
      cumulative += p.gain;
      const upToHere = cumulative;
      const centre = centres.get(p.candidate)!;
      return {
        rank: i + 1,
        location: { longitude: Math.round(centre.lon * 1e6) / 1e6, latitude: Math.round(centre.lat * 1e6) / 1e6 },
        subDistrict: await ctx.loaders.areaById.load(centre.ubz_id),
        childrenGained: childCount(p.gain),
        weightedGain: Math.round(p.weightedGain * 100) / 100,
        cumulativeChildren: childCount(upToHere),
      };
    }),
  );
  return {
    method,
    siteMethod: SITE_METHOD[ctx.lang],
    category: categoryOf(args.category)!,
    childrenBeyond: childCount(demandCells.reduce((s, c) => s + c.children, 0)),
    suggestions,
    geojson: {
      type: 'FeatureCollection',
      features: suggestions.map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.location.longitude, s.location.latitude] },
        properties: { rank: s.rank, childrenGained: s.childrenGained.value, childrenGainedDisplay: s.childrenGained.display },
      })),
    },
  };
}

/** The effect on each category a scenario changes, with that category's first default age band and threshold. */
export async function summarise(ctx: Context, changes: CheckedChange[], aktionsraumCode: string | null) {
  const categories = [...new Set(changes.map((c) => c.category!))].filter((c) => reachCategories.includes(c) && thresholds.some((t) => t.target === c));
  const results = [];
  for (const category of categories) {
    const band = thresholds.find((t) => t.target === category)!.ageBand;
    const threshold = defaultThreshold(category, band)!;
    const effect = await evaluate(ctx, { target: { category }, ageBand: band, detourFactor: 1, distribution: 'census', level: 'aktionsraum' }, changes);
    const area = aktionsraumCode ? (effect.aktionsraeume.find((a) => a.area.code === aktionsraumCode) ?? null) : null;
    results.push({
      category: categoryOf(category)!,
      ageBand: band,
      thresholdMetres: threshold.metres,
      area,
      city: effect.city,
      aktionsraumRankBefore: area?.rankBefore ?? null,
      aktionsraumRankAfter: area?.rankAfter ?? null,
    });
  }
  return results;
}
