// Legend and toggles of the facility categories, grouped by field of action.
import type { AtlasData } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { colorOf, defaultCategories } from './categoryStyle.ts';

type Props = {
  taxonomy: AtlasData['taxonomy'];
  selected: string[];
  onChange: (categories: string[]) => void;
};

export function CategoryLegend({ taxonomy, selected, onChange }: Props) {
  const t = useT();
  const lang = useLang();
  const toggle = (key: string) => onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('facilities')}</h2>
      <div className="legend-actions">
        <button type="button" onClick={() => onChange(defaultCategories)}>
          {t('forChildren')}
        </button>
        <button type="button" onClick={() => onChange(taxonomy.categories.map((c) => c.key))}>
          {t('showAll')}
        </button>
        <button type="button" onClick={() => onChange([])} data-testid="categories-none">
          {t('showNone')}
        </button>
      </div>
      {taxonomy.fieldsOfAction.map((field) => (
        <fieldset key={field.key}>
          <legend>{labelOf(lang, field)}</legend>
          {taxonomy.categories
            .filter((c) => c.fieldOfAction === field.key)
            .map((c) => (
              <label key={c.key} className="legend-item">
                <input type="checkbox" checked={selected.includes(c.key)} onChange={() => toggle(c.key)} data-category={c.key} />
                <span className="swatch" style={{ background: colorOf(c) }} aria-hidden="true" />
                {labelOf(lang, c)} <span className="count">({c.facilityCount})</span>
              </label>
            ))}
        </fieldset>
      ))}
    </section>
  );
}
