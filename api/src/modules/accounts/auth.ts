// Who is asking, and the role rules every write goes through. Three ways in: the web app's
// session cookie, an OpenID Connect bearer token from the city's identity provider, an API token
// of an integrating system. A bearer token that is present but not valid is an error, never
// silently anonymous.
import { GraphQLError } from 'graphql';
import type { Role } from './accountStore.ts';

export const SESSION_COOKIE = 'va_session';

/** Who acts: the account behind a session, a token's subject, or an API token. */
export type Principal = {
  via: 'session' | 'oidc' | 'token';
  /** The local account (sessions only). */
  account_id: number | null;
  /** Login, the token's subject, or the API token's name. */
  login: string;
  display_name: string;
  role: Role;
};

/** How the audit trail names a principal: the login for accounts, `oidc:<subject>`, `token:<name>`. */
export const actorOf = (p: Principal) => (p.via === 'session' ? p.login : `${p.via}:${p.login}`);

/** The session token from a Cookie header, or null. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return value.join('=') || null;
  }
  return null;
}

/** The token of an `Authorization: Bearer ...` header; undefined without one, null when malformed. */
export function bearerTokenOf(authorization: string | undefined): string | null | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{8,4096})$/.exec(authorization.trim());
  return match ? match[1] : null;
}

/**
 * True when the browser says the request comes from another site: the session cookie is then
 * not used (SameSite=Strict keeps it from being sent anyway; this holds for older browsers too).
 */
export function isCrossSite(headers: { origin?: string; host?: string; 'sec-fetch-site'?: string }): boolean {
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  if (!headers.origin || headers.origin === 'null') return headers.origin === 'null';
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind https. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = (secure: boolean) => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;

/** What each role may do: an admin everything, a reviewer also what an editor may; a planner plans (scenarios, measures). */
const GRANTS: Record<Role, Role[]> = {
  editor: ['editor'],
  reviewer: ['editor', 'reviewer'],
  planner: ['planner'],
  admin: ['editor', 'reviewer', 'planner', 'admin'],
};

export const roleAllows = (role: Role, needed: Role) => GRANTS[role].includes(needed);

export const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** The principal, when it may act as `needed`; else UNAUTHENTICATED (nobody signed in) or FORBIDDEN. */
export function requireRole(viewer: Principal | null, needed: Role): Principal {
  if (!viewer) throw unauthenticated('Sign in first: this needs an account.');
  if (!roleAllows(viewer.role, needed)) {
    throw new GraphQLError(`This needs the role ${needed}; ${viewer.login} is ${viewer.role}.`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  return viewer;
}
