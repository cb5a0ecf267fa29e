// The action plan of each Aktionsraum: its profile and gaps, the measures (field of action and
// focal point, status, responsible body, cost against the yearly budget, the effect of a linked
// scenario), a form for planners, and a printable report per Aktionsraum and for all 13
// ("Handlungsvorschläge für den Rat").
import { useState, type FormEvent } from 'react';
import { MeasureStatus, type ActionPlanQuery, type MeasureFieldsFragment, type MeasureInput } from '../../gql/graphql.ts';
import { labelOf, useLang, useT } from '../app/i18n.ts';
import { useGraphQL } from '../app/useGraphQL.ts';
import { dataDates, formatNumber } from '../areas/format.ts';
import { write } from '../editing/editingApi.ts';
import type { Me } from '../editing/Session.tsx';
import type { CategoryInfo } from '../../api/queries.ts';
import { ProfileBody } from '../profile/AreaProfile.tsx';
import { profileQuery, profileVariables } from '../profile/profileQuery.ts';
import type { PlannerSettings } from '../coverage/plannerQuery.ts';
import { actionPlanQuery, actionPlansQuery, createMeasureMutation, deleteMeasureMutation, planFieldsQuery, updateMeasureMutation } from './planningApi.ts';

type Props = {
  aktionsraeume: { code: string; name: string }[];
  /** The Aktionsraum shown; null: the report for all 13. */
  code: string | null;
  onChoose: (code: string | null) => void;
  year: number;
  onYear: (year: number) => void;
  me: Me;
  /** A scenario to link to the next measure (from the gap view). */
  scenarioKey: string | null;
  planner: PlannerSettings;
  categories: CategoryInfo[];
  targetLabel: string;
};

const statuses = [MeasureStatus.PROPOSED, MeasureStatus.DECIDED, MeasureStatus.IN_PROGRESS, MeasureStatus.DONE];

function useMoney() {
  const lang = useLang();
  const format = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (value: number) => format.format(value);
}

export function ActionPlanView(props: Props) {
  const { aktionsraeume, code, year, me } = props;
  const t = useT();
  const lang = useLang();
  const canWrite = me !== null && (me.role === 'PLANNER' || me.role === 'ADMIN');
  const name = aktionsraeume.find((a) => a.code === code)?.name ?? '';
  return (
    <section aria-labelledby="plan-title" data-testid="action-plan" className="action-plan">
      <div className="no-print plan-controls">
        <label>
          {t('planChoose')}
          <select value={code ?? ''} onChange={(e) => props.onChoose(e.target.value || null)} data-testid="plan-aktionsraum">
            <option value="">{t('planAll')}</option>
            {aktionsraeume.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('planYear')}
          <input type="number" min={2008} max={2100} value={year} onChange={(e) => Number.isInteger(Number(e.target.value)) && props.onYear(Number(e.target.value))} />
        </label>
        <button type="button" className="small-button" onClick={() => window.print()} data-testid="plan-print">
          {t('planPrint')}
        </button>
      </div>
      <h2 id="plan-title">{code ? `${t('planTitle')} ${name} ${year}` : `${t('planReportAll')} ${year}`}</h2>
      {code ? <OnePlan {...props} code={code} canWrite={canWrite} /> : <AllPlans year={year} lang={lang} />}
    </section>
  );
}

function OnePlan(props: Props & { code: string; canWrite: boolean }) {
  const { code, year, planner, categories, targetLabel, canWrite } = props;
  const t = useT();
  const lang = useLang();
  const plan = useGraphQL(actionPlanQuery, { aktionsraum: code, year }, { lang });
  const profile = useGraphQL(profileQuery, profileVariables({ level: 'AKTIONSRAUM', code }, planner), { lang });
  if (plan.status === 'loading') return <p role="status">{t('planLoading')}</p>;
  if (plan.status === 'error')
    return (
      <p role="alert" className="error">
        {t('planFailed')} {plan.message}
      </p>
    );
  const { actionPlan } = plan.value;
  return (
    <>
      <Budget plan={actionPlan} />
      <h3>{t('planMeasures')}</h3>
      <MeasureList measures={actionPlan.measures} canWrite={canWrite} aktionsraum={code} />
      {canWrite ? <MeasureForm aktionsraum={code} year={year} scenarioKey={props.scenarioKey} /> : <p className="hint no-print">{t('planWriteNeedsPlanner')}</p>}
      <h3>{t('planProfile')}</h3>
      {profile.status === 'done' && profile.value.area ? <ProfileBody data={profile.value} categories={categories} targetLabel={targetLabel} /> : <p role="status">{t('loadingProfile')}</p>}
      <KeyFigures data={plan.value} code={code} />
      <p className="hint">{t('planSource', { date: dataDates(plan.value.coverage.method).population, source: actionPlan.budget.source })}</p>
    </>
  );
}

