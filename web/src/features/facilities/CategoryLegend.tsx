// Legend and toggles of the facility categories, grouped by field of action.
import type { AtlasData } from '../../api/queries.ts';
import { colorOf, defaultCategories } from './categoryStyle.ts';

type Props = {
  taxonomy: AtlasData['taxonomy'];
  selected: string[];
  onChange: (categories: string[]) => void;
};

export function CategoryLegend({ taxonomy, selected, onChange }: Props) {
  const toggle = (key: string) => onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Einrichtungen</h2>
      <div className="legend-actions">
        <button type="button" onClick={() => onChange(defaultCategories)}>
          Angebote für Kinder
        </button>
        <button type="button" onClick={() => onChange(taxonomy.categories.map((c) => c.key))}>
          Alle
        </button>
        <button type="button" onClick={() => onChange([])}>
          Keine
        </button>
      </div>
      {taxonomy.fieldsOfAction.map((field) => (
        <fieldset key={field.key}>
          <legend>{field.labelDe}</legend>
          {taxonomy.categories
            .filter((c) => c.fieldOfAction === field.key)
            .map((c) => (
              <label key={c.key} className="legend-item">
                <input type="checkbox" checked={selected.includes(c.key)} onChange={() => toggle(c.key)} data-category={c.key} />
                <span className="swatch" style={{ background: colorOf(c) }} aria-hidden="true" />
                {c.labelDe} <span className="count">({c.facilityCount})</span>
              </label>
            ))}
        </fieldset>
      ))}
    </section>
  );
}
