// The scenario mode of the gap view: planned changes placed on the map, their effect on the
// children within reach (per Aktionsraum and for the city, before and after, with the need x
// provision rank), equity before and after, site suggestions that join the scenario with one
// click, and saving it with a read-only link.
import { useState } from 'react';
import type { AtlasData } from '../../api/queries.ts';
import { ScenarioChangeKind, type ScenarioEffectQuery, type SiteSuggestionsQuery } from '../../gql/graphql.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import { formatNumber } from '../../kit/format.ts';
import { write } from '../../kit/write.ts';
import type { Me } from '../editing/Session.tsx';
import { createScenarioMutation, updateScenarioMutation } from './planningApi.ts';
import { ScenarioEffectView } from './ScenarioEffectView.tsx';
import { changesInput, type DraftChange, type ScenarioDraft } from './scenarioDraft.ts';
import type { SuggestRequest } from './useScenario.ts';
import { CAPACITY } from '../../../../domain/coverageRules.ts';

export type PickedFacility = { key: string; name: string; category: string };

type Props = {
  taxonomy: AtlasData['taxonomy'];
  aktionsraeume: { code: string; name: string }[];
  /** The categories a new facility may have (those of the planner's target). */
  categories: string[];
  newCategory: string;
  onNewCategory: (category: string) => void;
  newCapacity: number | null;
  onNewCapacity: (capacity: number | null) => void;
  draft: ScenarioDraft;
  onDraft: (draft: ScenarioDraft) => void;
  picked: PickedFacility | null;
  onPick: (picked: PickedFacility | null) => void;
  moving: PickedFacility | null;
  onMove: (facility: PickedFacility | null) => void;
  effect: AsyncState<ScenarioEffectQuery>;
  suggestions: AsyncState<SiteSuggestionsQuery> | null;
  suggestFor: string | null;
  /** Suggestions need one category as the target (not a field of action). */
  canSuggest: boolean;
  onSuggest: (request: SuggestRequest) => void;
  me: Me;
  /** Opens the action plan with this scenario for a new measure. */
  onToMeasure: (scenarioKey: string) => void;
};

