// The data each view asks the server for, given the view's state: the planner's coverage, gaps,
// children layer and need x provision; the area profile; the partner search.
import { childrenQuery, GAP_LIMIT, gapQuery, needQuery, plannerQuery, targetInput, thresholdInRange, type PlannerSettings } from '../coverage/plannerQuery.ts';
import { partnerQuery, partnerVariables, type PartnerSettings } from '../partners/partnerQuery.ts';
import { profileQuery, profileVariables, type Selection } from '../profile/profileQuery.ts';
import type { Lang } from '../../kit/i18n.ts';
import type { View } from './urlState.ts';
import { useDebounced, useGraphQL } from '../../kit/useGraphQL.ts';
import { schoolsQuery } from '../schools/schoolLayer.ts';

const thresholdVars = (s: PlannerSettings) => ({ target: targetInput(s.target), ageBand: s.ageBand, threshold: s.threshold });

type ViewState = { view: View; lang: Lang; planner: PlannerSettings; selection: Selection | null; partner: PartnerSettings };

export function useViewData({ view, lang, planner, selection, partner }: ViewState) {
  const planning = view === 'luecken';
  // A typed threshold asks the server once it stops changing, not at every key.
  const threshold = useDebounced(planner.threshold, 400, thresholdInRange);
  const settled = { ...planner, threshold };
  const plannerVars = planning ? { level: planner.level, ...thresholdVars(settled) } : null;
  const showProfile = selection !== null && view !== 'partner' && view !== 'plan';
  const searching = view === 'partner' && partner.origin !== null && partner.kinds.length > 0;
  return {
    planning,
    showProfile,
    searching,
    plannerData: useGraphQL(plannerQuery, plannerVars, { keepPrevious: true, lang }),
    gaps: useGraphQL(gapQuery, planning && planner.showGaps ? { ...thresholdVars(settled), limit: GAP_LIMIT } : null, { keepPrevious: true, lang }),
    schools: useGraphQL(schoolsQuery, planning && planner.showSchools ? {} : null, { keepPrevious: true, lang }),
    children: useGraphQL(childrenQuery, planning && planner.showChildren ? { ageBand: planner.ageBand } : null, { keepPrevious: true, lang }),
    need: useGraphQL(needQuery, plannerVars, { keepPrevious: true, lang }),
    profile: useGraphQL(profileQuery, showProfile && selection ? profileVariables(selection, settled) : null, { lang }),
    partnerResults: useGraphQL(partnerQuery, searching ? partnerVariables({ ...partner, origin: partner.origin! }) : null, { lang }),
  };
}
