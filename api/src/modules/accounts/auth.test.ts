import { describe, expect, it } from 'vitest';
import type { AccountRow, Role } from './accountStore.ts';
import { requireRole, roleAllows, sessionCookie, sessionTokenOf } from './auth.ts';
import { checkPasswordRules } from './passwords.ts';

const account = (role: Role): AccountRow => ({ id: 1, login: role, display_name: role, role, password_hash: null, failed_logins: 0, locked_until: null, disabled_at: null });

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

describe('passwords', () => {
  it('need at least 12 characters', () => {
    expect(checkPasswordRules('short')).toContain('12');
    expect(checkPasswordRules('twelve chars')).toBeNull();
  });
});
