// The action plan of each Aktionsraum: its profile and gaps, the measures (field of action and
// focal point, status, responsible body, cost against the yearly budget, the effect of a linked
// scenario), a form for planners, and a printable report per Aktionsraum and for all 13
// ("Handlungsvorschläge für den Rat").
import type { ActionPlanQuery } from '../../gql/graphql.ts';
import { useLang, useT } from '../../kit/i18n.ts';
import { useGraphQL } from '../../kit/useGraphQL.ts';
import { dataDates, formatNumber } from '../../kit/format.ts';
import type { Me } from '../editing/Session.tsx';
import type { CategoryInfo } from '../../api/queries.ts';
import { ProfileBody } from '../profile/AreaProfile.tsx';
import { profileQuery, profileVariables } from '../profile/profileQuery.ts';
import type { PlannerSettings } from '../coverage/plannerQuery.ts';
import { MeasureForm, MeasureList, useMoney } from './Measures.tsx';
import { actionPlanQuery, actionPlansQuery } from './planningApi.ts';
import { BUDGET_YEARS } from '../../../../domain/actionPlan.ts';

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
          <input type="number" min={BUDGET_YEARS.first} max={BUDGET_YEARS.last} value={year} onChange={(e) => Number.isInteger(Number(e.target.value)) && props.onYear(Number(e.target.value))} />
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
      <li>{t('planKita', { m: formatNumber(data.coverage.method.thresholdMetres, 0), share: row.shareWithin === null ? '–' : formatNumber(row.shareWithin * 100, 1), n: row.childrenBeyond.display })}</li>
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
