// The one migrate used by the server start, the CLI, the tests and CI. Migrations are listed here
// rather than read from the folder: knex's folder loader cannot load .ts files inside vitest.
import type { Knex } from 'knex';
import { applyFunctions } from './applyFunctions.ts';
import * as m0001 from './migrations/0001_postgis.ts';
import * as m0002 from './migrations/0002_area.ts';
import * as m0003 from './migrations/0003_area_membership.ts';
import * as m0004 from './migrations/0004_indicator.ts';
import * as m0005 from './migrations/0005_indicator_value.ts';
import * as m0006 from './migrations/0006_facility_category.ts';
import * as m0007 from './migrations/0007_facility.ts';
import * as m0008 from './migrations/0008_import_run.ts';
import * as m0009 from './migrations/0009_area_views.ts';
import * as m0010 from './migrations/0010_facility_capacity.ts';
import * as m0011 from './migrations/0011_grid_cell.ts';
import * as m0012 from './migrations/0012_cell_reach.ts';
import * as m0013 from './migrations/0013_population_estimate.ts';
import * as m0014 from './migrations/0014_population_count.ts';
import * as m0015 from './migrations/0015_ubz_population.ts';
import * as m0016 from './migrations/0016_coverage_cache.ts';
import * as m0017 from './migrations/0017_cell_reach_cell_index.ts';
import * as m0018 from './migrations/0018_census_cell.ts';
import * as m0019 from './migrations/0019_grid_cell_census_count.ts';
import * as m0020 from './migrations/0020_ubz_distribution.ts';
import * as m0021 from './migrations/0021_coverage_cache_pinned.ts';
import * as m0022 from './migrations/0022_cell_reach_derived.ts';
import * as m0023 from './migrations/0023_account.ts';
import * as m0024 from './migrations/0024_living_facilities.ts';
import * as m0025 from './migrations/0025_planning.ts';
import * as m0026 from './migrations/0026_sign_in_failure.ts';
import * as m0027 from './migrations/0027_sign_in_known_client.ts';
import * as m0028 from './migrations/0028_account_lock_columns.ts';
import * as m0029 from './migrations/0029_api_token_name_unique.ts';
import * as m0030 from './migrations/0030_app_secret.ts';
import * as m0031 from './migrations/0031_walk_network.ts';
import * as m0032 from './migrations/0032_schools.ts';
import * as m0033 from './migrations/0033_report_hit.ts';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

const migrations: Record<string, Migration> = {
  '0001_postgis': m0001,
  '0002_area': m0002,
  '0003_area_membership': m0003,
  '0004_indicator': m0004,
  '0005_indicator_value': m0005,
  '0006_facility_category': m0006,
  '0007_facility': m0007,
  '0008_import_run': m0008,
  '0009_area_views': m0009,
  '0010_facility_capacity': m0010,
  '0011_grid_cell': m0011,
  '0012_cell_reach': m0012,
  '0013_population_estimate': m0013,
  '0014_population_count': m0014,
  '0015_ubz_population': m0015,
  '0016_coverage_cache': m0016,
  '0017_cell_reach_cell_index': m0017,
  '0018_census_cell': m0018,
  '0019_grid_cell_census_count': m0019,
  '0020_ubz_distribution': m0020,
  '0021_coverage_cache_pinned': m0021,
  '0022_cell_reach_derived': m0022,
  '0023_account': m0023,
  '0024_living_facilities': m0024,
  '0025_planning': m0025,
  '0026_sign_in_failure': m0026,
  '0027_sign_in_known_client': m0027,
  '0028_account_lock_columns': m0028,
  '0029_api_token_name_unique': m0029,
  '0030_app_secret': m0030,
  '0031_walk_network': m0031,
  '0032_schools': m0032,
  '0033_report_hit': m0033,
};

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

/** Every migration this atlas knows, oldest first (the last one is its schema version). */
export const migrationNames = (): string[] => Object.keys(migrations);

/** Migrates up to and including one migration (an older release's schema: the upgrade test). */
export async function migrateTo(knex: Knex, last: string): Promise<void> {
  const names = migrationNames();
  const upTo = names.slice(0, names.indexOf(last) + 1);
  await knex.migrate.latest({
    migrationSource: { ...migrationSource, getMigrations: async () => upTo },
  });
}

/** Brings the schema up to date and re-applies db/functions; returns the migrations it ran. */
export async function migrate(knex: Knex): Promise<string[]> {
  const [, names] = await knex.migrate.latest({ migrationSource });
  await applyFunctions(knex);
  return names as string[];
}
