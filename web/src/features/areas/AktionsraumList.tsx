import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaProperties } from '../../api/queries.ts';
import { useT } from '../../kit/i18n.ts';

type Props = {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
  onSelect: (code: string) => void;
};

/** The 13 Aktionsräume as buttons: the keyboard way to what a click on the map opens. */
export function AktionsraumList({ areas, onSelect }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{t('aktionsraeume')}</h2>
      <p className="hint">{t('aktionsraeumeHint')}</p>
      <ul className="area-list">
        {areas.features.map(({ properties: area }) => (
          <li key={area.code}>
            <button type="button" onClick={() => onSelect(area.code)} data-focus-key={`aktionsraum:${area.code}`}>
              {area.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