function KeyFigures({ data, code }: { data: Pick<ActionPlanQuery, 'coverage' | 'needProvision'>; code: string }) {
  const t = useT();
  const row = data.coverage.areas.find((a) => a.area.code === code);
  const need = data.needProvision.rows.find((r) => r.area.code === code);
  if (!row) return null;
  return (
    <ul className="key-figures" data-testid="plan-key-figures">
      <li>{t('planChildren', { n: row.children.display })}</li>
      <li>{t('planKita', { share: row.shareWithin === null ? '–' : formatNumber(row.shareWithin * 100, 1), n: row.childrenBeyond.display })}</li>
      {need?.childPoverty2024 != null && (
        <li>{t('planPoverty', { value: formatNumber(need.childPoverty2024, 1), city: data.needProvision.cityChildPoverty2024 === null ? '–' : formatNumber(data.needProvision.cityChildPoverty2024, 1) })}</li>
      )}
    </ul>
  );
}

type PlanMoney = { budgetYear: number; budget: { eurPerYear: number }; totalCostEur: number; remainingEur: number; measuresWithoutCost: number };

function Budget({ plan }: { plan: PlanMoney }) {
  const t = useT();
  const money = useMoney();
  return (
    <p data-testid="plan-budget" className={plan.remainingEur < 0 ? 'error' : undefined}>
      {t('planBudget', { year: plan.budgetYear, budget: money(plan.budget.eurPerYear) })}.{' '}
      {t('planCosts', {
        total: money(plan.totalCostEur),
        remaining: `${money(plan.remainingEur)}${plan.remainingEur < 0 ? ` (${t('planOverBudget')})` : ''}`,
        missing: plan.measuresWithoutCost ? t('planMissingCosts', { n: plan.measuresWithoutCost }) : '',
      })}
    </p>
  );
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

function MeasureList({ measures, canWrite, aktionsraum }: { measures: MeasureRow[]; canWrite: boolean; aktionsraum: string | null }) {
  const t = useT();
  const lang = useLang();
  const money = useMoney();
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError((e as Error).message);
    }
  };
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

function MeasureForm({ aktionsraum, year, scenarioKey }: { aktionsraum: string; year: number; scenarioKey: string | null }) {
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

function AllPlans({ year, lang }: { year: number; lang: 'de' | 'en' }) {
  const t = useT();
  const plans = useGraphQL(actionPlansQuery, { year }, { lang });
  if (plans.status === 'loading') return <p role="status">{t('planLoading')}</p>;
  if (plans.status === 'error')
    return (
      <p role="alert" className="error">
        {t('planFailed')} {plans.message}
      </p>
    );
  return (
    <>
      {plans.value.actionPlans.map((plan) => (
        <section key={plan.aktionsraum.code} className="plan-section" data-testid="plan-section" aria-labelledby={`plan-${plan.aktionsraum.code}`}>
          <h3 id={`plan-${plan.aktionsraum.code}`}>{plan.aktionsraum.name}</h3>
          <KeyFigures data={plans.value} code={plan.aktionsraum.code} />
          <Budget plan={plan} />
          <MeasureList measures={plan.measures} canWrite={false} aktionsraum={null} />
        </section>
      ))}
      <p className="hint">
        {t('planSource', { date: dataDates(plans.value.coverage.method).population, source: plans.value.actionPlans[0]?.budget.source ?? '' })}
      </p>
    </>
  );
}
