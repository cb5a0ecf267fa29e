// How far a child or a place is from a facility: the one place that names the distance models and
// their rules. STRAIGHT: the straight line times a detour factor (1.0 = as the crow flies). NETWORK:
// the shortest walk on the walking network the user supplied (STREET_NETWORK), computed by
// geodata/network/ (graph, attachment of points to ways, multi-source search); what lies too far
// from any walkable way is measured STRAIGHT and flagged. Callers name the model and never
// multiply themselves. (The SQL function va_cell_coverage takes the same detour factor for what is
// measured straight; geodata/network/networkReach.ts writes what is measured on the network.)
import { DETOUR_FACTOR } from './coverageRules.ts';
import { text } from './text.ts';

export type DistanceKind = 'STRAIGHT' | 'NETWORK';
export type DistanceModel = { kind: 'STRAIGHT'; detourFactor: number } | { kind: 'NETWORK'; detourFactor: number };

/**
 * The rules of the walking network. A point is attached to the nearest walkable way within
 * `snapLimitMetres` (farther: measured straight x detour and flagged; a 100 m grid piece's centre
 * lies at most about 70 m from a street bordering it). A connected piece of ways shorter than
 * `minComponentMetres` in all (an isolated path in a park, a way cut off at the file's edge) leads
 * nowhere: nothing is attached to it. The network is kept within the city's box plus `borderMetres`
 * (children walk to facilities across the city boundary's streets).
 */
export const NETWORK_RULES = { snapLimitMetres: 150, minComponentMetres: 500, borderMetres: 2000 } as const;

/** The straight-line model with a detour factor (the default: as the crow flies). */
export const straightLine = (detourFactor: number = DETOUR_FACTOR.default): DistanceModel => ({ kind: 'STRAIGHT', detourFactor });

/** The network model: walking distances where the network reaches, the straight line x detour elsewhere. */
export const onNetwork = (detourFactor: number = DETOUR_FACTOR.default): DistanceModel => ({ kind: 'NETWORK', detourFactor });

/** The distance reported for a straight line measured in the storage CRS (null stays null). */
export function reportedDistance(straightMetres: number, model: DistanceModel): number;
export function reportedDistance(straightMetres: number | null, model: DistanceModel): number | null;
export function reportedDistance(straightMetres: number | null, model: DistanceModel): number | null {
  return straightMetres === null ? null : straightMetres * model.detourFactor;
}

/**
 * The distance model's choice for one piece and one category (the twin of va_cell_coverage's
 * `nearest`): the walk to the nearest facility attached to the network, unless one off the network
 * is nearer by straight line x detour; without a walk (not attached, nothing reachable): the
 * straight line x detour. Null inputs: not measured.
 */
export function chooseDistance(r: { straight: number; network: number | null; offnet: number | null }, detour: number): { metres: number; onNetwork: boolean } {
  if (r.network === null) return { metres: r.offnet !== null ? r.offnet * detour : r.straight * detour, onNetwork: false };
  if (r.offnet !== null && r.offnet * detour < r.network) return { metres: r.offnet * detour, onNetwork: false };
  return { metres: r.network, onNetwork: true };
}

/**
 * The distance of one piece to one facility in the 2SFCA's catchments (the supply measure): the
 * walk where the network joins the two (both attached to it, on one connected piece of network:
 * `walk` a number, Infinity beyond the search's bound), else the straight line x detour.
 */
export const pairDistance = (p: { straight: number; walk: number | null }, detour: number): number => p.walk ?? p.straight * detour;

/**
 * The straight-line radius within which a facility can lie for a reported distance of `metres`:
 * STRAIGHT, the distance over the detour; NETWORK, the distance itself (a walk is never shorter than
 * the line, and what is measured straight there reaches at most metres / detour).
 */
export const searchRadius = (metres: number, model: DistanceModel): number =>
  model.kind === 'NETWORK' ? Math.max(metres, metres / model.detourFactor) : metres / model.detourFactor;

/**
 * The walking minutes given beside a partner's distance: without a network, the straight line
 * times a detour of 1.3; at 4.5 km/h (75 m per minute, an adult's pace; WALKING_SPEED_KMH sets
 * another, such as 3 km/h for small children), at least 1. An assumption for orientation; the API
 * states the figures (`walkingDetourFactor`, `walkingMetresPerMinute`, `walkingSpeedSource`).
 */
export const WALKING = { metresPerMinute: 75, model: straightLine(1.3) } as const;
export const WALKING_SPEED_SOURCE = {
  default: text(
    '4,5 km/h: übliche Annahme für das Gehtempo Erwachsener (IT.NRW setzt für die Kita-Erreichbarkeit rund 5 km/h an: 660 m in 7,9 Minuten)',
    "4.5 km/h: a common assumption for an adult's pace (IT.NRW's Kita accessibility uses about 5 km/h: 660 m in 7.9 minutes)",
  ),
  configured: text('aus der Konfiguration des Atlas (WALKING_SPEED_KMH)', "from the atlas's configuration (WALKING_SPEED_KMH)"),
};

/** Minutes on foot for a straight line (STRAIGHT: times the walking detour) or a network walk (NETWORK: as it is). */
export const walkingMinutes = (metres: number, kind: DistanceKind = 'STRAIGHT', metresPerMinute: number = WALKING.metresPerMinute): number =>
  Math.max(1, Math.round((kind === 'NETWORK' ? metres : reportedDistance(metres, WALKING.model)) / metresPerMinute));
