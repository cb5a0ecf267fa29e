import type { CategoryInfo, FacilityProperties } from '../../api/queries.ts';

type Props = { facility: FacilityProperties; categories: CategoryInfo[]; onClose: () => void };

export function FacilityDetails({ facility, categories, onClose }: Props) {
  const category = categories.find((c) => c.key === facility.category);
  return (
    <section className="facility-details" aria-labelledby="facility-title" data-testid="facility-details">
      <h2 id="facility-title">{facility.name}</h2>
      <dl className="facts">
        <dt>Kategorie</dt>
        <dd>
          {category?.labelDe ?? facility.category}
          {facility.subtype && facility.subtype !== category?.labelDe ? ` (${facility.subtype})` : ''}
        </dd>
        <dt>Adresse</dt>
        <dd>{facility.address ?? 'nicht bekannt'}</dd>
        {facility.operator && (
          <>
            <dt>Träger</dt>
            <dd>{facility.operator} (aus dem Namen abgeleitet)</dd>
          </>
        )}
      </dl>
      <button type="button" className="link-button" onClick={onClose}>
        Schließen
      </button>
    </section>
  );
}
