// The limit of anonymous reports (Fehler melden, Angebot vorschlagen): at most 5 an hour from one
// client address, 20 from one network, 2,000 from everyone. Counted in the database (report_hit),
// so that every process of the atlas counts the same reports; one advisory lock makes the count and
// the hit one step, whichever process takes it. Only salted hashes are kept, for the window.
import type { Db } from '../../../../db/connect.ts';

export const REPORT_LIMIT = { perClient: 5, perNetwork: 20, overall: 2000, windowMinutes: 60 };

/** The advisory lock every process takes around one count and hit. */
const REPORT_LOCK = 7_304_211;

export type ReportLimiter = { take: (client: string, network: string, now?: Date) => Promise<boolean> };

export function sharedReportLimit(db: Db, limits = REPORT_LIMIT): ReportLimiter {
  return {
    take: (client, network, now = new Date()) =>
      db.transaction(async (trx) => {
        await trx.raw(/* reports.limitLock */ 'select pg_advisory_xact_lock(?)', [REPORT_LOCK]);
        const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
        await trx.raw(/* reports.limitExpire */ 'delete from report_hit where at <= ?', [since]);
        const counts = await trx.raw(
          /* reports.limitCount */ `
          select count(*) filter (where client_hash = ?)::int as client, count(*) filter (where network_hash = ?)::int as network, count(*)::int as overall
            from report_hit where at > ?`,
          [client, network, since],
        );
        const c = counts.rows[0] as { client: number; network: number; overall: number };
        if (c.client >= limits.perClient || c.network >= limits.perNetwork || c.overall >= limits.overall) return false;
        await trx.raw(/* reports.limitHit */ 'insert into report_hit (client_hash, network_hash, at) values (?, ?, ?)', [client, network, now]);
        return true;
      }),
  };
}
