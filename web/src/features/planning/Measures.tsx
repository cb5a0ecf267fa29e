// The measures of an action plan: the list (status changes and deletion for planners, the effect
// of a linked scenario) and the form that files a new measure.
import { useState, type FormEvent } from 'react';
import { MeasureStatus, type ActionPlanQuery, type MeasureFieldsFragment, type MeasureInput } from '../../gql/graphql.ts';
import { labelOf, useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { useWrite, write } from '../../kit/write.ts';
import { createMeasureMutation, deleteMeasureMutation, planFieldsQuery, updateMeasureMutation } from './planningApi.ts';


const statuses = [MeasureStatus.PROPOSED, MeasureStatus.DECIDED, MeasureStatus.IN_PROGRESS, MeasureStatus.DONE];

export function useMoney() {
  const lang = useLang();
  const format = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (value: number) => format.format(value);
}

type MeasureRow = MeasureFieldsFragment & { effects?: ActionPlanQuery['actionPlan']['measures'][number]['effects'] };

function inputOf(m: MeasureRow, aktionsraum: string, status: MeasureStatus): MeasureInput {
  return {
    aktionsraum,
    title: m.title,
    field: m.field.key,
    focalPoint: m.focalPoint.key,
    status,
    responsible: m.responsible,
    costEur: m.costEur,
    budgetYear: m.budgetYear,
    scenario: m.scenario?.key ?? null,
    internal: m.internal,
    notes: m.notes,
  };
}

export function MeasureList({ measures, canWrite, aktionsraum }: { measures: MeasureRow[]; canWrite: boolean; aktionsraum: string | null }) {
  const t = useT();
  const lang = useLang();
  const money = useMoney();
  const { act, error } = useWrite();
  if (measures.length === 0) return <p>{t('planNoMeasures')}</p>;
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="measures" data-testid="measures">
        <thead>
          <tr>
            <th scope="col">{t('measureTitle')}</th>
            <th scope="col">{t('measureField')}</th>
            <th scope="col">{t('measureStatus')}</th>
            <th scope="col">{t('measureResponsible')}</th>
            <th scope="col">{t('measureCost')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-measure={m.title}>
              <th scope="row">
                {m.title}
                {m.internal && <span className="badge"> {t('measureInternalBadge')}</span>}
                {m.effects?.map((e) => (
                  <span key={e.category.key} className="measure-effect">
                    {t('measureEffect', {
                      category: labelOf(lang, e.category),
                      m: e.thresholdMetres,
                      n: e.area?.newlyWithin.display ?? '0',
                      before: e.aktionsraumRankBefore ?? '–',
                      after: e.aktionsraumRankAfter ?? '–',
                    })}
                  </span>
                ))}
                {m.scenario && !m.effects && <span className="measure-effect">{m.scenario.title}</span>}
              </th>
              <td>
                {m.field.label}: {m.focalPoint.label}
              </td>
              <td>
                {canWrite && aktionsraum ? (
                  <select
                    aria-label={`${t('measureStatus')}: ${m.title}`}
                    value={m.status}
                    onChange={(e) => act(() => write(updateMeasureMutation, { id: m.id, version: m.version, input: inputOf(m, aktionsraum, e.target.value as MeasureStatus) }, lang))}
                  >
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`status_${s}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  m.statusLabel
                )}
              </td>
              <td>{m.responsible}</td>
              <td>
                {m.costEur === null ? '–' : money(m.costEur)}
                {canWrite && (
                  <button type="button" className="small-button no-print" onClick={() => act(() => write(deleteMeasureMutation, { id: m.id, version: m.version }, lang))}>
                    {t('measureDelete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function MeasureForm({ aktionsraum, year, scenarioKey }: { aktionsraum: string; year: number; scenarioKey: string | null }) {
  const t = useT();
  const lang = useLang();
  const fields = useGraphQL(planFieldsQuery, {}, { lang });
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [field, focalPoint] = String(form.get('focal')).split('|');
    const cost = String(form.get('cost') ?? '').trim();
    setError(null);
    try {
      await write(
        createMeasureMutation,
        {
          input: {
            aktionsraum,
            title: String(form.get('title') ?? ''),
            field,
            focalPoint,
            status: String(form.get('status')) as MeasureStatus,
            responsible: String(form.get('responsible') ?? ''),
            costEur: cost === '' ? null : Number(cost.replace(/\./g, '').replace(',', '.')),
            budgetYear: year,
            scenario: String(form.get('scenario') ?? '').trim() || null,
            internal: form.get('internal') === 'on',
          },
        },
        lang,
      );
      (event.target as HTMLFormElement).reset();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="measure-form no-print" onSubmit={submit} data-testid="measure-form">
      <h4>{t('measureNew')}</h4>
      <label>
        {t('measureTitle')}
        <input name="title" required maxLength={200} />
      </label>
      <label>
        {t('measureField')}
        <select name="focal" required>
          {fields.status === 'done' &&
            fields.value.planFields.map((f) => (
              <optgroup key={f.key} label={f.label}>
                {f.focalPoints.map((p) => (
                  <option key={p.key} value={`${f.key}|${p.key}`}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      <label>
        {t('measureStatus')}
        <select name="status" defaultValue={MeasureStatus.PROPOSED}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('measureResponsible')}
        <input name="responsible" maxLength={200} />
      </label>
      <label>
        {t('measureCost')}
        <input name="cost" inputMode="decimal" />
      </label>
      <label>
        {t('measureScenario')}
        <input name="scenario" defaultValue={scenarioKey ?? ''} key={scenarioKey ?? ''} />
      </label>
      <label className="check">
        <input type="checkbox" name="internal" /> {t('measureInternal')}
      </label>
      <button type="submit" className="small-button" data-testid="measure-add">
        {t('measureAdd')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

