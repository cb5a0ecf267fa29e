// OpenID Connect tokens against a real local issuer (discovery and JWKS over HTTP): what the atlas
// refuses although the signature is right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer } from '../../../../test/harness/oidcIssuer.ts';
import { oidcVerifier } from './bearer.ts';

let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;
let verify: ReturnType<typeof oidcVerifier>;
const admin = { realm_access: { roles: ['admin'] } };
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  issuer = await startOidcIssuer();
  verify = oidcVerifier(issuer.config);
});
afterAll(() => issuer?.stop());

const refusal = async (token: Promise<string>) => {
  try {
    await verify(await token);
  } catch (error) {
    return { code: (error as { extensions?: { code?: string } }).extensions?.code, message: (error as Error).message };
  }
  return null;
};

describe('OpenID Connect access tokens', () => {
  it('accept a well-formed token and name its subject', async () => {
    const principal = await verify(await issuer.token({ sub: 'u-1', name: 'Ada', ...admin }));
    expect(principal).toMatchObject({ via: 'oidc', login: 'u-1', display_name: 'Ada', role: 'admin' });
  });

  it('refuse a token without expiry, even with the admin role', async () => {
    expect(await refusal(issuer.token({ sub: 'u-1', ...admin }, { expiresIn: null }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The bearer token is not valid (missing required "exp" claim).',
    });
  });

  it('refuse a token without subject, or with an empty one (no shared "(no subject)" identity)', async () => {
    expect((await refusal(issuer.token({ ...admin })))?.code).toBe('UNAUTHENTICATED');
    expect(await refusal(issuer.token({ sub: '  ', ...admin }))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('subject (sub)') });
  });

  it('refuse a token without iat, issued in the future, issued over a day ago, or living longer than a day', async () => {
    expect((await refusal(issuer.token({ sub: 'u-1', ...admin }, { issuedAt: null })))?.code).toBe('UNAUTHENTICATED');
    expect((await refusal(issuer.token({ sub: 'u-1', ...admin }, { issuedAt: now() + 3600, expiresIn: now() + 7200 })))?.code).toBe('UNAUTHENTICATED');
    expect((await refusal(issuer.token({ sub: 'u-1', ...admin }, { issuedAt: now() - 2 * 86_400 })))?.code).toBe('UNAUTHENTICATED');
    expect(await refusal(issuer.token({ sub: 'u-1', ...admin }, { issuedAt: now() - 60, expiresIn: now() + 30 * 86_400 }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('longer than a day'),
    });
  });

  it('refuse an expired token, a forged one and one for another audience', async () => {
    expect(await refusal(issuer.token({ sub: 'u-1', ...admin }, { expiresIn: now() - 600 }))).toEqual({ code: 'UNAUTHENTICATED', message: 'The bearer token has expired.' });
    expect((await refusal(issuer.token({ sub: 'u-1', ...admin }, { forged: true })))?.code).toBe('UNAUTHENTICATED');
    expect((await refusal(issuer.token({ sub: 'u-1', ...admin }, { audience: 'another-app' })))?.code).toBe('UNAUTHENTICATED');
  });
});
