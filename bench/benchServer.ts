// The atlas's HTTP server on a free loopback port over the configured database (embedded, or
// DATABASE_URL), for benchmarks that measure what a client waits for.
import { createServer } from 'node:http';
import type { Config } from '../config/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { createApp } from '../api/src/server.ts';

export async function startBenchServer(config: Config) {
  const { db } = await prepareDatabase(config, () => {});
  const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null });
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    db,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    stop: async () => {
      server.close();
      await app.stop();
      await db.close();
    },
  };
}
