// Fixed class breaks per coverage measure, shared by the map layer and its legend, so that two
// maps (other category, other area level) can be compared class by class.
/** The measures the gap map can show, in the order the planner offers them. */
export const measures = ['shareWithin', 'childrenBeyond', 'supplyPer1000Children'] as const;

export type Measure = (typeof measures)[number];

export type ClassBreaks = {
  measure: Measure;
  labelDe: string;
  unitDe: string;
  /** Upper bounds of the classes except the last; a value equal to a bound falls in the class above. */
  bounds: number[];
  /** One colour per class, worst provision first. */
  colors: string[];
  /** True when a higher value means better provision. */
  higherIsBetter: boolean;
};

const RED_TO_GREEN = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'];

export const classBreaks: Record<Measure, ClassBreaks> = {
  shareWithin: {
    measure: 'shareWithin',
    labelDe: 'Anteil der Kinder in Reichweite',
    unitDe: '%',
    bounds: [50, 70, 80, 90, 95],
    colors: RED_TO_GREEN,
    higherIsBetter: true,
  },
  childrenBeyond: {
    measure: 'childrenBeyond',
    labelDe: 'Kinder außer Reichweite',
    unitDe: 'Kinder',
    bounds: [50, 100, 250, 500, 1000],
    colors: [...RED_TO_GREEN].reverse(),
    higherIsBetter: false,
  },
  supplyPer1000Children: {
    measure: 'supplyPer1000Children',
    labelDe: 'Angebote je 1.000 Kinder (2SFCA)',
    unitDe: 'je 1.000 Kinder',
    bounds: [1, 2, 5, 10, 20],
    colors: RED_TO_GREEN,
    higherIsBetter: true,
  },
};

/** The class index (0 = first class) of a value, or null when there is no value. */
export function classOf(breaks: ClassBreaks, value: number | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  const index = breaks.bounds.findIndex((bound) => value < bound);
  return index === -1 ? breaks.bounds.length : index;
}

type ClassWords = { below: string; between: string; above: string };
const germanWords: ClassWords = { below: 'unter {a}', between: '{a} bis unter {b}', above: '{a} und mehr' };

/** Legend labels: "unter 50", "50 bis unter 70", ..., "95 und mehr" (or the words of another language). */
export function classLabels(breaks: Pick<ClassBreaks, 'bounds'>, words: ClassWords = germanWords): string[] {
  const b = breaks.bounds;
  const fill = (text: string, a: number, bound?: number) => text.replace('{a}', String(a)).replace('{b}', String(bound));
  return [fill(words.below, b[0]), ...b.slice(1).map((bound, i) => fill(words.between, b[i], bound)), fill(words.above, b[b.length - 1])];
}

/**
 * "Where children live": children of the chosen age band per grid piece (100 m cell), in fixed
 * classes. A sequential purple, so that it never reads as a coverage class (red to blue).
 */
export const childrenClasses = {
  bounds: [1, 2, 5, 10, 20],
  colors: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
};

export const NO_DATA_COLOR = '#d9d9d9';
/** The gap layer (where children beyond reach live) and the catchment circles. */
/** Gaps are hatched in near-black: apart from the red-to-green classes and the purple children. */
export const GAP_COLOR = '#111827';
export const CATCHMENT_COLOR = '#1d4ed8';
