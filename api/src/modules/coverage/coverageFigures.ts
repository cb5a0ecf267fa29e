// The figures of one area's coverage as every interface gives them (GraphQL, the OGC API's
// coverage collections; the dashboard's CSV takes them from GraphQL): counts with the small-count
// rule, the share within reach (none for a suppressed count), distances in whole metres.
import { childCount } from './childCount.ts';
import type { AreaCoverageRow } from './coverageStore.ts';

export function coverageFigures(row: AreaCoverageRow | undefined) {
  const children = row?.children ?? 0;
  const within = row?.children_within ?? 0;
  const total = childCount(children);
  return {
    children: total,
    childrenWithin: childCount(within),
    childrenBeyond: childCount(children - within),
    shareWithin: total.suppressed || children === 0 ? null : within / children,
    facilitiesInside: row?.facilities_inside ?? 0,
    facilitiesPer1000Children: children > 0 ? ((row?.facilities_inside ?? 0) * 1000) / children : null,
    medianDistanceMetres: row?.median_m == null ? null : Math.round(row.median_m),
    p90DistanceMetres: row?.p90_m == null ? null : Math.round(row.p90_m),
    supplyPer1000Children: row?.supply_per_1000 == null ? null : Math.round(row.supply_per_1000 * 1000) / 1000,
    shareOnNetwork: children === 0 ? null : Math.round(((row?.children_on_network ?? 0) / children) * 1000) / 1000,
  };
}
