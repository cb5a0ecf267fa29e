// Sign-in and sign-out: the argon2 check under the sign-in limits (signInLimits.ts), and an admin's unlock.
import { GraphQLError } from 'graphql';
import type { Resolvers } from '../../generated/resolvers.ts';
import * as accountStore from './accountStore.ts';
import type { Knex } from 'knex';
import { actorOf, clearedSessionCookie, requireRole, sessionCookie } from './auth.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import { decideSignIn, loginKeyOf, SIGN_IN_LIMITS } from './signInLimits.ts';
import * as signInStore from './signInStore.ts';

// One answer for an unknown login, a wrong password and a login paused for this client: which
// of them it was is nobody's business before they have signed in.
const wrong = () =>
  new GraphQLError(
    `Login or password is wrong, or sign-in for this login is paused here for up to ${SIGN_IN_LIMITS.windowMinutes} minutes after ${SIGN_IN_LIMITS.perLoginAndClient} failed attempts.`,
    { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
  );

const tooMany = (seconds: number) =>
  new GraphQLError(`Too many failed sign-ins: try again in ${seconds} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });

// Checked when the login is unknown or paused, so that every refusal takes as long as a wrong password.
const dummyHash = hashPassword('not a password of anybody');

export const accountResolvers: Resolvers = {
  Role: { EDITOR: 'editor', REVIEWER: 'reviewer', PLANNER: 'planner', ADMIN: 'admin' },
  Query: {
    me: (_, __, ctx) => ctx.viewer(),
  },
  Mutation: {
    login: async (_, args, ctx) => {
      const typed = args.login.trim().slice(0, 100);
      const loginKey = loginKeyOf(args.login);
      const attempt = await signInStore.beginAttempt(ctx.db, loginKey, ctx.clientHash);
      const decision = decideSignIn(await signInStore.failureCounts(ctx.db, attempt, loginKey, ctx.clientHash), Date.now());
      if (decision.kind === 'wait') {
        // Refused before any password check: not counted, not audited (a flood writes nothing).
        await signInStore.dropAttempt(ctx.db, attempt);
        throw tooMany(decision.seconds);
      }
      const account = await accountStore.findAccountByLogin(ctx.db, typed);
      const usable = account && !account.disabled_at && account.password_hash ? account : null;
      const matches = await passwordMatches(usable?.password_hash ?? (await dummyHash), args.password);
      if (!usable || !matches || decision.kind === 'paused') {
        await signInStore.keepFailure(ctx.db);
        await accountStore.audit(ctx.db, {
          accountId: usable?.id ?? null,
          actor: typed,
          action: decision.kind === 'paused' ? 'account.login_paused' : 'account.login_failed',
          entity: 'account',
          entityKey: typed,
        });
        throw wrong();
      }
      await signInStore.dropAttempt(ctx.db, attempt);
      await signInStore.recordSuccess(ctx.db, loginKey, ctx.clientHash);
      const session = await accountStore.createSession(ctx.db, usable.id);
      await accountStore.audit(ctx.db, { accountId: usable.id, actor: usable.login, action: 'account.login', entity: 'account', entityKey: usable.login });
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      return { account: usable, expiresAt: session.expiresAt.toISOString() };
    },
    unlockSignIn: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'admin');
      const loginKey = loginKeyOf(args.login);
      return (ctx.db as Knex).transaction(async (trx) => {
        const forgotten = await signInStore.unlockLogin(trx, loginKey);
        await accountStore.audit(trx, { accountId: who.account_id, actor: actorOf(who), action: 'account.unlock', entity: 'account', entityKey: loginKey, after: { failuresForgotten: forgotten } });
        return forgotten;
      });
    },
    logout: async (_, __, ctx) => {
      const viewer = await ctx.viewer().catch(() => null);
      if (ctx.sessionToken) await accountStore.deleteSession(ctx.db, ctx.sessionToken);
      if (viewer) await accountStore.audit(ctx.db, { accountId: viewer.account_id, actor: viewer.login, action: 'account.logout', entity: 'account', entityKey: viewer.login });
      ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
      return true;
    },
  },
  Account: {
    displayName: (account) => account.display_name,
  },
};
