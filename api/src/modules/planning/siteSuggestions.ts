// Site suggestions: greedy maximal coverage over the children beyond the threshold of an area
// (after a scenario's changes when given), optionally weighted by child poverty.

import { CELL_SIZE_METRES } from '../../../../domain/coverageRules.ts';
import { text } from '../../../../domain/text.ts';
import { reachCategories } from '../../../../domain/taxonomy.ts';
import type { Context } from '../../context.ts';
import * as areaStore from '../areas/areaStore.ts';
import type { AreaLevel } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkWholeNumber } from '../common/validate.ts';
import { childCount } from '../coverage/childCount.ts';
import { ensureCoverage } from '../coverage/coverageStore.ts';
import { resolveCoverage, type CoverageArgs } from '../coverage/coverageTarget.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import { greedyMaximalCoverage } from './cellFigures.ts';
import * as store from './planningStore.ts';
import type { CheckedChange } from './scenarioChanges.ts';
import { scenarioCells } from './scenarioCells.ts';
import { povertyOf } from './equity.ts';
import { onNetwork, searchRadius, straightLine } from '../../../../domain/distance.ts';
import { loadGraph } from '../../../../geodata/network/networkStore.ts';
import type { WalkGraph } from '../../../../geodata/network/walkGraph.ts';
import { walksFrom } from '../../../../geodata/network/walksFrom.ts';

/** The largest site search weighed (site-child pairs, estimated): the whole city for a Kita or a youth centre fits. */
export const MAX_ESTIMATED_PAIRS = 800_000;

const SITE_METHOD = text(
  'Gierige maximale Abdeckung: Nacheinander wird der Standort gewählt, der die meisten Kinder (auf Wunsch gewichtet mit der Kinderarmut 2024 ihres Unterbezirks im Verhältnis zur Stadt) zusätzlich zu den vorher gewählten in die Schwelle bringt; gezählt werden die Kinder des gesuchten Gebiets, die heute (bzw. nach den Änderungen des Szenarios) jenseits der Schwelle wohnen. ' +
    'Kandidaten sind die Mittelpunkte der 100-m-Rasterzellen des Gebiets, in denen Kinder wohnen (also keine Wasser-, Industrie- oder Ackerflächen). Nicht bekannt sind Grundbesitz, Gebäude, Mieten, Bauplanungsrecht und Personal: Ein Vorschlag ist ein Suchraum, kein Grundstück. ' +
    'Die gierige Auswahl erreicht mindestens 63 % des bestmöglichen Ergebnisses (1 - 1/e), ist aber nicht immer optimal. Entfernung: Luftlinie mal Umwegfaktor; mit Wegenetz der Fußweg von der Zellmitte, wo beide am Netz liegen.',
  'Greedy maximal coverage: one after another, the site is chosen that brings the most children (optionally weighted by the child poverty 2024 of their sub-district relative to the city) within the threshold on top of the sites chosen before; counted are the children of the area searched who today (or after the scenario\'s changes) live beyond the threshold. ' +
    'Candidates are the centres of the area\'s 100 m grid pieces where children live (so no water, industry or fields). Land ownership, buildings, rents, zoning and staff are not known: a suggestion is a search area, not a plot. ' +
    'The greedy choice reaches at least 63 % of the best possible result (1 - 1/e) but is not always optimal. Distance: straight line times the detour factor; with a walking network, the walk from the piece\'s centre where both are attached to it.',
);

export type SiteArgs = {
  question: CoverageArgs;
  area?: { level: AreaLevel; code: string } | null;
  count: number;
  weightByNeed: boolean;
};

export async function suggestSites(ctx: Context, args: SiteArgs, changes: CheckedChange[]) {
  const category = args.question.target.category;
  if (!category || !reachCategories.includes(category)) {
    throw badUserInput(`sites are suggested for one of the child-related categories ${reachCategories.join(', ')} (got ${category ? `"${category}"` : 'a field of action'})`);
  }
  const count = checkWholeNumber('count', args.count, 1, 10);
  const { params, method } = await resolveCoverage(ctx, args.question);
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
  const graph = await loadGraph(ctx.db);
  const radius = searchRadius(params.threshold, graph ? onNetwork(params.detour) : straightLine(params.detour));
  const estimate = Math.round((demandCells.length * Math.PI * radius ** 2) / CELL_SIZE_METRES ** 2);
  if (estimate > MAX_ESTIMATED_PAIRS) {
    throw badUserInput(
      `too many candidate sites for this search (about ${estimate.toLocaleString('en')} site-child pairs, at most ${MAX_ESTIMATED_PAIRS.toLocaleString('en')}): choose an area (an Aktionsraum or a Stadtbezirk) or a smaller threshold`,
    );
  }
  const nearby = await store.candidateReach(ctx.db, { key, candidateUbz: ubzInArea ? [...ubzInArea] : null, demandIds: demandCells.map((c) => c.id), radius });
  const reach = graph ? await walkableReach(ctx, graph, nearby, params.threshold, params.detour) : nearby;
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
    category: categoryOf(category)!,
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


/**
 * On the walking network a site reaches the pieces within the threshold on foot (straight x detour
 * where the network does not join the two): the straight candidates pruned by a walk from each site,
 * bounded by the threshold.
 */
async function walkableReach(ctx: Context, graph: WalkGraph, nearby: Map<number, number[]>, threshold: number, detour: number): Promise<Map<number, number[]>> {
  const ids = new Set<number>();
  for (const [candidate, demand] of nearby) {
    ids.add(candidate);
    for (const d of demand) ids.add(d);
  }
  const at = await store.piecePositions(ctx.db, [...ids]);
  const reach = new Map<number, number[]>();
  for (const [candidate, demand] of nearby) {
    const walks = walksFrom(graph, at.get(candidate)!, demand.map((d) => at.get(d)!), detour, threshold);
    const within = demand.filter((_, i) => walks[i].metres <= threshold);
    if (within.length > 0) reach.set(candidate, within);
  }
  return reach;
}
