// Sign-in over real HTTP as an attacker would try it, on an empty database with a few accounts.
// The server trusts the loopback proxy, so that X-Forwarded-For plays the clients' addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../../../../test/harness/database.ts';
import { PASSWORD, startWriteSuite, type WriteSuite } from '../../../../test/harness/writeSuite.ts';
import * as accountStore from './accountStore.ts';
import { hashPassword } from './passwords.ts';
import { SIGN_IN_LIMITS } from './signInLimits.ts';

let suite: WriteSuite;
let admin: { cookie: string };
let editor: { cookie: string };

beforeAll(async () => {
  suite = await startWriteSuite({ database: openEmptyTestDatabase, server: { trustProxy: ['127.0.0.1', '::1'] } });
  admin = await suite.signedIn('ada', 'Ada Admin', 'admin');
  editor = await suite.signedIn('eda', 'Eda Editor', 'editor');
  const passwordHash = await hashPassword(PASSWORD);
  for (const login of ['paula', 'rita', 'tom', 'uwe']) await accountStore.createAccount(suite.db.knex, { login, displayName: login, role: 'editor', passwordHash });
});
afterAll(() => suite?.stop());

const LOGIN = 'mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { account { login role displayName } expiresAt } }';
const from = (address: string) => ({ 'x-forwarded-for': address });
const signIn = async (login: string, password: string, address: string) => {
  const response = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from(address) },
    body: JSON.stringify({ query: LOGIN, variables: { login, password } }),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie'), retryAfter: response.headers.get('retry-after'), body: await response.json() };
};
const failures = async (login: string) => (await suite.rows('select count(*)::int as n from sign_in_failure where login_key = ?', [login]))[0].n as number;

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie; the database keeps only a hash of the token', async () => {
    const { body, cookie } = await signIn('Paula', PASSWORD, '198.51.100.10');
    expect(body.data.login.account).toEqual({ login: 'paula', role: 'EDITOR', displayName: 'paula' });
    expect(cookie).toMatch(/^va_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const session = cookie!.split(';')[0];
    expect((await suite.post('{ me { login role } }', {}, { cookie: session })).body.data.me).toEqual({ login: 'paula', role: 'EDITOR' });
    const stored = (await suite.rows('select token_sha256 from account_session')).map((r: { token_sha256: string }) => r.token_sha256);
    expect(stored).not.toContain(session.split('=')[1]);
    await suite.post('mutation { logout }', {}, { cookie: session });
    expect((await suite.post('{ me { login } }', {}, { cookie: session })).body.data.me).toBeNull();
  });

  it('answers an unknown login, a wrong password and a paused login alike', async () => {
    const client = '198.51.100.20';
    const wrong = await signIn('rita', 'not the password', client);
    const unknown = await signIn('nobody-at-all', 'not the password', client);
    for (let i = 0; i < SIGN_IN_LIMITS.perLoginAndClient; i++) await signIn('tom', `wrong ${i}`, '198.51.100.21');
    const paused = await signIn('tom', PASSWORD, '198.51.100.21');
    for (const answer of [wrong, unknown, paused]) {
      expect(answer.status).toBe(401);
      expect(answer.cookie).toBeNull();
      expect(answer.body.errors[0]).toEqual(wrong.body.errors[0]);
    }
    expect(wrong.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Login or password is wrong, or sign-in for this login is paused/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('pauses a login only for the client that failed: the person signs in from their own desk meanwhile', async () => {
    const attacker = '203.0.113.66';
    for (let i = 0; i < 8; i++) await signIn('ada', `guess ${i}`, attacker);
    expect((await signIn('ada', PASSWORD, attacker)).status).toBe(401);
    const atHerDesk = await signIn('ada', PASSWORD, '198.51.100.30');
    expect(atHerDesk.status).toBe(200);
    expect(atHerDesk.body.data.login.account.login).toBe('ada');
  });

  it('lets no pause outlive its window: 15 minutes after the failures the right password works again', async () => {
    const client = '198.51.100.40';
    for (let i = 0; i < SIGN_IN_LIMITS.perLoginAndClient; i++) await signIn('uwe', `wrong ${i}`, client);
    expect((await signIn('uwe', PASSWORD, client)).status).toBe(401);
    await suite.db.knex.raw("update sign_in_failure set at = at - interval '16 minutes' where login_key = 'uwe'");
    // One more wrong try after the window counts alone: no pause yet.
    expect((await signIn('uwe', 'wrong again', client)).status).toBe(401);
    expect((await signIn('uwe', PASSWORD, client)).status).toBe(200);
    expect(await failures('uwe')).toBe(0);
  });

  it('makes a client that fails for many logins wait, with Retry-After, the same for real and unknown logins', async () => {
    const client = '203.0.113.77';
    for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) await signIn(`name-${i}`, 'guess', client);
    const audits = await suite.auditCount();
    const real = await signIn('rita', 'guess', client);
    const unknown = await signIn('nobody-else', 'guess', client);
    for (const answer of [real, unknown]) {
      expect(answer.status).toBe(429);
      expect(answer.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Too many failed sign-ins: try again in \d+ s\.$/), extensions: { code: 'RATE_LIMITED' } });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(real.body.errors[0].message.replace(/\d+/, 'N')).toBe(unknown.body.errors[0].message.replace(/\d+/, 'N'));
    // Refused before any password check: no audit record each.
    expect(await suite.auditCount()).toBe(audits);
  });

  it('answers only some of 20 sign-ins sent at once from one address', async () => {
    const client = '203.0.113.88';
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(`burst-${i}`, 'guess', client)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perClient);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - SIGN_IN_LIMITS.perClient);
  });

  it('makes guessing one login from many addresses wait, except where that login signed in before', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perLogin; i++) await signIn('paula', `guess ${i}`, `192.0.2.${i + 1}`);
    expect((await signIn('paula', PASSWORD, '192.0.2.200')).status).toBe(429);
    // 198.51.100.10 is where paula signed in in the first test.
    expect((await signIn('paula', PASSWORD, '198.51.100.10')).status).toBe(200);
  });

  it('is unlocked by an admin for every client, with an audit record; nobody else may', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perLoginAndClient; i++) await signIn('rita', `wrong ${i}`, '198.51.100.50');
    expect((await signIn('rita', PASSWORD, '198.51.100.50')).status).toBe(401);
    const UNLOCK = 'mutation ($l: String!) { unlockSignIn(login: $l) }';
    expect((await suite.post(UNLOCK, { l: "rita" })).body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await suite.post(UNLOCK, { l: "rita" }, editor)).body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await failures('rita')).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perLoginAndClient);
    const audits = await suite.auditCount();
    expect((await suite.post(UNLOCK, { l: ' Rita ' }, admin)).body.data.unlockSignIn).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perLoginAndClient);
    expect(await suite.auditCount()).toBe(audits + 1);
    expect((await suite.rows("select actor, entity_key from audit_log where action = 'account.unlock'"))[0]).toEqual({ actor: 'ada', entity_key: 'rita' });
    expect((await signIn('rita', PASSWORD, '198.51.100.50')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('ignore a forged or expired session cookie', async () => {
    expect((await suite.post('{ me { login } }', {}, { cookie: 'va_session=forged-token-that-was-never-issued' })).body.data.me).toBeNull();
    const account = (await accountStore.findAccountByLogin(suite.db.knex, 'tom'))!;
    const { token } = await accountStore.createSession(suite.db.knex, account.id);
    expect((await suite.post('{ me { login } }', {}, { cookie: `va_session=${token}` })).body.data.me).toEqual({ login: 'tom' });
    await suite.db.knex.raw("update account_session set expires_at = now() - interval '1 minute' where account_id = ?", [account.id]);
    expect((await suite.post('{ me { login } }', {}, { cookie: `va_session=${token}` })).body.data.me).toBeNull();
  });

  it('refuse a cross-site form post (CSRF): a mutation needs a JSON body or a preflight header', async () => {
    const response = await fetch(`${suite.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    expect(response.status).toBe(400);
  });
});

describe('OpenID Connect tokens over HTTP', () => {
  const me = (token: string) => suite.post('{ me { login role } }', {}, { authorization: `Bearer ${token}` });

  it('refuse a token without expiry although it claims the admin role', async () => {
    const answer = await me(await suite.issuer.token({ sub: 'u-1', realm_access: { roles: ['admin'] } }, { expiresIn: null }));
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuse tokens without subject, so that no two callers share an identity', async () => {
    const answer = await suite.post('mutation { createScenario(input: { title: "Geteilt", changes: [] }) { key } }', {}, { authorization: `Bearer ${await suite.issuer.token({ realm_access: { roles: ['planner'] } })}` });
    expect(answer.status).toBe(401);
    expect(await suite.rows("select * from scenario where title = 'Geteilt'")).toEqual([]);
  });

  it('accept a well-formed token', async () => {
    const answer = await me(await suite.issuer.token({ sub: 'u-2', realm_access: { roles: ['planner'] } }));
    expect(answer.body.data.me).toEqual({ login: 'u-2', role: 'PLANNER' });
  });
});
