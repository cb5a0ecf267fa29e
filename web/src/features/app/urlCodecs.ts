// One codec per URL parameter (or pair of parameters that belong together): how its value is read
// from a link (anything unknown falls back to the default) and written (a default is left out).
// urlState.ts decides which of them a view writes; urlCodecs.test.ts checks each one.
import { AreaLevel } from '../../gql/graphql.ts';
import type { Lang } from '../../kit/i18n.ts';
import { plannerAgeBands, plannerLevels, plannerMeasures, thresholdInRange, type PlannerSettings } from '../coverage/plannerQuery.ts';
import { defaultKinds, radii, type PartnerSettings } from '../partners/partnerQuery.ts';
import { decodeChanges, encodeChanges, type DraftChange } from '../planning/scenarioDraft.ts';
import type { Selection } from '../profile/profileQuery.ts';

export type View = 'karte' | 'luecken' | 'partner' | 'redaktion' | 'plan';

/** The scenario of the gap view: shown or not, the stored one it came from, its changes. */
export type ScenarioState = { open: boolean; key: string | null; changes: DraftChange[] };

export const defaultPlanner: PlannerSettings = {
  level: 'AKTIONSRAUM',
  target: 'kita',
  ageBand: 'AGE_0_5',
  threshold: null,
  measure: 'shareWithin',
  showGaps: true,
  showCatchments: false,
  showChildren: false,
  showSchools: false,
};

export const defaultPartner: PartnerSettings = { origin: null, radius: 1000, kinds: defaultKinds, offers: [], startchancen: false };

/** Reads a value from the link's parameters; writes it as parameters (none for a default). */
export type Codec<T> = { read: (params: URLSearchParams) => T; write: (value: T) => [string, string][] };

/** A codec of one parameter: `parse` gets its text (null when absent), `format` null for the default. */
const param = <T>(key: string, parse: (raw: string | null) => T, format: (value: T) => string | null): Codec<T> => ({
  read: (params) => parse(params.get(key)),
  write: (value) => {
    const text = format(value);
    return text === null ? [] : [[key, text]];
  },
});

const oneOf = <T extends string>(allowed: readonly T[], fallback: T) => (raw: string | null): T =>
  raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
const list = (raw: string | null) => (raw === null ? null : raw.split(',').filter(Boolean));
const flag = (on: string) => (raw: string | null) => raw === on;

/** Areas a link can select: every level but the city. */
const selectable: readonly AreaLevel[] = Object.values(AreaLevel).filter((level) => level !== AreaLevel.CITY);

export const codecs = {
  view: param('ansicht', oneOf(['karte', 'luecken', 'partner', 'redaktion', 'plan'] as const, 'karte'), (v: View) => (v === 'karte' ? null : v)),
  lang: param('sprache', oneOf(['de', 'en'] as const, 'de'), (v: Lang) => (v === 'de' ? null : v)),
  /** An Aktionsraum (?aktionsraum=023) or an area of another level (?gebiet=UBZ:051). */
  selection: {
    read: (params) => {
      const aktionsraum = params.get('aktionsraum');
      if (aktionsraum) return { level: 'AKTIONSRAUM', code: aktionsraum };
      const [level, code] = (params.get('gebiet') ?? '').split(':');
      return code && selectable.includes(level as AreaLevel) ? { level: level as AreaLevel, code } : null;
    },
    write: (s) => (s === null ? [] : s.level === 'AKTIONSRAUM' ? [['aktionsraum', s.code]] : [['gebiet', `${s.level}:${s.code}`]]),
  } satisfies Codec<Selection | null>,
  categories: param('kategorien', list, (v: string[] | null) => (v ? v.join(',') : null)),
  level: param('ebene', oneOf(plannerLevels, defaultPlanner.level), (v) => v),
  target: param('angebot', (raw) => raw ?? defaultPlanner.target, (v: string) => v),
  ageBand: param('alter', oneOf(plannerAgeBands, defaultPlanner.ageBand), (v) => v),
  threshold: param('entfernung', (raw) => (raw && thresholdInRange(Number(raw)) ? Number(raw) : null), (v: number | null) => (v === null ? null : String(v))),
  measure: param('mass', oneOf(plannerMeasures, defaultPlanner.measure), (v) => v),
  showGaps: param('luecken', (raw) => raw !== '0', (v: boolean) => (v ? null : '0')),
  showCatchments: param('einzug', flag('1'), (v: boolean) => (v ? '1' : null)),
  showChildren: param('kinder', flag('1'), (v: boolean) => (v ? '1' : null)),
  showSchools: param('schulen', flag('1'), (v: boolean) => (v ? '1' : null)),
  /** The partner search's place: a point (?ort=lon,lat) and the facility it is, if any (?einrichtung=). */
  origin: {
    read: (params) => {
      const [longitude, latitude] = (params.get('ort') ?? '').split(',').map(Number);
      if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || !params.get('ort')) return null;
      return { longitude, latitude, facilityKey: params.get('einrichtung'), name: null };
    },
    write: (o) => (o === null ? [] : [['ort', `${o.longitude.toFixed(5)},${o.latitude.toFixed(5)}`], ...(o.facilityKey ? ([['einrichtung', o.facilityKey]] as [string, string][]) : [])]),
  } satisfies Codec<PartnerSettings['origin']>,
  radius: param('umkreis', (raw) => (radii.includes(Number(raw)) ? Number(raw) : defaultPartner.radius), (v: number) => String(v)),
  kinds: param('arten', (raw) => list(raw) ?? defaultPartner.kinds, (v: string[]) => v.join(',')),
  offers: param('angebote', (raw) => list(raw) ?? [], (v: string[]) => (v.length ? v.join(',') : null)),
  startchancen: param('startchancen', flag('1'), (v: boolean) => (v ? '1' : null)),
  /** The scenario mode (?modus=szenario), the stored scenario (?szenario=key) and the draft (?plan=...). */
  scenario: {
    read: (params) => ({
      open: params.get('modus') === 'szenario' || params.has('szenario') || params.has('plan'),
      key: params.get('szenario'),
      changes: decodeChanges(params.get('plan')),
    }),
    write: (s) =>
      s.open
        ? [['modus', 'szenario'], ...(s.key ? ([['szenario', s.key]] as [string, string][]) : []), ...(s.changes.length ? ([['plan', encodeChanges(s.changes)]] as [string, string][]) : [])]
        : [],
  } satisfies Codec<ScenarioState>,
  planYear: param('jahr', (raw) => (raw && Number.isInteger(Number(raw)) ? Number(raw) : null), (v: number | null) => (v === null ? null : String(v))),
};
