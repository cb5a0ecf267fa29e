// Areas get the class and colour of their figure; areas without a figure are grey.
import { describe, expect, it } from 'vitest';
import { classBreaks, NO_DATA_COLOR } from './classes.ts';
import type { CoverageRow, PlannerData } from './plannerQuery.ts';
import { toChoropleth } from './toChoropleth.ts';

const square = { type: 'Polygon' as const, coordinates: [[[7, 51], [7.1, 51], [7.1, 51.1], [7, 51]]] };
const row = (code: string, shareWithin: number | null, beyond: number | null): CoverageRow => ({
  area: { code, name: `Area ${code}` },
  children: { value: 1000, suppressed: false, display: '1.000' },
  childrenBeyond: { value: beyond, suppressed: beyond === null, display: beyond === null ? '< 5' : String(beyond) },
  shareWithin,
  facilitiesInside: 1,
  medianDistanceMetres: 300,
  supplyPer1000Children: 1.5,
  shareOnNetwork: 0,
});
const data = {
  coverage: { method: {} as PlannerData['coverage']['method'], areas: [row('A', 0.96, 120), row('B', null, null)], city: row('DO', 0.86, 4700) },
  shapes: { type: 'FeatureCollection', features: ['A', 'B', 'C'].map((code) => ({ type: 'Feature', properties: { code, name: `Area ${code}` }, geometry: square })) },
} as PlannerData;

describe('toChoropleth', () => {
  it('colours each area by the class of its share within reach, and areas without a figure grey', () => {
    const props = toChoropleth(data, 'shareWithin').features.map((f) => f.properties);
    expect(props).toEqual([
      { code: 'A', name: 'Area A', value: 96, class: 5, color: classBreaks.shareWithin.colors[5] },
      { code: 'B', name: 'Area B', value: null, class: -1, color: NO_DATA_COLOR },
      { code: 'C', name: 'Area C', value: null, class: -1, color: NO_DATA_COLOR },
    ]);
  });

  it('uses the breaks of the measure chosen: 120 children beyond reach is the third class', () => {
    const [a] = toChoropleth(data, 'childrenBeyond').features.map((f) => f.properties);
    expect(a).toMatchObject({ value: 120, class: 2, color: classBreaks.childrenBeyond.colors[2] });
  });
});
