// Readiness: the atlas answers when its database does, within two seconds.
import type { ServerResponse } from 'node:http';
import type { Knex } from 'knex';

const READINESS_TIMEOUT_MS = 2000;

/** Ready when the database answers within two seconds; 503 (without details) when it does not. */
export async function answerReadiness(db: Knex, res: ServerResponse) {
  const ping = db.raw(/* health.ping */ 'select 1');
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), READINESS_TIMEOUT_MS).unref());
  const database = await Promise.race([ping, timeout]).then(
    () => 'ok',
    (error: Error) => {
      console.error(`readiness: database unavailable: ${error.message.split('\n')[0]}`);
      return 'unavailable';
    },
  );
  res.writeHead(database === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: database === 'ok' ? 'ok' : 'unavailable', database }));
}
