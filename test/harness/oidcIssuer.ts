// A local OpenID Connect issuer for tests: discovery document and JWKS over real HTTP, and a
// function to sign access tokens with its key (or, for forged tokens, with another key).
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TEST_AUDIENCE = 'versorgungsatlas';

export async function startOidcIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  /**
   * An access token; `forged` signs it with a key the issuer never published. `expiresIn: null` or
   * `issuedAt: null` leave the claim out (tokens an identity provider should never issue).
   */
  const token = async (
    claims: JWTPayload,
    { expiresIn = '5m' as string | number | null, issuedAt = (Math.floor(Date.now() / 1000) - 3600) as number | null, forged = false, audience = TEST_AUDIENCE, issuedBy = issuer } = {},
  ) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuer(issuedBy).setAudience(audience);
    if (issuedAt !== null) jwt.setIssuedAt(issuedAt);
    if (expiresIn !== null) jwt.setExpirationTime(expiresIn);
    return jwt.sign(forged ? stranger.privateKey : privateKey);
  };

  return {
    issuer,
    token,
    config: { issuer, audience: TEST_AUDIENCE, roleClaim: 'realm_access.roles' },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
