// Opens the configured database, migrates it, checks PostGIS and imports the data when empty.
import { checkPostgis, openDatabase, type Database } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { runImport } from '../../geodata/import/runImport.ts';
import type { Config } from '../../config/config.ts';
import { hasImportedData } from './modules/sources/sourcesStore.ts';
import { CITY } from '../../domain/city.ts';

/** No statement of a request runs longer on the server database. */
export const STATEMENT_TIMEOUT_MS = 30_000;

export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<{ db: Database; postgis: string }> {
  const db = await openDatabase(config.database, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  try {
    await migrate(db.knex);
    const postgis = await checkPostgis(db.knex);
    if (!(await hasImportedData(db.knex))) {
      log(`No data yet: importing the data of ${CITY.name} (first start) ...`);
      await runImport(db.knex, { geodata: config.geodata, log });
    }
    return { db, postgis };
  } catch (error) {
    await db.close();
    throw error;
  }
}
