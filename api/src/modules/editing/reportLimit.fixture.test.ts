// The limit of anonymous reports, on both databases: per client, per network, for everyone, and
// shared by every process (two limiters on one database count the same reports).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../../../db/connect.ts';
import { withDatabase } from '../../../../test/harness/testDatabaseUrl.ts';
import type { Database } from '../../../../db/connect.ts';
import { openEmptyTestDatabase } from '../../../../test/harness/database.ts';
import { REPORT_LIMIT, sharedReportLimit } from './reportLimit.ts';

let db: Database;
beforeAll(async () => {
  db = await openEmptyTestDatabase();
});
afterAll(async () => db?.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, 0) + minutes * 60_000);
const fresh = async () => {
  await db.knex.raw('delete from report_hit');
  return sharedReportLimit(db.knex);
};

describe('the limit of anonymous reports', () => {
  it('allows 5 an hour per address, and again after the hour', async () => {
    const reports = await fresh();
    const taken: boolean[] = [];
    for (let i = 0; i < 7; i++) taken.push(await reports.take('a', 'net-a', at(i)));
    expect(taken).toEqual([true, true, true, true, true, false, false]);
    expect(await reports.take('a', 'net-a', at(REPORT_LIMIT.windowMinutes + 0.5))).toBe(true);
  });

  it('allows 20 an hour per network, however many of its addresses send', async () => {
    const reports = await fresh();
    let taken = 0;
    for (let i = 0; i < 30; i++) if (await reports.take(`addr-${i}`, 'net-x', at(i / 10))) taken++;
    expect(taken).toBe(20);
  });

  it('is not used up for everyone by 40 addresses in other networks', async () => {
    const reports = await fresh();
    for (let client = 0; client < 40; client++) for (let i = 0; i < 5; i++) await reports.take(`c${client}`, `n${client}`, at(client / 10));
    expect(await reports.take('newcomer', 'another-net', at(5))).toBe(true);
  });

  it('counts the same reports in two processes (two limiters, on the server each with its own connections), at the same time', async () => {
    const first = await fresh();
    // On the server a second pool of connections, as a second process has; the embedded database has one process.
    const url = inject('databaseUrl');
    const other = url ? await openDatabase({ kind: 'postgres', url: withDatabase(url, (await db.knex.raw('select current_database() as name')).rows[0].name) }) : null;
    const second = sharedReportLimit(other?.knex ?? db.knex);
    const tries = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? first : second).take('shared', 'net-s', at(1))));
    expect(tries.filter(Boolean)).toHaveLength(REPORT_LIMIT.perClient);
    const [{ n }] = (await db.knex.raw("select count(*)::int as n from report_hit where client_hash = 'shared'")).rows;
    expect(n).toBe(REPORT_LIMIT.perClient);
    await other?.close();
  });
});