const _percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${formatNumber(share * 100, 1)} %`);
const _figure = (value: number | null | undefined, decimals = 3) => (value === null || value === undefined ? '–' : formatNumber(value, decimals));

export function ScenarioPanel(props: Props) {
  const { taxonomy, aktionsraeume, categories, draft, onDraft, picked, onPick, moving, onMove, effect, suggestions, me } = props;
  const t = useT();
  const lang = useLang();
  const [suggestArea, setSuggestArea] = useState<string>(props.suggestFor ?? '');
  const [count, setCount] = useState(3);
  const [weight, setWeight] = useState(true);
  const [title, setTitle] = useState(draft.title);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const categoryLabel = (key: string | undefined) => {
    const c = taxonomy.categories.find((x) => x.key === key);
    return c ? labelOf(lang, c) : (key ?? '');
  };
  const describe = (c: DraftChange) =>
    t(`change_${c.kind}`, {
      what:
        c.kind === 'ADD'
          ? `${c.label ?? categoryLabel(c.category)}${c.capacity !== undefined ? ` (${c.capacity})` : ''}`
          : `${c.label ?? c.facilityKey}${c.kind === 'CAPACITY' ? ` → ${c.capacity}` : ''}`,
    });
  const setChanges = (changes: DraftChange[]) => onDraft({ ...draft, changes });
  const canSave = me !== null && (me.role === 'PLANNER' || me.role === 'ADMIN');
  const save = async () => {
    setSaveError(null);
    try {
      const input = { title: title.trim() || t('scenarioTitle'), changes: changesInput(draft.changes) };
      // Someone else's scenario is saved as a copy of one's own.
      const own = draft.key !== null && draft.version !== null && (draft.owner === null || draft.owner === me?.login || me?.role === 'ADMIN');
      const result = own
        ? (await write(updateScenarioMutation, { key: draft.key!, version: draft.version!, input }, lang)).updateScenario
        : (await write(createScenarioMutation, { input }, lang)).createScenario;
      onDraft({ ...draft, key: result.key, version: result.version, owner: result.owner, title: input.title });
      setSaved(result.key);
    } catch (error) {
      setSaveError((error as Error).message);
    }
  };
  const link = (key: string) => `${window.location.origin}${window.location.pathname}?ansicht=luecken&szenario=${encodeURIComponent(key)}`;
  const value = effect.status === 'done' ? effect.value.scenarioEffect : null;

  return (
    <section aria-labelledby="scenario-title" data-testid="scenario" className="scenario">
      <h3 id="scenario-title">{t('scenarioTitle')}</h3>
      <p className="hint">{t('scenarioHint')}</p>
      <div className="scenario-new">
        <label>
          {t('scenarioNewCategory')}
          <select value={props.newCategory} onChange={(e) => props.onNewCategory(e.target.value)} data-testid="scenario-category">
            {categories.map((key) => (
              <option key={key} value={key}>
                {categoryLabel(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scenarioNewCapacity')}
          <input
            type="number"
            min={CAPACITY.min}
            max={CAPACITY.max}
            value={props.newCapacity ?? ''}
            onChange={(e) => props.onNewCapacity(e.target.value === '' ? null : Math.max(CAPACITY.min, Math.min(CAPACITY.max, Math.round(Number(e.target.value)))))}
          />
        </label>
      </div>
      {picked && (
        <div className="scenario-picked" data-testid="scenario-picked">
          <p>{t('scenarioPicked', { name: picked.name })}</p>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setChanges([...draft.changes.filter((c) => c.facilityKey !== picked.key), { kind: ScenarioChangeKind.CLOSE, facilityKey: picked.key, label: picked.name }]);
              onPick(null);
            }}
          >
            {t('scenarioCloseFacility')}
          </button>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              onMove(picked);
              onPick(null);
            }}
          >
            {t('scenarioMoveFacility')}
          </button>
        </div>
      )}
      {moving && (
        <p role="status" className="estimate">
          {t('scenarioMovePending', { name: moving.name })}
        </p>
      )}
      <h4>{t('scenarioChanges')}</h4>
      {draft.changes.length === 0 ? (
        <p>{t('scenarioNoChanges')}</p>
      ) : (
        <ol className="scenario-changes" data-testid="scenario-changes">
          {draft.changes.map((c, i) => (
            <li key={`${c.kind}-${c.facilityKey ?? ''}-${c.longitude ?? ''}-${c.latitude ?? ''}`}>
              {describe(c)}{' '}
              <button type="button" className="small-button" aria-label={`${t('scenarioRemoveChange')}: ${describe(c)}`} onClick={() => setChanges(draft.changes.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {effect.status === 'loading' && <p role="status">{t('scenarioComputing')}</p>}
      {effect.status === 'error' && (
        <p role="alert" className="error">
          {t('scenarioFailed')} {effect.message}
        </p>
      )}
      {value && <ScenarioEffectView value={value} suggestFor={props.suggestFor} />}
      <section aria-labelledby="suggest-title" className="suggest">
        <h4 id="suggest-title">{t('suggestTitle')}</h4>
        {!props.canSuggest && <p className="hint">{t('suggestNeedsCategory')}</p>}
        <div className="scenario-new" hidden={!props.canSuggest}>
          <label>
            {t('suggestArea')}
            <select value={suggestArea} onChange={(e) => setSuggestArea(e.target.value)} data-testid="suggest-area">
              <option value="">{t('suggestCity')}</option>
              {aktionsraeume.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('suggestCount')}
            <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={weight} onChange={(e) => setWeight(e.target.checked)} /> {t('suggestWeight')}
          </label>
        </div>
        <button type="button" className="small-button" hidden={!props.canSuggest} onClick={() => props.onSuggest({ area: suggestArea || null, count, weight })} data-testid="suggest-run">
          {t('suggestRun')}
        </button>
        {suggestions?.status === 'loading' && <p role="status">{t('suggestLoading')}</p>}
        {suggestions?.status === 'error' && (
          <p role="alert" className="error">
            {t('suggestFailed')} {suggestions.message}
          </p>
        )}
        {suggestions?.status === 'done' && (
          <>
            <p>{t('suggestBeyond', { n: suggestions.value.siteSuggestions.childrenBeyond.display })}</p>
            {suggestions.value.siteSuggestions.suggestions.length === 0 ? (
              <p>{t('suggestNone')}</p>
            ) : (
              <ol className="suggestions" data-testid="suggestions">
                {suggestions.value.siteSuggestions.suggestions.map((s) => (
                  <li key={s.rank}>
                    {t('suggestRow', { area: s.subDistrict?.name ?? '', n: s.childrenGained.display, sum: s.cumulativeChildren.display })}{' '}
                    <button
                      type="button"
                      className="small-button"
                      data-testid="suggestion-add"
                      disabled={draft.changes.some((c) => c.longitude === s.location.longitude && c.latitude === s.location.latitude)}
                      onClick={() =>
                        setChanges([
                          ...draft.changes,
                          {
                            kind: ScenarioChangeKind.ADD,
                            category: props.newCategory,
                            longitude: s.location.longitude,
                            latitude: s.location.latitude,
                            capacity: props.newCapacity ?? undefined,
                          },
                        ])
                      }
                    >
                      {t('suggestAdd')}
                    </button>
                  </li>
                ))}
              </ol>
            )}
            <details className="hint">
              <summary>{t('suggestTitle')}</summary>
              {suggestions.value.siteSuggestions.siteMethod}
            </details>
          </>
        )}
      </section>
      <section className="scenario-save">
        {canSave ? (
          <>
            <label>
              {t('scenarioName')}
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="scenario-name" />
            </label>
            <button type="button" className="small-button" onClick={save} disabled={draft.changes.length === 0} data-testid="scenario-save">
              {t('scenarioSave')}
            </button>
          </>
        ) : (
          <p className="hint">{t('scenarioSaveNeedsPlanner')}</p>
        )}
        {saveError && (
          <p role="alert" className="error">
            {saveError}
          </p>
        )}
        {(saved ?? draft.key) && (
          <p data-testid="scenario-link">
            {t('scenarioSaved')} <a href={link((saved ?? draft.key)!)}>{link((saved ?? draft.key)!)}</a>{' '}
            <button type="button" className="small-button" onClick={() => props.onToMeasure((saved ?? draft.key)!)} data-testid="scenario-to-measure">
              {t('scenarioToMeasure')}
            </button>
          </p>
        )}
        {draft.changes.length > 0 && (
          <button type="button" className="small-button" onClick={() => onDraft({ ...draft, changes: [] })}>
            {t('scenarioDiscard')}
          </button>
        )}
      </section>
    </section>
  );
}
