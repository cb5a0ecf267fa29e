// All SQL of accounts, sessions and the audit trail.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../../db/connect.ts';

export type Role = 'editor' | 'reviewer' | 'planner' | 'admin';

export type AccountRow = {
  id: number;
  login: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
};

/** What the Account type shows: an account, or whoever a bearer token names. */
export type AccountModel = Pick<AccountRow, 'login' | 'display_name' | 'role'>;

/** After this many failed logins in a row an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export async function findAccountByLogin(db: Db, login: string): Promise<AccountRow | null> {
  const result = await db.raw(/* accounts.byLogin */ 'select * from account where lower(login) = lower(?)', [login]);
  return result.rows[0] ?? null;
}

export async function createAccount(db: Db, account: { login: string; displayName: string; role: Role; passwordHash: string | null }): Promise<AccountRow> {
  const result = await db.raw(
    /* accounts.create */ 'insert into account (login, display_name, role, password_hash) values (?, ?, ?, ?) returning *',
    [account.login, account.displayName, account.role, account.passwordHash],
  );
  return result.rows[0];
}

export async function countAdmins(db: Db): Promise<number> {
  const result = await db.raw(/* accounts.countAdmins */ "select count(*)::int as n from account where role = 'admin' and disabled_at is null");
  return result.rows[0].n;
}

/** Counts a failed login; the MAX_FAILED_LOGINS-th locks the account. */
export async function recordFailedLogin(db: Db, id: number): Promise<void> {
  await db.raw(
    /* accounts.failedLogin */ `
    update account set failed_logins = failed_logins + 1,
           locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
     where id = ?`,
    [MAX_FAILED_LOGINS, LOCK_MINUTES, id],
  );
}

export async function recordSuccessfulLogin(db: Db, id: number): Promise<void> {
  await db.raw(/* accounts.successfulLogin */ 'update account set failed_logins = 0, locked_until = null where id = ?', [id]);
}

export async function isLocked(db: Db, id: number): Promise<boolean> {
  const result = await db.raw(/* accounts.isLocked */ 'select locked_until > now() as locked from account where id = ?', [id]);
  return result.rows[0]?.locked === true;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: the token goes to the cookie, only its hash to the database. */
export async function createSession(db: Db, accountId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await db.raw(/* accounts.createSession */ 'insert into account_session (token_sha256, account_id, expires_at) values (?, ?, ?)', [
    sha256(token),
    accountId,
    expiresAt.toISOString(),
  ]);
  return { token, expiresAt };
}

/** The account of a live session, or null (unknown, expired, or the account disabled). */
export async function accountOfSession(db: Db, token: string): Promise<AccountRow | null> {
  const result = await db.raw(
    /* accounts.ofSession */ `
    select a.* from account_session s join account a on a.id = s.account_id
     where s.token_sha256 = ? and s.expires_at > now() and a.disabled_at is null`,
    [sha256(token)],
  );
  return result.rows[0] ?? null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.raw(/* accounts.deleteSession */ 'delete from account_session where token_sha256 = ?', [sha256(token)]);
}

export type AuditEntry = {
  accountId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

// The id goes out as text (bigint). A bare `order by id` would then sort that text ("99" after
// "157"): order by audit_log.id.
export const AUDIT_COLUMNS = `id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, action, entity, entity_key, before, after, reason`;

/** One audit record; written in the same transaction as the change it records. */
export async function audit(db: Db, entry: AuditEntry): Promise<AuditRow> {
  const result = await db.raw(
    /* accounts.audit */ `
    insert into audit_log (account_id, actor, action, entity, entity_key, before, after, reason)
    values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
    returning ${AUDIT_COLUMNS}`,
    [
      entry.accountId,
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityKey,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.reason ?? null,
    ],
  );
  return result.rows[0];
}
