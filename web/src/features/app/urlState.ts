// State worth sharing lives in the URL, so that a copied link opens the same view: view, language,
// selected area, shown categories, the gap map's settings and the partner search
// (?ansicht=luecken&angebot=kita&alter=AGE_0_5&...). The map position is in the hash (#karte=...).
import { AreaLevel } from '../../gql/graphql.ts';
import { plannerAgeBands, plannerLevels, plannerMeasures, type PlannerSettings } from '../coverage/plannerQuery.ts';
import { defaultKinds, radii, type PartnerSettings } from '../partners/partnerQuery.ts';
import { decodeChanges, encodeChanges, type DraftChange } from '../planning/scenarioDraft.ts';
import type { Selection } from '../profile/profileQuery.ts';
import type { Lang } from '../../kit/i18n.ts';

export type View = 'karte' | 'luecken' | 'partner' | 'redaktion' | 'plan';

/** The scenario of the gap view: shown or not, the stored one it came from, its changes. */
export type ScenarioState = { open: boolean; key: string | null; changes: DraftChange[] };

export type UrlState = {
  view: View;
  lang: Lang;
  selection: Selection | null;
  categories: string[] | null;
  planner: PlannerSettings;
  partner: PartnerSettings;
  scenario: ScenarioState;
  /** The action plan's budget year (null: the current year). */
  planYear: number | null;
};

export const defaultPlanner: PlannerSettings = {
  level: 'AKTIONSRAUM',
  target: 'kita',
  ageBand: 'AGE_0_5',
  threshold: null,
  measure: 'shareWithin',
  showGaps: true,
  showCatchments: false,
  showChildren: false,
};

export const defaultPartner: PartnerSettings = { origin: null, radius: 1000, kinds: defaultKinds, offers: [] };

/** Areas a link can select: every level but the city. */
const levels: readonly AreaLevel[] = Object.values(AreaLevel).filter((level) => level !== AreaLevel.CITY);

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

const list = (value: string | null) => (value === null ? null : value.split(',').filter(Boolean));

function readSelection(params: URLSearchParams): Selection | null {
  const aktionsraum = params.get('aktionsraum');
  if (aktionsraum) return { level: 'AKTIONSRAUM', code: aktionsraum };
  const [level, code] = (params.get('gebiet') ?? '').split(':');
  return code && levels.includes(level as AreaLevel) ? { level: level as AreaLevel, code } : null;
}

function readOrigin(params: URLSearchParams): PartnerSettings['origin'] {
  const [longitude, latitude] = (params.get('ort') ?? '').split(',').map(Number);
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || !params.get('ort')) return null;
  return { longitude, latitude, facilityKey: params.get('einrichtung'), name: null };
}

export function readUrlState(search = window.location.search): UrlState {
  const params = new URLSearchParams(search);
  const threshold = Number(params.get('entfernung'));
  const radius = Number(params.get('umkreis'));
  return {
    view: oneOf(params.get('ansicht'), ['karte', 'luecken', 'partner', 'redaktion', 'plan'] as const, 'karte'),
    lang: oneOf(params.get('sprache'), ['de', 'en'] as const, 'de'),
    selection: readSelection(params),
    categories: list(params.get('kategorien')),
    planner: {
      level: oneOf(params.get('ebene'), plannerLevels, defaultPlanner.level),
      target: params.get('angebot') ?? defaultPlanner.target,
      ageBand: oneOf(params.get('alter'), plannerAgeBands, defaultPlanner.ageBand),
      threshold: params.get('entfernung') && Number.isFinite(threshold) ? threshold : null,
      measure: oneOf(params.get('mass'), plannerMeasures, defaultPlanner.measure),
      showGaps: params.get('luecken') !== '0',
      showCatchments: params.get('einzug') === '1',
      showChildren: params.get('kinder') === '1',
    },
    partner: {
      origin: readOrigin(params),
      radius: radii.includes(radius) ? radius : defaultPartner.radius,
      kinds: list(params.get('arten')) ?? defaultPartner.kinds,
      offers: list(params.get('angebote')) ?? [],
    },
    scenario: {
      open: params.get('modus') === 'szenario' || params.has('szenario') || params.has('plan'),
      key: params.get('szenario'),
      changes: decodeChanges(params.get('plan')),
    },
    planYear: Number.isInteger(Number(params.get('jahr'))) && params.get('jahr') ? Number(params.get('jahr')) : null,
  };
}

/** The query string (without "?") that readUrlState turns back into the same state. */
export function urlSearchOf(state: UrlState): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null) => value !== null && params.set(key, value);
  if (state.view !== 'karte') set('ansicht', state.view);
  if (state.lang !== 'de') set('sprache', state.lang);
  if (state.selection?.level === 'AKTIONSRAUM') set('aktionsraum', state.selection.code);
  else if (state.selection) set('gebiet', `${state.selection.level}:${state.selection.code}`);
  if (state.view === 'karte') set('kategorien', state.categories ? state.categories.join(',') : null);
  if (state.view === 'luecken' || (state.selection && state.view !== 'partner')) {
    const { planner } = state;
    set('ebene', planner.level);
    set('angebot', planner.target);
    set('alter', planner.ageBand);
    set('entfernung', planner.threshold === null ? null : String(planner.threshold));
    set('mass', planner.measure);
    if (!planner.showGaps) set('luecken', '0');
    if (planner.showCatchments) set('einzug', '1');
    if (planner.showChildren) set('kinder', '1');
  }
  if (state.view === 'luecken' && state.scenario.open) {
    set('modus', 'szenario');
    set('szenario', state.scenario.key);
    if (state.scenario.changes.length) set('plan', encodeChanges(state.scenario.changes));
  }
  if (state.view === 'plan' && state.planYear !== null) set('jahr', String(state.planYear));
  if (state.view === 'partner') {
    const { origin, radius, kinds } = state.partner;
    if (origin) set('ort', `${origin.longitude.toFixed(5)},${origin.latitude.toFixed(5)}`);
    if (origin?.facilityKey) set('einrichtung', origin.facilityKey);
    set('umkreis', String(radius));
    set('arten', kinds.join(','));
    if (state.partner.offers.length) set('angebote', state.partner.offers.join(','));
  }
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

export function writeUrlState(state: UrlState) {
  const search = urlSearchOf(state);
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}
