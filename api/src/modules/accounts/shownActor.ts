// Who acted, as a reader may see it. Staff (anyone signed in) see the sign-in name; anonymous
// readers see the role instead (editor, reviewer, planner, admin), "staff" for a person of the
// city's identity provider and "integration" for an API token, so that public pages (a facility's
// history, a shared scenario, an action plan) hand no sign-in names to someone guessing passwords.
import type { Context } from '../../context.ts';

/** Actors that name no person: they are shown as they are. */
const SYSTEM_ACTORS = new Set(['import', 'anonymous', 'command line', '']);

export async function shownActor(ctx: Context, actor: string | null): Promise<string> {
  if (actor === null || SYSTEM_ACTORS.has(actor)) return actor ?? '';
  if (await ctx.viewer()) return actor;
  if (actor.startsWith('oidc:')) return 'staff';
  if (actor.startsWith('token:')) return 'integration';
  return (await ctx.loaders.accountRole.load(actor.toLowerCase())) ?? 'staff';
}

/** A facility snapshot of the audit trail with its `verifiedBy` shown the same way. */
export async function shownSnapshot(ctx: Context, snapshot: unknown): Promise<unknown> {
  if (!snapshot || typeof snapshot !== 'object' || !('verifiedBy' in snapshot)) return snapshot;
  const verifiedBy = (snapshot as { verifiedBy: string | null }).verifiedBy;
  return { ...snapshot, verifiedBy: verifiedBy === null ? null : await shownActor(ctx, verifiedBy) };
}
