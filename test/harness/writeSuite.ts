// The setting of the HTTP tests of writes: a database of their own with the real data, a test
// OpenID Connect issuer, the server trusting it, and the kinds of callers an authorisation matrix
// needs (a signed-in account, an API token, an OIDC token), with GraphQL over real HTTP.
import * as accountStore from '../../api/src/modules/accounts/accountStore.ts';
import { createApiToken } from '../../api/src/modules/accounts/bearer.ts';
import { hashPassword } from '../../api/src/modules/accounts/passwords.ts';
import type { Role } from '../../api/src/modules/accounts/accountStore.ts';
import type { AppOptions } from '../../api/src/server.ts';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from './database.ts';
import { startHttpServer } from './httpServer.ts';
import { startOidcIssuer } from './oidcIssuer.ts';

export const PASSWORD = 'a long enough password';

export type GraphQLAnswer = { data?: any; errors?: { message: string; extensions: Record<string, any> }[] };

/**
 * `database` opens another database (an empty one for hand-made fixtures); `server` adds options
 * (TRUST_PROXY, PUBLIC_URL, ...).
 */
export async function startWriteSuite(options: { database?: () => Promise<Database>; server?: Partial<AppOptions> } = {}) {
  const db = await (options.database ?? openTestDatabase)();
  const issuer = await startOidcIssuer();
  const server = await startHttpServer(db.knex, { oidc: issuer.config, ...options.server });
  const passwordHash = await hashPassword(PASSWORD);

  const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLAnswer };
  };

  return {
    db,
    issuer,
    server,
    post,
    /** The answer's data; its errors as a thrown error. */
    data: async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      const { body } = await post(query, variables, headers);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    rows: async (sql: string, bindings: unknown[] = []) => (await db.knex.raw(sql, bindings as never)).rows,
    auditCount: async () => (await db.knex.raw('select count(*)::int as n from audit_log')).rows[0].n as number,
    /** A built-in account of the role, signed in: the headers that carry its session. */
    signedIn: async (login: string, displayName: string, role: Role) => {
      await accountStore.createAccount(db.knex, { login, displayName, role, passwordHash });
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { expiresAt } }', variables: { l: login, p: PASSWORD } }),
      });
      const cookie = response.headers.get('set-cookie');
      if (!cookie) throw new Error(`could not sign in ${login}: ${await response.text()}`);
      return { cookie: cookie.split(';')[0] };
    },
    /** An API token of the role: the Authorization header. */
    apiToken: async (name: string, role: Role) => ({ authorization: `Bearer ${(await createApiToken(db.knex, { name, role, createdBy: 'test', expiresAt: null })).token}` }),
    stop: async () => {
      await server.stop();
      await issuer.stop();
      await db.close();
    },
  };
}

export type WriteSuite = Awaited<ReturnType<typeof startWriteSuite>>;
