// The profile's facilities in the area and up to NEAR_METRES outside, by category.
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import type { CategoryInfo } from '../../api/queries.ts';
import { childCategoryKeys, NEAR_METRES, type ProfileData } from './profileQuery.ts';

export function ProfileFacilities({ data, categories }: { data: ProfileData; categories: CategoryInfo[] }) {
  const t = useT();
  const lang = useLang();
  const countBy = (features: ProfileData['inside']['features']) => {
    const counts = new Map<string, number>();
    for (const f of features) counts.set(f.properties.category, (counts.get(f.properties.category) ?? 0) + 1);
    return counts;
  };
  const [insideCounts, nearCounts] = [countBy(data.inside.features), countBy(data.near.features)];
  // A child profile lists the offers for children and families, not the city's other services.
  const keys = childCategoryKeys(categories).filter((key) => insideCounts.has(key) || nearCounts.has(key));
  const names = (key: string) => data.inside.features.filter((f) => f.properties.category === key);
  return (
    <>
      <h3>{t('facilitiesInside', { n: keys.reduce((sum, key) => sum + (insideCounts.get(key) ?? 0), 0) })}</h3>
      {keys.length === 0 ? (
        <p>{t('noFacilities')}</p>
      ) : (
        <table className="figures counts" data-testid="area-counts">
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('count')}</th>
              <th scope="col">{t('nearColumn', { m: NEAR_METRES })}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const category = categories.find((c) => c.key === key)!;
              const inside = names(key);
              return (
                <tr key={key} data-category={key}>
                  <td>
                    {inside.length > 0 ? (
                      <details>
                        <summary>{labelOf(lang, category)}</summary>
                        <ul className="facility-names">
                          {inside.map((f) => (
                            <li key={f.properties.key}>
                              {f.properties.name}
                              {f.properties.address ? `, ${f.properties.address}` : ''}
                              {f.properties.phone ? `, ${t('phone')} ${f.properties.phone}` : ''}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      labelOf(lang, category)
                    )}
                  </td>
                  <td>{insideCounts.get(key) ?? 0}</td>
                  <td>{nearCounts.get(key) ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
