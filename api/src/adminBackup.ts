// POST /admin/backup: the running atlas writes a backup of its database (db/backup.ts) for an
// admin (a session of the atlas's own pages, or an admin's API token), and leaves an audit record.
// On the embedded database this is the way to back up while it serves: the data folder belongs to
// this process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Knex } from 'knex';
import { todayInCity } from '../../domain/city.ts';
import { actorOf, type Principal } from './modules/accounts/auth.ts';
import { audit } from './modules/accounts/accountStore.ts';

const answer = (res: ServerResponse, status: number, message: string) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));

export async function answerBackup(req: IncomingMessage, res: ServerResponse, db: Knex, viewer: () => Promise<Principal | null>, backup: (() => Promise<Buffer>) | undefined) {
  if (!backup) return answer(res, 404, 'backups are not offered by this server');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return answer(res, 405, 'POST /admin/backup writes a backup');
  }
  let who: Principal | null;
  try {
    who = await viewer();
  } catch (error) {
    return answer(res, 401, (error as Error).message);
  }
  if (!who) return answer(res, 401, 'a backup needs an admin: sign in, or send "Authorization: Bearer <an admin\'s API token>"');
  if (who.role !== 'admin') return answer(res, 403, 'a backup needs the role admin');
  const bytes = await backup();
  await audit(db, { accountId: who.account_id, actor: actorOf(who), action: 'backup.create', entity: 'database', entityKey: todayInCity(), after: { bytes: bytes.length } });
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="versorgungsatlas-${todayInCity()}.backup"`,
    'cache-control': 'no-store',
    'content-length': String(bytes.length),
  });
  res.end(bytes);
}
