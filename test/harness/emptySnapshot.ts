// The embedded database with the schema and no data: starting PGlite and running the migrations
// takes about 20 s on the 2-core machine, loading this snapshot a second or two. It is kept in the
// temporary folder under a name made of the schema's source (db/migrations, db/functions,
// db/migrate.ts) and the PGlite versions, so the test runs after the first (and CI's second
// vitest run) start from it; a changed migration or PGlite makes a new one and removes the old.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config/config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';

const PREFIX = 'versorgungsatlas-empty-';
const shared = globalThis as { versorgungsatlasEmptySnapshot?: Promise<string> };

/** The path of the snapshot (made when no current one exists). */
export function emptySnapshot(): Promise<string> {
  shared.versorgungsatlasEmptySnapshot ??= (async () => {
    const file = path.join(os.tmpdir(), `${PREFIX}${await schemaHash()}.tar`);
    if (existsSync(file)) return file;
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(db.knex);
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await (await db.dump!()).arrayBuffer()));
    await db.close();
    await rename(partial, file);
    for (const old of await readdir(os.tmpdir())) {
      if (old.startsWith(PREFIX) && old.endsWith('.tar') && path.join(os.tmpdir(), old) !== file) await rm(path.join(os.tmpdir(), old), { force: true });
    }
    return file;
  })();
  return shared.versorgungsatlasEmptySnapshot;
}

/** A hash of everything that shapes the empty database. */
async function schemaHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['db/migrations', 'db/functions']) {
    for (const name of (await readdir(path.join(projectRoot, dir))).sort()) hash.update(name).update(await readFile(path.join(projectRoot, dir, name)));
  }
  hash.update(await readFile(path.join(projectRoot, 'db/migrate.ts')));
  for (const pkg of ['@electric-sql/pglite', '@electric-sql/pglite-postgis']) {
    hash.update(JSON.parse(await readFile(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version);
  }
  return hash.digest('hex').slice(0, 16);
}
