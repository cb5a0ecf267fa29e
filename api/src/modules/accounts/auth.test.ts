import { describe, expect, it } from 'vitest';
import type { Role } from './accountStore.ts';
import { bearerTokenOf, isCrossSite, requireRole, roleAllows, sessionCookie, sessionTokenOf, type Principal } from './auth.ts';
import { roleFromClaim } from './bearer.ts';
import { checkPasswordRules } from './passwords.ts';

const account = (role: Role): Principal => ({ via: 'session', account_id: 1, login: role, display_name: role, role });

describe('roles', () => {
  it('grant an admin everything, a reviewer also editing, an editor editing only', () => {
    const matrix = (['editor', 'reviewer', 'admin'] as const).map((role) => (['editor', 'reviewer', 'admin'] as const).map((needed) => roleAllows(role, needed)));
    expect(matrix).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });

  it('answer nobody with UNAUTHENTICATED and a too small role with FORBIDDEN', () => {
    expect(() => requireRole(null, 'editor')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => requireRole(account('editor'), 'reviewer')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(requireRole(account('admin'), 'reviewer').login).toBe('admin');
  });
});

describe('the session cookie', () => {
  it('is read from a Cookie header among others', () => {
    expect(sessionTokenOf('theme=dark; va_session=abc-DEF_1; other=x')).toBe('abc-DEF_1');
    expect(sessionTokenOf('va_session=')).toBeNull();
    expect(sessionTokenOf(undefined)).toBeNull();
  });

  it('is HttpOnly and SameSite=Strict, Secure when asked', () => {
    const cookie = sessionCookie('t', new Date(Date.now() + 3_600_000), true);
    expect(cookie).toMatch(/^va_session=t; Path=\/; HttpOnly; SameSite=Strict; Max-Age=36\d\d; Secure$/);
  });
});

describe('bearer tokens and cross-site requests', () => {
  it('reads a bearer token, tells a malformed header from none', () => {
    expect(bearerTokenOf('Bearer va_abcdefgh123')).toBe('va_abcdefgh123');
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerTokenOf('Bearer <script>')).toBeNull();
  });

  it('takes the highest atlas role from a claim, as a list or a string', () => {
    expect(roleFromClaim(['offline_access', 'editor', 'reviewer'])).toBe('reviewer');
    expect(roleFromClaim('uma_authorization versorgungsatlas:admin')).toBe('admin');
    expect(roleFromClaim(['viewer'])).toBeNull();
    expect(roleFromClaim(undefined)).toBeNull();
  });

  it('treats another origin, or a browser saying cross-site, as cross-site', () => {
    expect(isCrossSite({ origin: 'http://atlas.local:8080', host: 'atlas.local:8080' })).toBe(false);
    expect(isCrossSite({ host: 'atlas.local:8080' })).toBe(false);
    expect(isCrossSite({ origin: 'https://evil.example', host: 'atlas.local:8080' })).toBe(true);
    expect(isCrossSite({ origin: 'null', host: 'atlas.local:8080' })).toBe(true);
    expect(isCrossSite({ 'sec-fetch-site': 'cross-site', host: 'atlas.local:8080' })).toBe(true);
    expect(isCrossSite({ 'sec-fetch-site': 'same-origin', origin: 'http://atlas.local:8080', host: 'atlas.local:8080' })).toBe(false);
  });
});

describe('passwords', () => {
  it('need at least 12 characters', () => {
    expect(checkPasswordRules('short')).toContain('12');
    expect(checkPasswordRules('twelve chars')).toBeNull();
  });
});
