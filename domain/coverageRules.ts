// The coverage rules: default distance thresholds per category (or field of action) and age band
// with where each comes from (every query may override them), the detour factor's range, the grid
// cell size and the small-count rule.

import type { AgeBand } from './ageBands.ts';

export type { AgeBand } from './ageBands.ts';

export type Threshold = { target: string; ageBand: AgeBand; metres: number; source: string };

const DIN_18034 = 'DIN 18034 (Spielplätze und Freiräume zum Spielen): distance to the play space by age';
const NRW_SCHOOL_TRANSPORT = 'NRW Schülerfahrkostenverordnung §5: school transport is paid beyond 2 km (primary) and 3.5 km (lower secondary), so these distances are what the state deems walkable';
const CHOSEN = 'Chosen default of the atlas (no binding norm): about a 10-minute walk with small children; override per query';

export const thresholds: Threshold[] = [
  { target: 'spielplatz', ageBand: '0-5', metres: 200, source: `${DIN_18034}: under 6 years 200 m` },
  { target: 'spielplatz', ageBand: '6-17', metres: 400, source: `${DIN_18034}: 6 to 12 years 400 m (over 12: 1000 m; the atlas's band 6-17 takes the 6-12 value)` },
  { target: 'grundschule', ageBand: '6-17', metres: 2000, source: NRW_SCHOOL_TRANSPORT },
  { target: 'weiterfuehrende_schule', ageBand: '6-17', metres: 3500, source: NRW_SCHOOL_TRANSPORT },
  { target: 'foerderschule', ageBand: '6-17', metres: 3500, source: `${NRW_SCHOOL_TRANSPORT} (the secondary value)` },
  { target: 'kita', ageBand: '0-5', metres: 500, source: CHOSEN },
  { target: 'kinderbetreuung_kurzzeit', ageBand: '0-5', metres: 1000, source: 'Chosen default of the atlas: short-term care is used less often than a Kita; override per query' },
  { target: 'jugendfreizeitstaette', ageBand: '6-17', metres: 1000, source: `Chosen default of the atlas, after ${DIN_18034} for over-12s (1000 m)` },
  { target: 'bibliothek', ageBand: '0-17', metres: 2000, source: 'Chosen default of the atlas: libraries are visited, not passed daily; override per query' },
  { target: 'schwimmbad', ageBand: '6-17', metres: 3000, source: 'Chosen default of the atlas: reachable by bike or bus; override per query' },
  { target: 'beratungsstelle', ageBand: '0-17', metres: 2000, source: 'Chosen default of the atlas for low-threshold advice; override per query' },
  { target: 'hebamme', ageBand: '0-5', metres: 2000, source: 'Chosen default of the atlas; override per query' },
  { target: 'betreuung', ageBand: '0-5', metres: 500, source: CHOSEN },
  { target: 'jugend_freizeit', ageBand: '6-17', metres: 1000, source: 'Chosen default of the atlas (as for youth centres); override per query' },
  { target: 'foerderung_bildung', ageBand: '6-17', metres: 2000, source: NRW_SCHOOL_TRANSPORT },
  { target: 'eltern_beratung_gesundheit', ageBand: '0-17', metres: 1000, source: 'Chosen default of the atlas; override per query' },
];

export function defaultThreshold(target: string, ageBand: AgeBand): Threshold | null {
  return thresholds.find((t) => t.target === target && t.ageBand === ageBand) ?? thresholds.find((t) => t.target === target) ?? null;
}

/** The default target x age band x threshold sets, census-located: precomputed at every import. */
export function defaultCoverageSets(categoriesOf: (target: string) => string[]) {
  return thresholds.map((t) => ({
    target: t.target,
    categories: categoriesOf(t.target),
    band: t.ageBand,
    threshold: t.metres,
    detour: DETOUR_FACTOR.default,
    distribution: 'census' as const,
  }));
}

export const DETOUR_FACTOR = { default: 1.0, min: 1.0, max: 3.0 } as const;
export const CELL_SIZE_METRES = 100;
/** Figures based on fewer children than this are not shown as exact numbers (data protection). */
export const SMALL_COUNT = 5;
