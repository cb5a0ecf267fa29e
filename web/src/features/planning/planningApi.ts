// The planning views' documents (typed from the schema by npm run codegen): a scenario's effect,
// site suggestions, stored scenarios, the action plans and their measures.
import { graphql } from '../../gql/gql.ts';


export const scenarioEffectQuery = graphql(`
  query ScenarioEffect($changes: [ScenarioChangeInput!]!, $target: CoverageTarget!, $ageBand: AgeBand!, $threshold: Float, $level: AreaLevel) {
    scenarioEffect(changes: $changes, question: { target: $target, ageBand: $ageBand, thresholdMetres: $threshold }, level: $level) {
      method { thresholdMetres populationIsEstimate populationDates }
      changes { applied otherCategories assumptions }
      city { ...AreaEffectFields }
      aktionsraeume { ...AreaEffectFields }
      difference { geojson cellsGaining cellsLosing }
      equity {
        before { ...EquityFields }
        after { ...EquityFields }
        method
      }
    }
  }
  fragment AreaEffectFields on AreaEffect {
    area { code name }
    before { children { value suppressed display } childrenWithin { value suppressed display } shareWithin supplyPer1000Children }
    after { childrenWithin { value suppressed display } shareWithin supplyPer1000Children }
    newlyWithin { value suppressed display }
    newlyBeyond { value suppressed display }
    shareWithinChange supplyChange rankBefore rankAfter
  }
  fragment EquityFields on Equity {
    giniSupply giniDistance palmaRatio concentrationIndex shareWithinAktionsraeume shareWithinRest shareGapPoints supplyAktionsraeume supplyRest
  }
`);

export const siteSuggestionsQuery = graphql(`
  query SiteSuggestions($category: String!, $ageBand: AgeBand!, $threshold: Float, $area: AreaRef, $count: Int, $weight: Boolean, $changes: [ScenarioChangeInput!]) {
    siteSuggestions(question: { target: { category: $category }, ageBand: $ageBand, thresholdMetres: $threshold }, area: $area, count: $count, weightByNeed: $weight, changes: $changes) {
      siteMethod
      childrenBeyond { value suppressed display }
      suggestions { rank location { longitude latitude } subDistrict { code name } childrenGained { value suppressed display } weightedGain cumulativeChildren { display } }
    }
  }
`);

export const scenarioQuery = graphql(`
  query StoredScenario($key: String!) {
    scenario(key: $key) {
      key title description owner version updatedAt
      changes { kind facilityKey category { key } name location { longitude latitude } capacity facility { name } }
    }
  }
`);

export const createScenarioMutation = graphql(`
  mutation CreateScenario($input: ScenarioInput!) {
    createScenario(input: $input) { key version owner }
  }
`);

export const updateScenarioMutation = graphql(`
  mutation UpdateScenario($key: String!, $version: Int!, $input: ScenarioInput!) {
    updateScenario(key: $key, version: $version, input: $input) { key version owner }
  }
`);

export const planFieldsQuery = graphql(`
  query PlanFields {
    planFields { key label focalPoints { key label } }
  }
`);

export const actionPlanQuery = graphql(`
  query ActionPlan($aktionsraum: String!, $year: Int) {
    actionPlan(aktionsraum: $aktionsraum, budgetYear: $year) {
      ...ActionPlanFields
      measures {
        ...MeasureFields
        effects {
          category { key labelDe labelEn } thresholdMetres ageBand
          area { newlyWithin { display value } newlyBeyond { display value } before { shareWithin } after { shareWithin } }
          aktionsraumRankBefore aktionsraumRankAfter
        }
      }
    }
    coverage(level: AKTIONSRAUM, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) {
      method { populationDates populationIsEstimate thresholdMetres }
      areas { area { code } children { display } childrenBeyond { display } shareWithin }
    }
    needProvision(level: AKTIONSRAUM, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) {
      rows { area { code } childPoverty2024 priorityScore }
      cityChildPoverty2024
    }
  }
  fragment ActionPlanFields on ActionPlan {
    aktionsraum { code name }
    budgetYear
    budget { eurPerYear isApproximate source }
    totalCostEur remainingEur measuresWithoutCost
  }
  fragment MeasureFields on Measure {
    id title status statusLabel responsible costEur budgetYear internal notes version
    field { key label } focalPoint { key label }
    scenario { key title }
  }
`);

export const actionPlansQuery = graphql(`
  query ActionPlans($year: Int) {
    actionPlans(budgetYear: $year) {
      ...ActionPlanFields
      measures { ...MeasureFields }
    }
    coverage(level: AKTIONSRAUM, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) {
      method { populationDates populationIsEstimate thresholdMetres }
      areas { area { code } children { display } childrenBeyond { display } shareWithin }
    }
    needProvision(level: AKTIONSRAUM, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) {
      rows { area { code } childPoverty2024 priorityScore }
      cityChildPoverty2024
    }
  }
`);

export const createMeasureMutation = graphql(`
  mutation CreateMeasure($input: MeasureInput!) {
    createMeasure(input: $input) { id }
  }
`);

export const updateMeasureMutation = graphql(`
  mutation UpdateMeasure($id: ID!, $version: Int!, $input: MeasureInput!) {
    updateMeasure(id: $id, version: $version, input: $input) { id version }
  }
`);

export const deleteMeasureMutation = graphql(`
  mutation DeleteMeasure($id: ID!, $version: Int!) {
    deleteMeasure(id: $id, version: $version)
  }
`);
