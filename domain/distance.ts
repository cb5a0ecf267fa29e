// How far a child or a place is from a facility: the one place that turns a measured straight line
// into the distance the atlas reports, and a threshold into the straight search radius. Today's
// model is STRAIGHT: the straight line times a detour factor (1.0 = as the crow flies). A walking
// network model will sit beside it; callers name the model and never multiply themselves.
// (The SQL functions va_cell_coverage and the planning store take the same detour factor.)
import { DETOUR_FACTOR } from './coverageRules.ts';

export type DistanceModel = { kind: 'STRAIGHT'; detourFactor: number };

/** The straight-line model with a detour factor (the default: as the crow flies). */
export const straightLine = (detourFactor: number = DETOUR_FACTOR.default): DistanceModel => ({ kind: 'STRAIGHT', detourFactor });

/** The distance reported for a straight line measured in the storage CRS (null stays null). */
export function reportedDistance(straightMetres: number, model: DistanceModel): number;
export function reportedDistance(straightMetres: number | null, model: DistanceModel): number | null;
export function reportedDistance(straightMetres: number | null, model: DistanceModel): number | null {
  return straightMetres === null ? null : straightMetres * model.detourFactor;
}

/** The straight-line radius within which a facility can lie for a reported distance of `metres`. */
export const searchRadius = (metres: number, model: DistanceModel): number => metres / model.detourFactor;

/**
 * The walking minutes given beside a partner's distance: the straight line times a detour of 1.3
 * at 4.5 km/h (75 m per minute), at least 1. An assumption for orientation, not a measured route;
 * the API states both figures (`walkingDetourFactor`, `walkingMetresPerMinute`).
 */
export const WALKING = { metresPerMinute: 75, model: straightLine(1.3) } as const;

export const walkingMinutes = (straightMetres: number): number =>
  Math.max(1, Math.round(reportedDistance(straightMetres, WALKING.model) / WALKING.metresPerMinute));
