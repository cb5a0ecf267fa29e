// What the map draws besides its base layers, from the views' data: a pure function, so that the
// App only decides when to recompute it.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AtlasData } from '../../api/queries.ts';
import { onNetwork, searchRadius, straightLine } from '../../../../domain/distance.ts';
import { childrenTileSet, type PlannerSettings } from '../coverage/plannerQuery.ts';
import { toChoropleth } from '../coverage/toChoropleth.ts';
import { catchments } from '../map/catchments.ts';
import { schoolFeatures } from '../schools/schoolLayer.ts';
import type { Overlays } from '../map/MapView.tsx';
import type { Origin } from '../partners/partnerQuery.ts';
import type { ScenarioEffectQuery, SiteSuggestionsQuery } from '../../gql/graphql.ts';
import type { ScenarioDraft } from '../planning/scenarioDraft.ts';
import type { AsyncState } from '../../kit/useGraphQL.ts';
import type { View } from './urlState.ts';
import type { useViewData } from './useViewData.ts';

type Input = {
  data: ReturnType<typeof useViewData>;
  planner: PlannerSettings;
  atlas: AtlasData | null;
  shownCategories: string[];
  selectionShape: Feature<Polygon | MultiPolygon> | null;
  partnerRadius: FeatureCollection | null;
  origin: Origin | null;
  /** The scenario of the gap view when it is open. */
  scenario: { draft: ScenarioDraft; effect: AsyncState<ScenarioEffectQuery>; suggestions: AsyncState<SiteSuggestionsQuery> | null } | null;
};

/** The scenario's points: planned facilities, closed ones (and where moved ones were), suggested sites. */
export function scenarioPoints(scenario: NonNullable<Input['scenario']>, atlas: AtlasData | null): FeatureCollection {
  const at = (key: string | undefined) => atlas?.facilities.features.find((f) => f.properties.key === key)?.geometry.coordinates ?? null;
  const features: FeatureCollection['features'] = [];
  const point = (coordinates: number[] | null, properties: Record<string, unknown>) =>
    coordinates && features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });
  for (const c of scenario.draft.changes) {
    if (c.kind === 'ADD' || c.kind === 'MOVE') point(c.longitude === undefined ? null : [c.longitude, c.latitude!], { kind: 'planned', label: c.label ?? '' });
    if (c.kind === 'CLOSE' || c.kind === 'MOVE') point(at(c.facilityKey), { kind: 'closed', label: c.label ?? '' });
  }
  if (scenario.suggestions?.status === 'done') {
    for (const s of scenario.suggestions.value.siteSuggestions.suggestions) point([s.location.longitude, s.location.latitude], { kind: 'suggestion', label: String(s.rank) });
  }
  return { type: 'FeatureCollection', features };
}

export function overlaysFor({ data, planner, atlas, shownCategories, selectionShape, partnerRadius, origin, scenario }: Input): Overlays {
  const { planning, plannerData, gaps, showProfile, profile, partnerResults } = data;
  const planned = planning && plannerData.status === 'done' ? plannerData.value : null;
  // The circle holds every facility a child could reach within the threshold (a walk is never shorter than the line).
  const method = planned?.coverage.method;
  const threshold = method ? searchRadius(method.thresholdMetres, method.distanceModel === 'NETWORK' ? onNetwork(method.detourFactor) : straightLine(method.detourFactor)) : 0;
  const targets = planned && planner.showCatchments && atlas ? atlas.facilities.features.filter((f) => shownCategories.includes(f.properties.category)) : [];
  const profileGaps = showProfile && profile.status === 'done' ? profile.value.gaps.geojson : null;
  return {
    choropleth: planned ? toChoropleth(planned, planner.measure) : null,
    measure: planned ? planner.measure : null,
    childrenTiles: planning && planner.showChildren ? childrenTileSet(planner.ageBand) : null,
    schools: planning && planner.showSchools && data.schools.status === 'done' ? schoolFeatures(data.schools.value) : null,
    gaps: planning && planner.showGaps && gaps.status === 'done' ? gaps.value.gaps.geojson : profileGaps,
    catchments: targets.length ? catchments(targets, threshold) : null,
    selection: selectionShape,
    partnerRadius,
    partnerOrigin: partnerRadius && origin && {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: origin.name }, geometry: { type: 'Point', coordinates: [origin.longitude, origin.latitude] } }],
    },
    partnerResults: partnerRadius && partnerResults.status === 'done' ? partnerResults.value.facilitiesNear.geojson : null,
    scenarioDifference: scenario?.effect.status === 'done' ? (scenario.effect.value.scenarioEffect.difference.geojson as FeatureCollection) : null,
    scenarioPoints: scenario ? scenarioPoints(scenario, atlas) : null,
  };
}

/** The layers on the map as one GeoJSON FeatureCollection, every feature tagged with its layer. */
export function layersAsGeoJson(view: View, atlas: AtlasData, shownCategories: string[], overlays: Overlays) {
  const tagged = (layer: string, collection: FeatureCollection | null) => (collection?.features ?? []).map((f) => ({ ...f, properties: { layer, ...f.properties } }));
  const facilities = view === 'partner' ? [] : tagged('facility', { type: 'FeatureCollection', features: atlas.facilities.features.filter((f) => shownCategories.includes(f.properties.category)) });
  return {
    type: 'FeatureCollection',
    features: [
      ...tagged('aktionsraum', view === 'karte' ? atlas.aktionsraeume : null),
      ...tagged('coverage', overlays.choropleth),
      ...tagged('gap', overlays.gaps),
      ...tagged('selection', overlays.selection && { type: 'FeatureCollection', features: [overlays.selection] }),
      ...tagged('partner_origin', overlays.partnerOrigin),
      ...tagged('partner_radius', overlays.partnerRadius),
      ...tagged('partner', overlays.partnerResults),
      ...tagged('scenario_difference', overlays.scenarioDifference),
      ...tagged('scenario_point', overlays.scenarioPoints),
      ...tagged('school', overlays.schools),
      ...facilities,
    ],
  };
}
