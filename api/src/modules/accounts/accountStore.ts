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
  disabled_at: string | null;
};

/** What the Account type shows: an account, or whoever a bearer token names. */
export type AccountModel = Pick<AccountRow, 'login' | 'display_name' | 'role'>;

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

/** The roles of accounts by login (for showing who acted without the sign-in name). */
export async function rolesByLogin(db: Db, logins: readonly string[]): Promise<Map<string, Role>> {
  const result = await db.raw(/* accounts.rolesByLogin */ 'select lower(login) as login, role from account where lower(login) = any(?::text[])', [
    logins.map((l) => l.toLowerCase()),
  ]);
  return new Map(result.rows.map((r: { login: string; role: Role }) => [r.login, r.role]));
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
