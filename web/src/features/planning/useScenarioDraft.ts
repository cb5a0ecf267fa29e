// The scenario being built in the gap view: the draft (from the link, then from its stored
// scenario), the facility picked or being moved, the kind and places of the next planned facility,
// the open site-suggestion request, and what a click on the map does to the draft.
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { scenarioQuery } from './planningApi.ts';
import type { PickedFacility } from './ScenarioPanel.tsx';
import { type DraftChange, draftFromStored, type ScenarioDraft, withAdded, withMove } from './scenarioDraft.ts';
import type { SuggestRequest } from './useScenario.ts';

export function useScenarioDraft(initial: { key: string | null; changes: DraftChange[] }, lang: Lang) {
  const [draft, setDraft] = useState<ScenarioDraft>({ key: initial.key, version: null, owner: null, title: '', changes: initial.changes });
  const [picked, setPicked] = useState<PickedFacility | null>(null);
  const [moving, setMoving] = useState<PickedFacility | null>(null);
  const [newCategory, setNewCategory] = useState<string | null>(null);
  const [newCapacity, setNewCapacity] = useState<number | null>(null);
  const [suggest, setSuggest] = useState<SuggestRequest>(null);
  // A link to a stored scenario loads its changes (and its version, for saving it again).
  const stored = useGraphQL(scenarioQuery, draft.key && draft.version === null ? { key: draft.key } : null, { lang });
  useEffect(() => {
    if (stored.status === 'done' && stored.value.scenario) setDraft((d) => draftFromStored(d, stored.value.scenario!));
  }, [stored]);

  /**
   * A click on the map while the scenario is open: it ends a move, picks a facility of the target
   * kinds, or plans a new facility of the chosen kind (the first target kind by default).
   */
  const clickMap = useCallback(
    (targets: string[], longitude: number, latitude: number, facility: PickedFacility | null) => {
      if (moving) {
        setMoving(null);
        return setDraft((d) => withMove(d, moving, longitude, latitude));
      }
      if (facility && targets.includes(facility.category)) return setPicked(facility);
      const category = newCategory && targets.includes(newCategory) ? newCategory : targets[0];
      setDraft((d) => withAdded(d, category, longitude, latitude, newCapacity));
    },
    [moving, newCategory, newCapacity],
  );

  return { draft, setDraft, picked, setPicked, moving, setMoving, newCategory, setNewCategory, newCapacity, setNewCapacity, suggest, setSuggest, clickMap };
}
