// The area levels above the sub-districts, derived at import: statistical districts, boroughs and
// Sozialräume from the city's codes on the facilities, the Aktionsräume from geodata/aktionsraeume.csv,
// the city as the union of all; each level's areas as unions of their sub-districts, with memberships.
import type { Knex } from 'knex';
import { CITY } from '../../domain/city.ts';
import type { AktionsraumDefinition } from './aktionsraeume.ts';
import * as areaImport from './areaImportStore.ts';
import type { FacilityRecord } from './facilityRecords.ts';
import { deriveHierarchy, type UbzHierarchy } from './hierarchy.ts';
import { ImportError } from './importError.ts';

export async function writeAreas(
  trx: Knex.Transaction,
  ubzCodes: string[],
  facilities: FacilityRecord[],
  aktionsraeume: AktionsraumDefinition[],
): Promise<Record<string, number>> {
  const hierarchy = deriveHierarchy(ubzCodes, facilities.flatMap((f) => f.city_codes ?? []));
  const unknown = aktionsraeume.flatMap((a) => a.ubzCodes.filter((u) => !ubzCodes.includes(u)).map((u) => `${a.name}: UBZ ${u}`));
  if (unknown.length > 0) {
    throw new ImportError([{ file: 'geodata/aktionsraeume.csv', message: `names sub-districts that do not exist: ${unknown.join(', ')}` }]);
  }
  const levels: [string, areaImport.DerivedArea[]][] = [
    ['statistical_district', groupBy(hierarchy, (h) => h.statisticalDistrict)],
    ['stadtbezirk', groupBy(hierarchy, (h) => h.stadtbezirk)],
    ['sozialraum', groupBy(hierarchy, (h) => h.sozialraum)],
    ['aktionsraum', aktionsraeume.map(({ code, name, ubzCodes: u, validFrom, validTo }) => ({ code, name, ubzCodes: u, validFrom, validTo }))],
    ['city', [{ code: CITY.code, name: CITY.name, ubzCodes, validFrom: null, validTo: null }]],
  ];
  for (const [level, areas] of levels) {
    const source = level === 'aktionsraum' ? 'geodata/aktionsraeume.csv: union of the listed sub-districts' : 'union of the member sub-districts';
    await areaImport.replaceDerivedAreas(trx, level, areas, source);
  }
  await areaImport.replaceMemberships(trx, membershipsOf(hierarchy, aktionsraeume, ubzCodes));
  return { ubz: ubzCodes.length, ...Object.fromEntries(levels.map(([level, areas]) => [level, areas.length])) };
}

function groupBy(hierarchy: UbzHierarchy[], pick: (h: UbzHierarchy) => { code: string; name: string }): areaImport.DerivedArea[] {
  const groups = new Map<string, areaImport.DerivedArea>();
  for (const h of hierarchy) {
    const { code, name } = pick(h);
    const group = groups.get(code) ?? { code, name, ubzCodes: [], validFrom: null, validTo: null };
    group.ubzCodes.push(h.ubz);
    groups.set(code, group);
  }
  return [...groups.values()];
}

function membershipsOf(hierarchy: UbzHierarchy[], aktionsraeume: AktionsraumDefinition[], ubzCodes: string[]): areaImport.MembershipInput[] {
  const fromHierarchy = hierarchy.flatMap((h) =>
    (['statisticalDistrict', 'stadtbezirk', 'sozialraum'] as const).map((key) => ({
      ubz: h.ubz,
      level: key === 'statisticalDistrict' ? 'statistical_district' : key,
      code: h[key].code,
      validFrom: null,
      inferred: h[key].inferred,
      basis: h[key].basis,
    })),
  );
  const fromFactTable = aktionsraeume.flatMap((a) =>
    a.ubzCodes.map((ubz) => ({ ubz, level: 'aktionsraum', code: a.code, validFrom: a.validFrom, inferred: false, basis: 'geodata/aktionsraeume.csv' })),
  );
  const city = ubzCodes.map((ubz) => ({ ubz, level: 'city', code: CITY.code, validFrom: null, inferred: false, basis: 'every sub-district' }));
  return [...fromHierarchy, ...fromFactTable, ...city];
}

