// Who is asking: the session cookie of the web app, checked against the database once per
// request, and the role rules every write goes through.
import { GraphQLError } from 'graphql';
import type { AccountRow, Role } from './accountStore.ts';

export const SESSION_COOKIE = 'va_session';

/** The session token from a Cookie header, or null. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return value.join('=') || null;
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind https. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = (secure: boolean) => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;

/** What each role may do: an admin everything, a reviewer also what an editor may. */
const GRANTS: Record<Role, Role[]> = { editor: ['editor'], reviewer: ['editor', 'reviewer'], admin: ['editor', 'reviewer', 'admin'] };

export const roleAllows = (role: Role, needed: Role) => GRANTS[role].includes(needed);

/** The account, when it may act as `needed`; else UNAUTHENTICATED (nobody signed in) or FORBIDDEN. */
export function requireRole(viewer: AccountRow | null, needed: Role): AccountRow {
  if (!viewer) throw new GraphQLError('Sign in first: this needs an account.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  if (!roleAllows(viewer.role, needed)) {
    throw new GraphQLError(`This needs the role ${needed}; the account ${viewer.login} is ${viewer.role}.`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  return viewer;
}
