// The coverage rules: default distance thresholds per category (or field of action) and age band
// with where each comes from (every query may override them), the detour factor's range, the grid
// cell size and the small-count rule.

import type { AgeBand } from './ageBands.ts';
import { text, type Text } from './text.ts';

export type { AgeBand } from './ageBands.ts';

export type Threshold = { target: string; ageBand: AgeBand; metres: number; source: Text };

const DIN_18034 = text(
  'DIN 18034 (Spielplätze und Freiräume zum Spielen): Entfernung zur Spielfläche nach Alter',
  'DIN 18034 (Spielplätze und Freiräume zum Spielen): distance to the play space by age',
);
const NRW_SCHOOL_TRANSPORT = text(
  'NRW Schülerfahrkostenverordnung §5: Schülerfahrkosten werden ab 2 km (Primarstufe) und 3,5 km (Sekundarstufe I) übernommen; kürzere Wege gelten dem Land als zu Fuß zumutbar',
  'NRW Schülerfahrkostenverordnung §5: school transport is paid beyond 2 km (primary) and 3.5 km (lower secondary), so these distances are what the state deems walkable',
);
const OVERRIDE = text('in jeder Abfrage änderbar', 'override per query');
const chosen = (de: string, en: string) => text(`Vom Atlas gewählter Richtwert${de}; ${OVERRIDE.de}`, `Chosen default of the atlas${en}; ${OVERRIDE.en}`);
const CHOSEN = chosen(' (keine verbindliche Norm): etwa 10 Minuten Fußweg mit kleinen Kindern', ' (no binding norm): about a 10-minute walk with small children');

export const thresholds: Threshold[] = [
  { target: 'spielplatz', ageBand: '0-5', metres: 200, source: text(`${DIN_18034.de}: unter 6 Jahre 200 m`, `${DIN_18034.en}: under 6 years 200 m`) },
  {
    target: 'spielplatz',
    ageBand: '6-17',
    metres: 400,
    source: text(
      `${DIN_18034.de}: 6 bis 12 Jahre 400 m (über 12: 1000 m; die Altersgruppe 6-17 des Atlas nimmt den Wert für 6-12)`,
      `${DIN_18034.en}: 6 to 12 years 400 m (over 12: 1000 m; the atlas's band 6-17 takes the 6-12 value)`,
    ),
  },
  { target: 'grundschule', ageBand: '6-17', metres: 2000, source: NRW_SCHOOL_TRANSPORT },
  { target: 'weiterfuehrende_schule', ageBand: '6-17', metres: 3500, source: NRW_SCHOOL_TRANSPORT },
  { target: 'foerderschule', ageBand: '6-17', metres: 3500, source: text(`${NRW_SCHOOL_TRANSPORT.de} (der Wert der Sekundarstufe)`, `${NRW_SCHOOL_TRANSPORT.en} (the secondary value)`) },
  { target: 'kita', ageBand: '0-5', metres: 500, source: CHOSEN },
  {
    target: 'kinderbetreuung_kurzzeit',
    ageBand: '0-5',
    metres: 1000,
    source: chosen(': Kurzzeitbetreuung wird seltener genutzt als eine Kita', ': short-term care is used less often than a Kita'),
  },
  {
    target: 'jugendfreizeitstaette',
    ageBand: '6-17',
    metres: 1000,
    source: text(`Vom Atlas gewählter Richtwert nach ${DIN_18034.de} für über 12-Jährige (1000 m)`, `Chosen default of the atlas, after ${DIN_18034.en} for over-12s (1000 m)`),
  },
  { target: 'bibliothek', ageBand: '0-17', metres: 2000, source: chosen(': Bibliotheken werden gezielt besucht, nicht täglich passiert', ': libraries are visited, not passed daily') },
  { target: 'schwimmbad', ageBand: '6-17', metres: 3000, source: chosen(': mit Fahrrad oder Bus erreichbar', ': reachable by bike or bus') },
  { target: 'beratungsstelle', ageBand: '0-17', metres: 2000, source: chosen(' für niedrigschwellige Beratung', ' for low-threshold advice') },
  { target: 'familienzentrum', ageBand: '0-5', metres: 1000, source: chosen(': Familienzentren sind meist Kitas mit Angeboten für Eltern aus dem Quartier', ': family centres are mostly Kitas with offers for the neighbourhood\'s parents') },
  { target: 'erziehungsberatung', ageBand: '0-17', metres: 2000, source: chosen(' (wie für Beratungsstellen)', ' (as for counselling centres)') },
  { target: 'fruehe_hilfen', ageBand: '0-5', metres: 2000, source: chosen(' (wie für Hebammen)', ' (as for midwives)') },
  { target: 'hebamme', ageBand: '0-5', metres: 2000, source: chosen('', '') },
  { target: 'betreuung', ageBand: '0-5', metres: 500, source: CHOSEN },
  { target: 'jugend_freizeit', ageBand: '6-17', metres: 1000, source: chosen(' (wie für Jugendfreizeitstätten)', ' (as for youth centres)') },
  { target: 'foerderung_bildung', ageBand: '6-17', metres: 2000, source: NRW_SCHOOL_TRANSPORT },
  { target: 'eltern_beratung_gesundheit', ageBand: '0-17', metres: 1000, source: chosen('', '') },
];

/** Where a threshold set in the query comes from. */
export const THRESHOLD_FROM_QUERY = text('in der Abfrage gesetzt', 'set in the query');

export function defaultThreshold(target: string, ageBand: AgeBand): Threshold | null {
  return thresholds.find((t) => t.target === target && t.ageBand === ageBand) ?? thresholds.find((t) => t.target === target) ?? null;
}

/** The default target x age band x threshold sets, census-located: precomputed at every import. */
export function defaultCoverageSets(categoriesOf: (target: string) => string[]) {
  return thresholds.map((t) => ({
    target: t.target,
    categories: categoriesOf(t.target),
    ageBand: t.ageBand,
    threshold: t.metres,
    detour: DETOUR_FACTOR.default,
    distribution: 'census' as const,
  }));
}

export const DETOUR_FACTOR = { default: 1.0, min: 1.0, max: 3.0 } as const;
/** A threshold a query (or the dashboard's field) may set, in metres. */
export const THRESHOLD_METRES = { min: 50, max: 10_000 } as const;
/** Places of one facility an editor or a planner may give. */
export const CAPACITY = { min: 0, max: 3000 } as const;
export const CELL_SIZE_METRES = 100;
/** Figures based on fewer children than this are not shown as exact numbers (data protection). */
export const SMALL_COUNT = 5;

/** How a suppressed count is written. */
export const SUPPRESSED_LABEL = `< ${SMALL_COUNT}`;
