// Sign-in and sign-out; the argon2 check and the lockout rule.
import { GraphQLError } from 'graphql';
import type { Resolvers } from '../../generated/resolvers.ts';
import * as accountStore from './accountStore.ts';
import { clearedSessionCookie, sessionCookie } from './auth.ts';
import { hashPassword, passwordMatches } from './passwords.ts';

const wrong = () => new GraphQLError('Login or password is wrong.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

// Checked when the login is unknown, so that an unknown login takes as long as a wrong password.
const dummyHash = hashPassword('not a password of anybody');

export const accountResolvers: Resolvers = {
  Role: { EDITOR: 'editor', REVIEWER: 'reviewer', PLANNER: 'planner', ADMIN: 'admin' },
  Query: {
    me: (_, __, ctx) => ctx.viewer(),
  },
  Mutation: {
    login: async (_, args, ctx) => {
      const account = await accountStore.findAccountByLogin(ctx.db, args.login.trim());
      const attempt = (action: string, accountId: number | null) =>
        accountStore.audit(ctx.db, { accountId, actor: args.login.trim().slice(0, 100), action, entity: 'account', entityKey: args.login.trim().slice(0, 100) });
      if (!account || account.disabled_at || !account.password_hash) {
        await passwordMatches(await dummyHash, args.password);
        await attempt('account.login_failed', null);
        throw wrong();
      }
      if (await accountStore.isLocked(ctx.db, account.id)) {
        await attempt('account.login_locked', account.id);
        throw new GraphQLError(`This account is locked for ${accountStore.LOCK_MINUTES} minutes after ${accountStore.MAX_FAILED_LOGINS} failed logins.`, {
          extensions: { code: 'ACCOUNT_LOCKED', http: { status: 429 } },
        });
      }
      if (!(await passwordMatches(account.password_hash, args.password))) {
        await accountStore.recordFailedLogin(ctx.db, account.id);
        await attempt('account.login_failed', account.id);
        throw wrong();
      }
      await accountStore.recordSuccessfulLogin(ctx.db, account.id);
      const session = await accountStore.createSession(ctx.db, account.id);
      await attempt('account.login', account.id);
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      return { account, expiresAt: session.expiresAt.toISOString() };
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
