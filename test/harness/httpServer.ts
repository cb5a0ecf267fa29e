// The real HTTP server on a free loopback port, serving the built map and the API.
import { createServer, type Server } from 'node:http';
import type { Knex } from 'knex';
import { readConfig } from '../../config/config.ts';
import { createApp, keepConnectionsAlive, type AppOptions } from '../../api/src/server.ts';

export async function startHttpServer(db: Knex, options: Partial<AppOptions> = {}) {
  const app = await createApp({ db, basemapStyleUrl: null, webDistDir: readConfig().webDistDir, ...options });
  const server: Server = keepConnectionsAlive(createServer((req, res) => void app.handle(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
    },
  };
}
