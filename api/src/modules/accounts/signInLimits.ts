// The rules that keep sign-in from being turned against the people who use it.
//
// - A login is paused for one client (address) after 5 failures from there within 15 minutes,
//   until fewer than 5 of its failures lie in the last 15 minutes: someone guessing from elsewhere
//   never pauses the login at the person's own desk, and no pause outlives its window.
// - One client may fail 10 times in 15 minutes (any logins); after that each further try waits,
//   15 s after the last failure, doubling with each failure up to an hour.
// - One login may fail 20 times in 15 minutes from all clients together (guessing from many
//   addresses); after that tries wait the same way, up to 15 minutes, except from a client where
//   this login signed in successfully in the last 30 days.
// Failures are counted per login as typed, whether or not an account has that login, and every
// refusal reads the same for an unknown login, a wrong password and a paused login: the limits tell
// nobody which logins exist. An admin lifts all limits of a login (`unlockSignIn`,
// `npm run account -- unlock <login>`).

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** Failures of one login from one client in the window before that pair pauses. */
  perLoginAndClient: 5,
  /** Failures of one client (any logins) in the window before it waits. */
  perClient: 10,
  /** Failures of one login (all clients) in the window before others wait. */
  perLogin: 20,
  /** The first wait after a limit, doubled with every further failure. */
  firstDelaySeconds: 15,
  maxClientDelaySeconds: 3600,
  maxLoginDelaySeconds: 900,
  /** A client where a login signed in successfully is known for this long. */
  knownClientDays: 30,
};

/** What the store counted for one attempt (the attempt itself not included). */
export type FailureCounts = {
  /** Failures of this login from this client in the window. */
  pair: number;
  /** Failures of this client in the window, and when its latest was (ms since epoch). */
  client: number;
  clientLastAt: number | null;
  /** Failures of this login from all clients in the window, and the latest. */
  login: number;
  loginLastAt: number | null;
  /** The login signed in successfully from this client lately. */
  knownClient: boolean;
};

export type SignInDecision = { kind: 'go' } | { kind: 'paused' } | { kind: 'wait'; seconds: number };

/** The wait after `count` failures when `limit` are free: 0 below the limit, then doubling from the first delay. */
export function waitSeconds(count: number, limit: number, lastAt: number | null, maxSeconds: number, now: number): number {
  if (count < limit || lastAt === null) return 0;
  const delay = Math.min(maxSeconds, SIGN_IN_LIMITS.firstDelaySeconds * 2 ** Math.min(30, count - limit));
  return Math.max(0, Math.ceil((lastAt + delay * 1000 - now) / 1000));
}

/** Whether an attempt may check its password, must wait (429), or meets a paused login (answered like a wrong password). */
export function decideSignIn(counts: FailureCounts, now: number): SignInDecision {
  const rules = SIGN_IN_LIMITS;
  const byClient = waitSeconds(counts.client, rules.perClient, counts.clientLastAt, rules.maxClientDelaySeconds, now);
  const byLogin = counts.knownClient ? 0 : waitSeconds(counts.login, rules.perLogin, counts.loginLastAt, rules.maxLoginDelaySeconds, now);
  const seconds = Math.max(byClient, byLogin);
  if (seconds > 0) return { kind: 'wait', seconds };
  if (counts.pair >= rules.perLoginAndClient) return { kind: 'paused' };
  return { kind: 'go' };
}

/** The key failures are counted under: the login as typed, trimmed and lower-cased, at most 100 characters. */
export const loginKeyOf = (login: string) => login.trim().toLowerCase().slice(0, 100);
