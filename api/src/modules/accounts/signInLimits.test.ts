import { describe, expect, it } from 'vitest';
import { decideSignIn, type FailureCounts, loginKeyOf, SIGN_IN_LIMITS, waitSeconds } from './signInLimits.ts';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const none: FailureCounts = { pair: 0, client: 0, clientLastAt: null, login: 0, loginLastAt: null, knownClient: false };

describe('the sign-in limits', () => {
  it('let an attempt go below every limit', () => {
    expect(decideSignIn({ ...none, pair: 4, client: 9, clientLastAt: NOW, login: 19, loginLastAt: NOW }, NOW)).toEqual({ kind: 'go' });
  });

  it('pause a login for the client that failed 5 times (answered like a wrong password, no wait to announce)', () => {
    expect(decideSignIn({ ...none, pair: 5, client: 5, clientLastAt: NOW }, NOW)).toEqual({ kind: 'paused' });
  });

  it('make a client wait after 10 failures, 15 s after the last, doubling with each further failure up to an hour', () => {
    expect(waitSeconds(10, 10, NOW, 3600, NOW)).toBe(15);
    expect(waitSeconds(11, 10, NOW, 3600, NOW)).toBe(30);
    expect(waitSeconds(13, 10, NOW, 3600, NOW)).toBe(120);
    expect(waitSeconds(40, 10, NOW, 3600, NOW)).toBe(3600);
    expect(waitSeconds(10, 10, NOW - 20_000, 3600, NOW)).toBe(0);
    expect(decideSignIn({ ...none, client: 10, clientLastAt: NOW - 5000 }, NOW)).toEqual({ kind: 'wait', seconds: 10 });
  });

  it('make a login wait after 20 failures from all clients, except from a client where it signed in before', () => {
    const guessed = { ...none, login: 20, loginLastAt: NOW };
    expect(decideSignIn(guessed, NOW)).toEqual({ kind: 'wait', seconds: 15 });
    expect(decideSignIn({ ...guessed, knownClient: true }, NOW)).toEqual({ kind: 'go' });
    expect(waitSeconds(60, SIGN_IN_LIMITS.perLogin, NOW, SIGN_IN_LIMITS.maxLoginDelaySeconds, NOW)).toBe(900);
  });

  it('count a login as typed, trimmed and in lower case', () => {
    expect(loginKeyOf('  Admin ')).toBe('admin');
    expect(loginKeyOf('x'.repeat(300))).toHaveLength(100);
  });
});
