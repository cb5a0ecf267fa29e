// Wiring only: config -> web build -> database -> server -> listen.
import { createServer } from 'node:http';
import { ConfigError, readConfig } from '../../config/config.ts';
import { ensureWebBuild } from './ensureWebBuild.ts';
import { prepareDatabase } from './prepareDatabase.ts';
import { createApp, keepConnectionsAlive } from './server.ts';
import { ImportError } from '../../geodata/import/importError.ts';
import { scheduleBackups, takeBackup } from '../../db/backup.ts';

async function main() {
  const started = Date.now();
  const config = readConfig();
  await ensureWebBuild(config.webDistDir, console.log);
  const { db, postgis } = await prepareDatabase(config, console.log);
  // One analysis at a time on the embedded database (one connection); a few on the server.
  const app = await createApp({
    db: db.knex,
    basemapStyleUrl: config.basemapStyleUrl,
    walkingMetresPerMinute: config.walkingMetresPerMinute,
    webDistDir: config.webDistDir,
    analysisSlots: db.kind === 'pglite' ? 1 : 4,
    yieldToCheapMs: db.kind === 'pglite' ? 1000 : 0,
    secureCookies: config.secureCookies,
    oidc: config.oidc,
    corsOrigins: config.corsOrigins,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    metrics: config.metrics,
    backup: () => takeBackup(db, config.database),
  });
  const server = createServer((req, res) => {
    app.handle(req, res).catch((error) => {
      app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end('Internal server error');
    });
  });
  keepConnectionsAlive(server);
  const stopBackups = config.scheduledBackups
    ? scheduleBackups({
        dir: config.scheduledBackups.dir,
        intervalMs: config.scheduledBackups.everyHours * 3_600_000,
        keep: config.scheduledBackups.keep,
        take: () => takeBackup(db, config.database),
        report: (line, failed) => (failed ? app.log.error(line) : app.log.info(line)),
      })
    : () => {};
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = db.kind === 'pglite' ? 'embedded database (PGlite)' : 'PostgreSQL server';
  console.log(`Versorgungsatlas: map at http://${config.host}:${port}/ and GraphQL at http://${config.host}:${port}/graphql`);
  console.log(`Started in ${((Date.now() - started) / 1000).toFixed(1)} s on the ${where} with PostGIS ${postgis}`);

  // Ctrl+C can reach this process twice (from the terminal and relayed by tsx): every signal is
  // handled, the first one shuts down, so that the database closes and its lock is released.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    stopBackups();
    server.close();
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof ImportError) console.error(error.message);
  else console.error('Start failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
