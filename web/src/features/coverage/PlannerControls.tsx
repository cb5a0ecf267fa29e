import type { AtlasData } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { plannerAgeBands as bands, plannerLevels as levels, plannerMeasures as measures, thresholdInRange, type PlannerSettings } from './plannerQuery.ts';
import { formatNumber } from '../../kit/format.ts';
import { THRESHOLD_METRES } from '../../../../domain/coverageRules.ts';

type Props = { taxonomy: AtlasData['taxonomy']; settings: PlannerSettings; onChange: (settings: PlannerSettings) => void };

/** Field of action, age band, threshold, area level, measure and layers of the gap map. */
export function PlannerControls({ taxonomy, settings, onChange }: Props) {
  const t = useT();
  const lang = useLang();
  const set = <K extends keyof PlannerSettings>(key: K, value: PlannerSettings[K]) => onChange({ ...settings, [key]: value });
  const childFields = taxonomy.fieldsOfAction.filter((f) => f.key !== 'SONSTIGE');
  return (
    <form className="planner-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('plannerSettings')}>
      <label className="wide">
        {t('offer')}
        <select value={settings.target} onChange={(e) => onChange({ ...settings, target: e.target.value, threshold: null })} data-testid="planner-target">
          {childFields.map((field) => (
            <optgroup key={field.key} label={labelOf(lang, field)}>
              <option value={`field:${field.key}`}>
                {labelOf(lang, field)} ({t('allOfField')})
              </option>
              {taxonomy.categories
                .filter((c) => c.fieldOfAction === field.key)
                .map((c) => (
                  <option key={c.key} value={c.key}>
                    {labelOf(lang, c)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        {t('age')}
        <select
          value={settings.ageBand}
          onChange={(e) => onChange({ ...settings, ageBand: e.target.value as PlannerSettings['ageBand'], threshold: null })}
          data-testid="planner-age"
        >
          {bands.map((value) => (
            <option key={value} value={value}>
              {t(`age_${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('distanceMetres')}
        <input
          type="number"
          min={THRESHOLD_METRES.min}
          max={THRESHOLD_METRES.max}
          step={50}
          placeholder={t('defaultValue')}
          value={settings.threshold ?? ''}
          onChange={(e) => set('threshold', e.target.value === '' ? null : Number(e.target.value))}
          aria-invalid={!thresholdInRange(settings.threshold)}
          aria-describedby={thresholdInRange(settings.threshold) ? undefined : 'threshold-range'}
          data-testid="planner-threshold"
        />
        {!thresholdInRange(settings.threshold) && (
          <span id="threshold-range" className="field-hint" role="status" data-testid="threshold-range">
            {t('thresholdRange', { min: formatNumber(THRESHOLD_METRES.min, 0), max: formatNumber(THRESHOLD_METRES.max, 0) })}
          </span>
        )}
      </label>
      <label>
        {t('areas')}
        <select value={settings.level} onChange={(e) => set('level', e.target.value as PlannerSettings['level'])} data-testid="planner-level">
          {levels.map((value) => (
            <option key={value} value={value}>
              {t(`level_${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('measure')}
        <select value={settings.measure} onChange={(e) => set('measure', e.target.value as PlannerSettings['measure'])} data-testid="planner-measure">
          {measures.map((value) => (
            <option key={value} value={value}>
              {t(`measure_${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check wide">
        <input type="checkbox" checked={settings.showGaps} onChange={(e) => set('showGaps', e.target.checked)} data-testid="planner-gaps" />
        {t('showGaps')}
      </label>
      <label className="check wide">
        <input type="checkbox" checked={settings.showChildren} onChange={(e) => set('showChildren', e.target.checked)} data-testid="planner-children" />
        {t('showChildren')}
      </label>
      <label className="check wide">
        <input type="checkbox" checked={settings.showSchools} onChange={(e) => set('showSchools', e.target.checked)} data-testid="planner-schools" />
        {t('showSchools')}
      </label>
      <label className="check wide">
        <input type="checkbox" checked={settings.showCatchments} onChange={(e) => set('showCatchments', e.target.checked)} data-testid="planner-catchments" />
        {t('showCatchments')}
      </label>
    </form>
  );
}
