// Accounts over real HTTP: sign-in with the session cookie, lockout, and what a cookie may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import * as accountStore from '../api/src/modules/accounts/accountStore.ts';
import { hashPassword } from '../api/src/modules/accounts/passwords.ts';
import { openTestDatabase } from './harness/database.ts';
import { startHttpServer } from './harness/httpServer.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startHttpServer>>;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startHttpServer(db.knex);
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ['editor', 'reviewer', 'admin'] as const) {
    await accountStore.createAccount(db.knex, { login: role, displayName: `The ${role}`, role, passwordHash });
  }
  await accountStore.createAccount(db.knex, { login: 'locked', displayName: 'Locked', role: 'editor', passwordHash });
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, cookie: response.headers.get('set-cookie'), body: await response.json() };
};
const LOGIN = 'mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { account { login role displayName } expiresAt } }';

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, and the cookie says who is signed in', async () => {
    const { body, cookie } = await post(LOGIN, { login: 'Editor', password: PASSWORD });
    expect(body.data.login.account).toEqual({ login: 'editor', role: 'EDITOR', displayName: 'The editor' });
    expect(cookie).toMatch(/^va_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const session = cookie!.split(';')[0];
    expect((await post('{ me { login role } }', {}, { cookie: session })).body.data.me).toEqual({ login: 'editor', role: 'EDITOR' });
    expect((await post('{ me { login } }')).body.data.me).toBeNull();
    // The database keeps only a hash of the token.
    const stored = (await db.knex.raw('select token_sha256 from account_session')).rows.map((r: { token_sha256: string }) => r.token_sha256);
    expect(stored).not.toContain(session.split('=')[1]);
    const out = await post('mutation { logout }', {}, { cookie: session });
    expect(out.cookie).toContain('Max-Age=0');
    expect((await post('{ me { login } }', {}, { cookie: session })).body.data.me).toBeNull();
  });

  it('answers a wrong password and an unknown login alike', async () => {
    const wrong = await post(LOGIN, { login: 'reviewer', password: 'not the password' });
    const unknown = await post(LOGIN, { login: 'nobody', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.errors[0]).toEqual(unknown.body.errors[0]);
    expect(wrong.body.errors[0]).toMatchObject({ message: 'Login or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.cookie).toBeNull();
  });

  it('locks an account after five failed logins in a row, even for the right password', async () => {
    for (let i = 0; i < accountStore.MAX_FAILED_LOGINS; i++) await post(LOGIN, { login: 'locked', password: `wrong ${i}` });
    const { status, body, cookie } = await post(LOGIN, { login: 'locked', password: PASSWORD });
    expect(status).toBe(429);
    expect(body.errors[0].extensions.code).toBe('ACCOUNT_LOCKED');
    expect(cookie).toBeNull();
  });

  it('ignores a forged or expired session cookie', async () => {
    expect((await post('{ me { login } }', {}, { cookie: 'va_session=forged-token-that-was-never-issued' })).body.data.me).toBeNull();
    const admin = (await accountStore.findAccountByLogin(db.knex, 'admin'))!;
    const { token } = await accountStore.createSession(db.knex, admin.id);
    await db.knex.raw('update account_session set expires_at = now() - interval \'1 minute\'');
    expect((await post('{ me { login } }', {}, { cookie: `va_session=${token}` })).body.data.me).toBeNull();
  });

  it('refuses a cross-site form post (CSRF): a mutation needs a JSON body or a preflight header', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.status).toBe(400);
  });
});
