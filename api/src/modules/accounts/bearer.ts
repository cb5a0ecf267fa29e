// Bearer tokens: OpenID Connect access tokens (JWT) verified with `jose` against the keys the
// issuer publishes (discovery, then its JWKS, cached and refreshed by jose), and the atlas's own
// API tokens (`va_...`, only their SHA-256 stored).
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Db } from '../../../../db/connect.ts';
import type { OidcConfig } from '../../../../config/config.ts';
import type { Role } from './accountStore.ts';
import { unauthenticated, type Principal } from './auth.ts';

const ROLES: Role[] = ['admin', 'reviewer', 'planner', 'editor'];
export const API_TOKEN_PREFIX = 'va_';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The value at a dotted path of the claims (`realm_access.roles`), or undefined. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** The highest atlas role among the claim's values (a list or a space-separated string), or null. */
export function roleFromClaim(value: unknown): Role | null {
  const values = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : []).map((v) => String(v).toLowerCase());
  return ROLES.find((r) => values.includes(r) || values.includes(`versorgungsatlas:${r}`)) ?? null;
}

export type OidcVerifier = (token: string) => Promise<Principal>;

/** Access tokens live minutes to hours; a day is the most the atlas accepts (iat to now, iat to exp). */
const MAX_TOKEN_AGE_SECONDS = 24 * 3600;
const CLOCK_TOLERANCE_SECONDS = 30;

/** What jose does not check: a usable subject, and a lifetime (exp - iat) of at most a day. */
export function claimProblem(payload: JWTPayload): string | null {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '' || payload.sub.length > 255) return 'the subject (sub) must be a text of 1 to 255 characters';
  if (typeof payload.exp === 'number' && typeof payload.iat === 'number' && payload.exp - payload.iat > MAX_TOKEN_AGE_SECONDS) {
    return 'its lifetime (exp - iat) is longer than a day';
  }
  return null;
}

/** Verifies access tokens of one issuer: signature (issuer's keys), issuer, audience, expiry. */
export function oidcVerifier(config: OidcConfig): OidcVerifier {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;
  const discover = async () => {
    const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (document.issuer !== config.issuer) throw new Error(`OpenID discovery names issuer ${document.issuer}, expected ${config.issuer}`);
    if (!document.jwks_uri) throw new Error('OpenID discovery has no jwks_uri');
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 5000 });
  };
  return async (token) => {
    keys ??= discover().catch((error) => {
      keys = null;
      throw error;
    });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keys, {
        issuer: config.issuer,
        audience: config.audience,
        // A token without expiry would be valid for ever; without a subject, every such token would
        // be one shared person (who could change another's scenario); iat in the future or older
        // than a day is no access token of a working identity provider.
        requiredClaims: ['exp', 'sub', 'iat'],
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The bearer token has expired.');
      if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`The bearer token is not valid (${error.message}).`);
      if (error instanceof errors.JOSEError) throw unauthenticated(`The bearer token is not valid (${error.code}).`);
      console.error('OpenID Connect key retrieval failed:', (error as Error).message);
      throw unauthenticated('The bearer token could not be checked: the identity provider is not reachable.');
    }
    const problem = claimProblem(payload);
    if (problem) throw unauthenticated(`The bearer token is not valid (${problem}).`);
    const role = roleFromClaim(claimAt(payload, config.roleClaim));
    if (!role) throw unauthenticated(`The bearer token carries no atlas role (editor, reviewer, planner, admin) in the claim ${config.roleClaim}.`);
    const subject = payload.sub as string;
    const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : subject;
    return { via: 'oidc', account_id: null, login: subject, display_name: name, role };
  };
}

export type ApiTokenRow = { id: number; name: string; role: Role; created_by: string; created_at: string; expires_at: string | null; revoked_at: string | null; last_used_at: string | null };

/** A new API token: shown once, only its hash kept. */
export async function createApiToken(db: Db, input: { name: string; role: Role; createdBy: string; expiresAt: string | null }) {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const result = await db.raw(
    /* accounts.createApiToken */ `
    insert into api_token (name, role, token_sha256, created_by, expires_at) values (?, ?, ?, ?, ?)
    returning id, name, role, created_by, created_at, expires_at, revoked_at, last_used_at`,
    [input.name, input.role, sha256(token), input.createdBy, input.expiresAt],
  );
  return { token, row: result.rows[0] as ApiTokenRow };
}

export async function apiTokenNameTaken(db: Db, name: string): Promise<boolean> {
  const result = await db.raw(/* accounts.apiTokenNameTaken */ 'select exists (select 1 from api_token where lower(name) = lower(?)) as taken', [name]);
  return result.rows[0].taken;
}

export async function revokeApiToken(db: Db, id: number): Promise<ApiTokenRow | null> {
  const result = await db.raw(
    /* accounts.revokeApiToken */ `
    update api_token set revoked_at = coalesce(revoked_at, now()) where id = ?
    returning id, name, role, created_by, created_at, expires_at, revoked_at, last_used_at`,
    [id],
  );
  return result.rows[0] ?? null;
}

export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  const result = await db.raw(
    /* accounts.listApiTokens */ 'select id, name, role, created_by, created_at, expires_at, revoked_at, last_used_at from api_token order by id',
  );
  return result.rows;
}

/** The principal of a live API token; UNAUTHENTICATED for an unknown, revoked or expired one. */
export async function principalOfApiToken(db: Db, token: string): Promise<Principal> {
  const result = await db.raw(
    /* accounts.useApiToken */ `
    update api_token set last_used_at = now()
     where token_sha256 = ? and revoked_at is null and (expires_at is null or expires_at > now())
    returning name, role`,
    [sha256(token)],
  );
  const row = result.rows[0] as { name: string; role: Role } | undefined;
  if (!row) throw unauthenticated('The API token is unknown, revoked or expired.');
  return { via: 'token', account_id: null, login: row.name, display_name: row.name, role: row.role };
}

/** The principal of a bearer token: an API token by its prefix, else an OpenID Connect token. */
export async function principalOfBearer(db: Db, token: string, oidc: OidcVerifier | null): Promise<Principal> {
  if (token.startsWith(API_TOKEN_PREFIX)) return principalOfApiToken(db, token);
  if (!oidc) throw unauthenticated('This atlas accepts no OpenID Connect tokens (OIDC_ISSUER is not set); use an API token or sign in.');
  return oidc(token);
}

