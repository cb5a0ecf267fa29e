// The action plan's vocabulary: the fields of action of the working group "Kinder stärken" with
// their focal points (as the group named them: early education and language support, reliable
// day care and all-day schools, open youth work, free leisure offers and safe play spaces,
// low-threshold advice and family centres, local networking), the status of a measure, and the
// yearly budget of an Aktionsraum (a documented approximate figure, never a booking).
import { text, type Text } from './text.ts';

export type FocalPoint = { key: string; label: Text };
export type PlanField = { key: string; label: Text; focalPoints: FocalPoint[] };

export const planFields: PlanField[] = [
  {
    key: 'foerderung',
    label: text('Förderung von Kindern und Jugendlichen', 'Supporting children and young people'),
    focalPoints: [
      { key: 'fruehe_bildung_sprache', label: text('Frühe Bildung und Sprachförderung', 'Early education and language support') },
      { key: 'offene_jugendarbeit', label: text('Offene Kinder- und Jugendarbeit', 'Open youth work') },
      { key: 'freizeit_spielraum', label: text('Kostenfreie Freizeitangebote und sichere Spielräume', 'Free leisure offers and safe play spaces') },
    ],
  },
  {
    key: 'betreuung',
    label: text('Betreuung', 'Day care'),
    focalPoints: [
      { key: 'kindertagesbetreuung', label: text('Verlässliche Kindertagesbetreuung', 'Reliable day care') },
      { key: 'ganztagsschule', label: text('Offene Ganztagsschule', 'All-day schools') },
    ],
  },
  {
    key: 'eltern',
    label: text('Eltern stärken', 'Strengthening parents'),
    focalPoints: [
      { key: 'niedrigschwellige_beratung', label: text('Niedrigschwellige Beratung', 'Low-threshold advice') },
      { key: 'familienzentren', label: text('Familienzentren', 'Family centres') },
    ],
  },
  {
    key: 'uebergreifend',
    label: text('Übergreifende Ansätze', 'Cross-cutting approaches'),
    focalPoints: [{ key: 'vernetzung', label: text('Vernetzung der Akteure der Jugendhilfe vor Ort', 'Local networking of youth-service actors') }],
  },
];

export const focalPointKeys = new Map(planFields.flatMap((f) => f.focalPoints.map((p) => [p.key, f.key] as const)));

export const measureStatuses = ['proposed', 'decided', 'in_progress', 'done'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export const statusLabels: Record<MeasureStatus, Text> = {
  proposed: text('vorgeschlagen', 'proposed'),
  decided: text('beschlossen', 'decided'),
  in_progress: text('in Umsetzung', 'in progress'),
  done: text('umgesetzt', 'done'),
};

/** The yearly budget of each Aktionsraum: an approximate figure the city publishes, the same for all 13. */
/** The budget years a measure may be filed under (the Aktionsplan began in 2008). */
export const BUDGET_YEARS = { first: 2008, last: 2100 } as const;

export const AKTIONSRAUM_BUDGET = {
  eurPerYear: 230_000,
  isApproximate: true,
  source: text(
    'Stadt Dortmund, Seiten zum Aktionsplan Soziale Stadt (dortmund.de): jeder Aktionsraum hat ein jährliches Budget von etwa 230.000 EUR; ein ungefährer Wert, keine Buchung',
    'City of Dortmund, Aktionsplan Soziale Stadt pages (dortmund.de): each Aktionsraum has a yearly budget of about 230,000 EUR; an approximate figure, not a booking',
  ),
};
