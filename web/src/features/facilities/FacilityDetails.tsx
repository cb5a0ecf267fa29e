import type { CategoryInfo, FacilityProperties } from '../../api/queries.ts';
import { labelOf, useLang, useT } from '../app/i18n.ts';

type Props = { facility: FacilityProperties; categories: CategoryInfo[]; onClose: () => void };

export function FacilityDetails({ facility, categories, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const category = categories.find((c) => c.key === facility.category);
  const label = category ? labelOf(lang, category) : facility.category;
  return (
    <section className="facility-details" aria-labelledby="facility-title" data-testid="facility-details">
      <h2 id="facility-title">{facility.name}</h2>
      <dl className="facts">
        <dt>{t('category')}</dt>
        <dd>
          {label}
          {facility.subtype && facility.subtype !== category?.labelDe ? ` (${facility.subtype})` : ''}
        </dd>
        <dt>{t('address')}</dt>
        <dd>{facility.address ?? '–'}</dd>
        {facility.operator && (
          <>
            <dt>{t('operator')}</dt>
            <dd>
              {facility.operator} {t('fromName')}
            </dd>
          </>
        )}
      </dl>
      <button type="button" className="link-button" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}
