// All SQL of the sign-in limits (rules in signInLimits.ts).
import type { Db } from '../../../../db/connect.ts';
import { type FailureCounts, SIGN_IN_LIMITS } from './signInLimits.ts';

/**
 * Records an attempt as a failure before its password is checked, so that attempts sent at once
 * count against each other; a successful or refused attempt takes its row back.
 */
export async function beginAttempt(db: Db, loginKey: string, clientHash: string): Promise<number> {
  const result = await db.raw(/* signIn.begin */ 'insert into sign_in_failure (login_key, client_hash) values (?, ?) returning id', [loginKey, clientHash]);
  return Number(result.rows[0].id);
}

/** What the limits count for an attempt (its own row left out). */
export async function failureCounts(db: Db, attemptId: number, loginKey: string, clientHash: string): Promise<FailureCounts> {
  const result = await db.raw(
    /* signIn.counts */ `
    with recent as (
      select login_key, client_hash, at from sign_in_failure
       where at > now() - make_interval(mins => ?) and id <> ? and (login_key = ? or client_hash = ?)
    )
    select count(*) filter (where login_key = ? and client_hash = ?)::int as pair,
           count(*) filter (where client_hash = ?)::int as client,
           (extract(epoch from max(at) filter (where client_hash = ?)) * 1000)::float8 as client_last_at,
           count(*) filter (where login_key = ?)::int as login,
           (extract(epoch from max(at) filter (where login_key = ?)) * 1000)::float8 as login_last_at,
           exists (select 1 from sign_in_known_client k
                    where k.login_key = ? and k.client_hash = ? and k.last_success_at > now() - make_interval(days => ?)) as known_client
      from recent`,
    [SIGN_IN_LIMITS.windowMinutes, attemptId, loginKey, clientHash, loginKey, clientHash, clientHash, clientHash, loginKey, loginKey, loginKey, clientHash, SIGN_IN_LIMITS.knownClientDays],
  );
  const row = result.rows[0];
  return {
    pair: row.pair,
    client: row.client,
    clientLastAt: row.client_last_at,
    login: row.login,
    loginLastAt: row.login_last_at,
    knownClient: row.known_client,
  };
}

/** Takes an attempt's row back (it was refused before its password was checked). */
export async function dropAttempt(db: Db, attemptId: number): Promise<void> {
  await db.raw(/* signIn.drop */ 'delete from sign_in_failure where id = ?', [attemptId]);
}

/** A failed attempt stays counted; failures older than a day are removed on the way. */
export async function keepFailure(db: Db): Promise<void> {
  await db.raw(/* signIn.prune */ "delete from sign_in_failure where at < now() - interval '1 day'");
}

/** After a successful sign-in: this login's failures from this client are forgotten and the client is known. */
export async function recordSuccess(db: Db, loginKey: string, clientHash: string): Promise<void> {
  await db.raw(/* signIn.forgetPair */ 'delete from sign_in_failure where login_key = ? and client_hash = ?', [loginKey, clientHash]);
  await db.raw(
    /* signIn.knownClient */ `
    insert into sign_in_known_client (login_key, client_hash) values (?, ?)
    on conflict (login_key, client_hash) do update set last_success_at = now()`,
    [loginKey, clientHash],
  );
}

/** Lifts every limit of a login (an admin's unlock); returns how many failures were forgotten. */
export async function unlockLogin(db: Db, loginKey: string): Promise<number> {
  const result = await db.raw(/* signIn.unlock */ 'delete from sign_in_failure where login_key = ?', [loginKey]);
  return result.rowCount ?? 0;
}

/** The installation's salt for client address hashes, made on first use (the same in every process). */
export async function clientSalt(db: Db, fresh: string): Promise<string> {
  await db.raw(/* appSecret.ensure */ "insert into app_secret (name, value) values ('client_salt', ?) on conflict (name) do nothing", [fresh]);
  const result = await db.raw(/* appSecret.read */ "select value from app_secret where name = 'client_salt'");
  return result.rows[0].value;
}
