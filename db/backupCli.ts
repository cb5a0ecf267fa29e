// npm run backup -- FILE | npm run restore -- FILE [--replace]: the database named by the
// configuration (DATA_DIR or DATABASE_URL) to a backup file and back (db/backup.ts).
// The embedded database belongs to the running atlas: while it runs, ask it for the backup
// (POST /admin/backup with an admin's API token); this command backs up a stopped one.
import { ConfigError, readConfig } from '../config/config.ts';
import { BackupError, restoreBackup, writeBackupFile } from './backup.ts';
import { openDatabase } from './connect.ts';
import { DataDirLockedError } from './dataDirLock.ts';

const usage = 'usage: npm run backup -- FILE | npm run restore -- FILE [--replace]';

async function main([command, file, ...flags]: string[]): Promise<number> {
  const replace = flags.includes('--replace');
  if (!file || !['backup', 'restore'].includes(command) || flags.some((f) => f !== '--replace') || (command === 'backup' && replace)) {
    console.error(usage);
    return 2;
  }
  const config = readConfig();
  if (command === 'restore') {
    const { header, migrated } = await restoreBackup(file, config.database, { replace });
    console.log(`restore: ${file} (atlas ${header.atlasVersion}, schema ${header.schemaVersion}, taken ${header.createdAt}) restored`);
    console.log(migrated.length ? `restore: migrated forward: ${migrated.join(', ')}` : 'restore: schema up to date');
    if (header.excluded.length) console.log(`restore: not in the backup, recomputed or started empty: ${header.excluded.join(', ')}`);
    return 0;
  }
  const db = await openDatabase(config.database);
  try {
    const header = await writeBackupFile(db, config.database, file);
    console.log(`backup: ${file} (atlas ${header.atlasVersion}, schema ${header.schemaVersion}, ${header.kind === 'pglite' ? 'embedded database' : 'PostgreSQL server'})`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof DataDirLockedError) {
      console.error(`${error.message}\nThe atlas is running on this data folder: ask it for the backup instead:\n  curl -X POST -H "Authorization: Bearer <an admin's API token>" http://<host>:<port>/admin/backup -o FILE`);
    } else if (error instanceof BackupError || error instanceof ConfigError) console.error(error.message);
    else console.error('failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
