// The embedded database with the schema and no data, made once per test run: starting PGlite and
// running the migrations takes about 20 s on the 2-core machine, loading this snapshot about half
// of that. Both global setups use it; it is made once when both run together.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';

const shared = globalThis as { versorgungsatlasEmptySnapshot?: Promise<string> };

/** The path of the snapshot (made on the first call). */
export function emptySnapshot(): Promise<string> {
  shared.versorgungsatlasEmptySnapshot ??= (async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(db.knex);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-empty-')), 'empty.tar');
    await writeFile(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
    await db.close();
    return file;
  })();
  return shared.versorgungsatlasEmptySnapshot;
}

/** Removes the snapshot's folder (after the run). */
export async function removeEmptySnapshot() {
  const file = await shared.versorgungsatlasEmptySnapshot?.catch(() => null);
  if (file) await rm(path.dirname(file), { recursive: true, force: true });
}
