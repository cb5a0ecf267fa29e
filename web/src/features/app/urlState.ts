// State worth sharing lives in the URL, so that a copied link opens the same view: view, language,
// selected area, shown categories, the gap map's settings and the partner search
// (?ansicht=luecken&angebot=kita&alter=AGE_0_5&...). The map position is in the hash (#karte=...).
// Each parameter's codec is in urlCodecs.ts.
import type { Lang } from '../../kit/i18n.ts';
import type { PartnerSettings } from '../partners/partnerQuery.ts';
import type { PlannerSettings } from '../coverage/plannerQuery.ts';
import type { Selection } from '../profile/profileQuery.ts';
import { codecs, type ScenarioState, type View } from './urlCodecs.ts';

export { defaultPartner, defaultPlanner, type ScenarioState, type View } from './urlCodecs.ts';

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

export function readUrlState(search = window.location.search): UrlState {
  const params = new URLSearchParams(search);
  const read = <K extends keyof typeof codecs>(key: K) => codecs[key].read(params) as ReturnType<(typeof codecs)[K]['read']>;
  return {
    view: read('view'),
    lang: read('lang'),
    selection: read('selection'),
    categories: read('categories'),
    planner: {
      level: read('level'),
      target: read('target'),
      ageBand: read('ageBand'),
      threshold: read('threshold'),
      measure: read('measure'),
      showGaps: read('showGaps'),
      showCatchments: read('showCatchments'),
      showChildren: read('showChildren'),
      showSchools: read('showSchools'),
    },
    partner: { origin: read('origin'), radius: read('radius'), kinds: read('kinds'), offers: read('offers'), startchancen: read('startchancen') },
    scenario: read('scenario'),
    planYear: read('planYear'),
  };
}

/** The query string (without "?") that readUrlState turns back into the same state; each view writes what it shows. */
export function urlSearchOf(state: UrlState): string {
  const entries: [string, string][] = [...codecs.view.write(state.view), ...codecs.lang.write(state.lang), ...codecs.selection.write(state.selection)];
  if (state.view === 'karte') entries.push(...codecs.categories.write(state.categories));
  if (state.view === 'luecken' || (state.selection && state.view !== 'partner')) {
    const { planner: p } = state;
    entries.push(
      ...codecs.level.write(p.level),
      ...codecs.target.write(p.target),
      ...codecs.ageBand.write(p.ageBand),
      ...codecs.threshold.write(p.threshold),
      ...codecs.measure.write(p.measure),
      ...codecs.showGaps.write(p.showGaps),
      ...codecs.showCatchments.write(p.showCatchments),
      ...codecs.showChildren.write(p.showChildren),
      ...codecs.showSchools.write(p.showSchools),
    );
  }
  if (state.view === 'luecken') entries.push(...codecs.scenario.write(state.scenario));
  if (state.view === 'plan') entries.push(...codecs.planYear.write(state.planYear));
  if (state.view === 'partner') {
    const { partner: p } = state;
    entries.push(...codecs.origin.write(p.origin), ...codecs.radius.write(p.radius), ...codecs.kinds.write(p.kinds), ...codecs.offers.write(p.offers), ...codecs.startchancen.write(p.startchancen));
  }
  return new URLSearchParams(entries).toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

export function writeUrlState(state: UrlState) {
  const search = urlSearchOf(state);
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}
