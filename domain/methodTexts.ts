// The method statements shared by the API's answers: how distances are measured, in words.
export const DISTANCE_FROM_CELL = 'straight line between the grid cell and the facility (EPSG:25832), multiplied by the detour factor';
export const DISTANCE_FROM_POINT = 'straight line between the point and the facility (EPSG:25832), multiplied by the detour factor';
export const DISTANCE_STRAIGHT_LINE = 'straight line (Euclidean distance in ETRS89 / UTM 32N, EPSG:25832); walking routes are longer';

/** The indicator that measures need in need x provision: under-15s living on SGB II, in percent. */
export const CHILD_POVERTY_INDICATOR = 'children_under_15_SGB_II_pct';
