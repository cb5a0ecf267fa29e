// How many children of the Aktionsraum live within reach of the main offers, beside the city.
import { graphql } from '../../api/graphql.ts';
import { useAsync } from '../app/useAsync.ts';
import { formatNumber } from './format.ts';
import { reachQuery, reachTargets, type ReachData } from './reachQuery.ts';

const percent = (share: number | null) => (share === null ? '–' : `${formatNumber(share * 100, 0)} %`);

export function ReachTable({ code }: { code: string }) {
  const reach = useAsync(() => graphql<ReachData>(reachQuery), []);
  if (reach.status === 'loading') return <p role="status">Erreichbarkeit wird berechnet …</p>;
  if (reach.status === 'error') return <p role="alert" className="error">Die Erreichbarkeit konnte nicht berechnet werden: {reach.message}</p>;
  const estimate = reachTargets.some((t) => reach.value[t.alias].method.populationIsEstimate);
  return (
    <>
      <table className="figures reach" data-testid="area-reach">
        <thead>
          <tr>
            <th scope="col">Angebot</th>
            <th scope="col">Kinder in Reichweite</th>
            <th scope="col">Anteil</th>
            <th scope="col">Stadt</th>
          </tr>
        </thead>
        <tbody>
          {reachTargets.map((t) => {
            const result = reach.value[t.alias];
            const row = result.areas.find((a) => a.area.code === code);
            return (
              <tr key={t.alias} data-category={t.category}>
                <td>
                  {t.labelDe}
                  <br />
                  <small>
                    {t.bandDe} Jahre, {formatNumber(result.method.thresholdMetres, 0)} m
                  </small>
                </td>
                <td>{row ? `${row.childrenWithin.display} / ${row.children.display}` : '–'}</td>
                <td>{percent(row?.shareWithin ?? null)}</td>
                <td>{percent(result.city.shareWithin)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {estimate && (
        <p className="estimate">
          Schätzung: Kinderzahlen je Unterbezirk sind aus Bezirkszahlen und Altersanteilen geschätzt (keine amtlichen Zahlen) und gleichmäßig
          über die Fläche verteilt; Entfernungen in Luftlinie. Zahlen unter 5 werden nicht gezeigt.
        </p>
      )}
    </>
  );
}
