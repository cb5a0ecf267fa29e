// Per-request DataLoaders: one query per kind of lookup, however many areas or facilities ask.
import DataLoader from 'dataloader';
import { networkInUse } from '../../geodata/network/networkStore.ts';
import type { Knex } from 'knex';
import { type Role, rolesByLogin } from './modules/accounts/accountStore.ts';
import * as areaStore from './modules/areas/areaStore.ts';
import type { AreaLevel } from './modules/common/enums.ts';
import * as coverageStore from './modules/coverage/coverageStore.ts';
import * as facilityStore from './modules/facilities/facilityStore.ts';
import * as schoolStore from './modules/schools/schoolStore.ts';
import * as taxonomyStore from './modules/taxonomy/taxonomyStore.ts';

function groupRows<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

export function createLoaders(db: Knex) {
  return {
    /** The role of an account by its login (lower case); null when there is none. */
    accountRole: new DataLoader<string, Role | null>(async (logins) => {
      const roles = await rolesByLogin(db, logins);
      return logins.map((l) => roles.get(l) ?? null);
    }),
    areaById: new DataLoader<number, areaStore.AreaRow | null>(async (ids) => {
      const rows = await areaStore.areasByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    parents: new DataLoader((ids: readonly number[]) =>
      areaStore.parentsOf(db, ids).then((rows) => groupRows(ids, rows, (r) => r.child_id)),
    ),
    subDistricts: new DataLoader((ids: readonly number[]) =>
      areaStore.subDistrictsOf(db, ids).then((rows) => groupRows(ids, rows, (r) => r.parent_id)),
    ),
    inferred: new DataLoader(async (ids: readonly number[]) => {
      const flags = new Map((await areaStore.inferredFlags(db, ids)).map((r) => [r.area_id, r.inferred]));
      return ids.map((id) => flags.get(id) ?? false);
    }),
    facilityCounts: new DataLoader((ids: readonly number[]) =>
      areaStore.facilityCounts(db, ids).then((rows) => groupRows(ids, rows, (r) => r.area_id)),
    ),
    indicatorValues: new DataLoader((ids: readonly number[]) =>
      areaStore.indicatorValues(db, ids).then((rows) => groupRows(ids, rows, (r) => r.area_id)),
    ),
    geometry: new DataLoader(
      async (requests: readonly areaStore.GeometryRequest[]) => {
        const results = new Map<string, unknown>();
        const batches = new Map<string, number[]>();
        for (const r of requests) batches.set(`${r.precision}|${r.simplify}`, [...(batches.get(`${r.precision}|${r.simplify}`) ?? []), r.id]);
        for (const [options, ids] of batches) {
          const [precision, simplify] = options.split('|').map(Number);
          for (const row of await areaStore.geometries(db, ids, precision, simplify)) results.set(`${row.id}|${options}`, row.geometry);
        }
        return requests.map((r) => results.get(`${r.id}|${r.precision}|${r.simplify}`) ?? null);
      },
      { cacheKeyFn: (r) => `${r.id}|${r.precision}|${r.simplify}` },
    ),
    areaIdsOfUbz: new DataLoader((ubzIds: readonly number[]) =>
      facilityStore.areaIdsOfUbz(db, ubzIds).then((rows) => groupRows(ubzIds, rows, (r) => r.ubz_id)),
    ),
    facilityByKey: new DataLoader(async (keys: readonly string[]) => {
      const rows = await facilityStore.facilitiesByKeys(db, keys);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
    /** Facilities per category: one query per request, however many categories ask. */
    categoryFacilityCounts: new DataLoader(async (keys: readonly 'all'[]) => {
      const counts = await taxonomyStore.facilityCountsByCategory(db);
      return keys.map(() => counts);
    }),
    areasOfLevel: new DataLoader((levels: readonly AreaLevel[]) => Promise.all(levels.map((level) => areaStore.listAreas(db, level)))),
    /** Area figures of one parameter set: the levels a request asks for (e.g. a level and the city) in one query. */
    areaCoverage: new DataLoader(
      async (requests: readonly { level: AreaLevel; params: coverageStore.CoverageParams }[]) => {
        const byParams = new Map<string, { params: coverageStore.CoverageParams; levels: AreaLevel[] }>();
        for (const r of requests) {
          const key = coverageStore.cacheKey(r.params);
          byParams.set(key, { params: r.params, levels: [...(byParams.get(key)?.levels ?? []), r.level] });
        }
        const rows = new Map<string, coverageStore.AreaCoverageRow[]>();
        for (const [key, { params, levels }] of byParams) rows.set(key, await coverageStore.areaCoverage(db, levels, params));
        return requests.map((r) => rows.get(coverageStore.cacheKey(r.params))!.filter((row) => row.level === r.level));
      },
      { cacheKeyFn: (r) => `${coverageStore.cacheKey(r.params)}|${r.level}` },
    ),
    /** Facts shared by every method statement of a request (one query however many results ask). */
    populationFacts: new DataLoader(async (keys: readonly 'all'[]) => {
      const facts = await coverageStore.populationFacts(db);
      return keys.map(() => facts);
    }),
    /** The walking network in use (null: straight lines), once per request. */
    walkingNetwork: new DataLoader(async (keys: readonly 'in-use'[]) => {
      const network = await networkInUse(db);
      return keys.map(() => network);
    }),
    demandFacts: new DataLoader(async (keys: readonly 'all'[]) => {
      const facts = await coverageStore.demandFacts(db);
      return keys.map(() => facts);
    }),
    supplyMode: new DataLoader((sets: readonly string[][]) => coverageStore.supplyModes(db, sets), {
      cacheKeyFn: (categories) => categories.join(','),
    }),
    /** The state's school records matched to facilities, by facility key. */
    schoolsOfFacility: new DataLoader((keys: readonly string[]) =>
      schoolStore.schoolsByFacilityKeys(db, keys).then((rows) => groupRows(keys, rows, (r) => r.facility_key!)),
    ),
    /** Per area: its schools' pupils, social index and Startchancen figures. */
    areaSchools: new DataLoader(async (ids: readonly number[]) => {
      const rows = new Map((await schoolStore.areaSchoolFigures(db, ids)).map((r) => [r.area_id, r]));
      return ids.map((id) => rows.get(id)!);
    }),
    /** Whether the state's school files were imported (once per request). */
    schoolsImported: new DataLoader(async (keys: readonly 'any'[]) => {
      const imported = await schoolStore.schoolsImported(db);
      return keys.map(() => imported);
    }),
    areaSchoolList: new DataLoader((ids: readonly number[]) =>
      schoolStore.schoolsOfAreas(db, ids).then((rows) => groupRows(ids, rows, (r) => r.area_id)),
    ),
    indicators: new DataLoader(async (keys: readonly string[]) => {
      const rows = await areaStore.listIndicators(db);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return keys.map((k) => byKey.get(k) ?? new Error(`unknown indicator ${k}`));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
