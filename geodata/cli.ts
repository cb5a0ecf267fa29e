// npm run import | npm run migrate: the same migrate and import the server uses.
import { readConfig, ConfigError } from '../config/config.ts';
import { checkPostgis, openDatabase } from '../db/connect.ts';
import { DataDirLockedError } from '../db/dataDirLock.ts';
import { migrate } from '../db/migrate.ts';
import { ImportError } from './import/importError.ts';
import { runImport } from './import/runImport.ts';
import { importPopulationCounts } from './population/importPopulationCounts.ts';
import { readFile } from 'node:fs/promises';

const usage =
  'usage: tsx geodata/cli.ts migrate | import [--skip-invalid-features] | import-population-counts FILE.csv';

async function main(args: string[]) {
  const [command, ...flags] = args;
  const unknownFlags = flags.filter((f) => f !== '--skip-invalid-features');
  const countsFile = command === 'import-population-counts' ? flags[0] : null;
  const valid = command === 'migrate' ? flags.length === 0 : command === 'import' ? unknownFlags.length === 0 : flags.length === 1 && countsFile;
  if (!valid) {
    console.error(usage);
    return 2;
  }
  const config = readConfig();
  const db = await openDatabase(config.database);
  try {
    const ran = await migrate(db.knex);
    console.log(`migrate: ${ran.length === 0 ? 'schema up to date' : `ran ${ran.join(', ')}`}`);
    console.log(`PostGIS ${await checkPostgis(db.knex)} on ${db.kind === 'pglite' ? 'the embedded database' : 'the PostgreSQL server'}`);
    if (countsFile) {
      const n = await importPopulationCounts(db.knex, await readFile(countsFile, 'utf8'), countsFile);
      console.log(`population counts: ${n} rows imported; they replace the estimate for their sub-districts`);
    }
    if (command === 'import') {
      const report = await runImport(db.knex, {
        geodata: config.geodata,
        skipInvalidFeatures: flags.includes('--skip-invalid-features'),
        log: console.log,
      });
      for (const skipped of report.skipped) console.warn(`skipped: ${skipped.file}, ${skipped.feature}: ${skipped.message}`);
      for (const warning of report.warnings) console.warn(`warning: ${warning}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError || error instanceof ImportError || error instanceof DataDirLockedError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
