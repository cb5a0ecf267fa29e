// The request context every resolver gets: the database, the per-request loaders, the language,
// who is asking, the client's hashes for the limits, and how to set a cookie.
import type { Knex } from 'knex';
import type { Lang } from '../../domain/text.ts';
import type { Loaders } from './loaders.ts';
import type { Principal } from './modules/accounts/auth.ts';
import type { ReportLimiter } from './modules/editing/reportLimit.ts';

/**
 * What every resolver gets. `lang` is the language of the method texts, from the request's
 * Accept-Language (German when it asks for German first, else English).
 */
export type Context = {
  db: Knex;
  loaders: Loaders;
  basemapStyleUrl: string | null;
  /** Walking pace for minutes on foot (WALKING_SPEED_KMH), metres per minute. */
  walkingMetresPerMinute: number;
  lang: Lang;
  /**
   * Who is asking (looked up once, when a resolver first asks): the session's account, or the
   * subject of a bearer token; null when nobody. Rejects (UNAUTHENTICATED) for a bad bearer token.
   */
  viewer: () => Promise<Principal | null>;
  /** A salted hash of the client's address (sign-in and report limits), and of its network (/24, /48). */
  clientHash: string;
  networkHash: string;
  /** Reports from the field per client and overall. */
  reportLimiter: ReportLimiter;
  /** The session token of the request's cookie, or null. */
  sessionToken: string | null;
  /** Adds a Set-Cookie header to the response. */
  setCookie: (cookie: string) => void;
  /** Session cookies get `Secure` (SECURE_COOKIES=1 when served over https). */
  secureCookies: boolean;
};
