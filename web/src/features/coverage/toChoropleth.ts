// Joins coverage figures to area outlines and gives every area its class and colour.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { classBreaks, classOf, NO_DATA_COLOR } from './classes.ts';
import { measureValue, type PlannerData, type PlannerSettings } from './plannerQuery.ts';

export type ChoroplethProperties = { code: string; name: string; value: number | null; class: number; color: string };

export function toChoropleth(data: PlannerData, measure: PlannerSettings['measure']): FeatureCollection<Polygon | MultiPolygon, ChoroplethProperties> {
  const breaks = classBreaks[measure];
  const rows = new Map(data.coverage.areas.map((r) => [r.area.code, r]));
  return {
    type: 'FeatureCollection',
    features: data.shapes.features.map((feature) => {
      const row = rows.get(feature.properties.code);
      const value = row ? measureValue(row, measure) : null;
      const index = classOf(breaks, value);
      return {
        ...feature,
        properties: {
          code: feature.properties.code,
          name: feature.properties.name,
          value,
          class: index ?? -1,
          color: index === null ? NO_DATA_COLOR : breaks.colors[index],
        },
      };
    }),
  };
}
