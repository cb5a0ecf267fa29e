// The scenario's data for the gap view: its effect on the planner's target (asked again whenever
// a change or a setting changes, the previous answer kept on screen meanwhile) and, when asked,
// site suggestions on top of the draft.
import { AreaLevel } from '../../gql/graphql.ts';
import { targetInput, thresholdInRange, type PlannerSettings } from '../coverage/plannerQuery.ts';
import type { Lang } from '../../kit/i18n.ts';
import { useDebounced, useGraphQL } from '../../kit/useGraphQL.ts';
import { changesInput, type ScenarioDraft } from './scenarioDraft.ts';
import { scenarioEffectQuery, siteSuggestionsQuery } from './planningApi.ts';

/** A request for suggestions: where, how many, weighted or not (null: none asked). */
export type SuggestRequest = { area: string | null; count: number; weight: boolean } | null;

export function useScenarioData({ open, draft, planner, lang, suggest }: { open: boolean; draft: ScenarioDraft; planner: PlannerSettings; lang: Lang; suggest: SuggestRequest }) {
  const threshold = useDebounced(planner.threshold, 400, thresholdInRange);
  const changes = changesInput(draft.changes);
  const category = planner.target.startsWith('field:') ? null : planner.target;
  const effect = useGraphQL(
    scenarioEffectQuery,
    open ? { changes, target: targetInput(planner.target), ageBand: planner.ageBand, threshold, level: AreaLevel.AKTIONSRAUM } : null,
    { keepPrevious: true, lang },
  );
  const suggestions = useGraphQL(
    siteSuggestionsQuery,
    open && suggest && category
      ? {
          category,
          ageBand: planner.ageBand,
          threshold,
          area: suggest.area ? { level: AreaLevel.AKTIONSRAUM, code: suggest.area } : null,
          count: suggest.count,
          weight: suggest.weight,
          changes,
        }
      : null,
    { lang },
  );
  return { effect, suggestions: open && suggest && category ? suggestions : null, category };
}
