// Side panel of one Aktionsraum: borough, size, facilities by category, child poverty 2018/2024.
import { graphql } from '../../api/graphql.ts';
import { areaProfileQuery, type AreaProfile } from '../../api/queries.ts';
import { useAsync } from '../app/useAsync.ts';
import { formatNumber } from './format.ts';
import { ReachTable } from './ReachTable.tsx';

type Props = { code: string; onClose: () => void };

export function AreaPanel({ code, onClose }: Props) {
  const profile = useAsync(() => graphql<AreaProfile>(areaProfileQuery, { level: 'AKTIONSRAUM', code }), [code]);
  return (
    <section className="area-panel" aria-labelledby="area-title" data-testid="area-panel">
      <button type="button" className="link-button" onClick={onClose}>
        ← Alle Aktionsräume
      </button>
      {profile.status === 'loading' && <p role="status">Steckbrief wird geladen …</p>}
      {profile.status === 'error' && <p role="alert" className="error">Der Steckbrief konnte nicht geladen werden: {profile.message}</p>}
      {profile.status === 'done' && !profile.value.area && <p role="alert">Es gibt keinen Aktionsraum mit der Nummer {code}.</p>}
      {profile.status === 'done' && profile.value.area && <AreaDetails area={profile.value.area} />}
    </section>
  );
}

function AreaDetails({ area }: { area: NonNullable<AreaProfile['area']> }) {
  const borough = area.parents.find((p) => p.level === 'STADTBEZIRK');
  const poverty = [2018, 2024].map((year) => area.indicators.find((i) => i.year === year));
  const total = area.facilityCounts.reduce((sum, c) => sum + c.count, 0);
  return (
    <>
      <h2 id="area-title">Aktionsraum {area.name}</h2>
      <dl className="facts">
        <dt>Stadtbezirk</dt>
        <dd data-testid="area-borough">{borough?.name ?? '–'}</dd>
        <dt>Fläche</dt>
        <dd>{formatNumber(area.areaKm2, 2)} km²</dd>
        <dt>Unterbezirke</dt>
        <dd>{area.subDistricts.map((s) => `${s.code} ${s.name}`).join(', ')}</dd>
      </dl>
      <h3>Kinderarmut</h3>
      <p className="hint">{poverty[0]?.indicator.labelDe ?? 'Anteil unter 15-Jähriger mit SGB-II-Leistungen'}</p>
      <table className="figures" data-testid="area-poverty">
        <thead>
          <tr>
            <th scope="col">2018</th>
            <th scope="col">2024</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {poverty.map((value, i) => (
              <td key={i}>{value ? `${formatNumber(value.value, 1)} %` : 'keine Angabe'}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {poverty.some((p) => p?.isEstimate) && (
        <p className="estimate" title={poverty.find((p) => p)?.method}>
          Schätzung: ungewichteter Mittelwert der veröffentlichten Werte der Unterbezirke (die Stadt veröffentlicht keinen Wert
          für den Aktionsraum).
        </p>
      )}
      <h3>Erreichbarkeit für Kinder</h3>
      <ReachTable code={area.code} />
      <h3>Einrichtungen im Aktionsraum ({total})</h3>
      {area.facilityCounts.length === 0 ? (
        <p>Keine Einrichtungen erfasst.</p>
      ) : (
        <table className="figures counts" data-testid="area-counts">
          <thead>
            <tr>
              <th scope="col">Kategorie</th>
              <th scope="col">Anzahl</th>
            </tr>
          </thead>
          <tbody>
            {area.facilityCounts.map((c) => (
              <tr key={c.category.key} data-category={c.category.key}>
                <td>{c.category.labelDe}</td>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
