// Which ways of an OpenStreetMap extract children and parents can walk on: the documented rule set.
// Kept: footways, paths, pedestrian zones, steps, living streets, residential and service roads,
// tracks, and the larger roads where people may walk (unclassified up to primary, with their links:
// German roads in towns have pavements). Left out: motorways and trunk roads (and their links),
// cycleways (no walking in Germany unless signed), ways under construction or only proposed, and
// ways marked foot=no, or access=no/private without a foot=yes/designated/permissive.
export const WALKABLE_HIGHWAYS = new Set([
  'footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'track', 'unclassified',
  'road', 'tertiary', 'tertiary_link', 'secondary', 'secondary_link', 'primary', 'primary_link', 'crossing',
]);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const ACCESS_CLOSED = new Set(['no', 'private']);

/** Is a way with these tags walkable? (`highway` is required; a street-line file without it counts as walkable, see readNetworkFile.ts) */
export function isWalkable(tags: Record<string, string | undefined>): boolean {
  const highway = tags.highway;
  if (!highway) return false;
  const foot = tags.foot;
  if (foot === 'no' || foot === 'use_sidepath') return false;
  if (FOOT_ALLOWED.has(foot ?? '')) return highway !== 'proposed' && highway !== 'construction';
  if (!WALKABLE_HIGHWAYS.has(highway)) return false;
  if (ACCESS_CLOSED.has(tags.access ?? '')) return false;
  return true;
}
