// The state's schools in the API: per facility, per area, as a list and as the match report.
import { loadManifest } from '../../../../geodata/import/sourceManifest.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { findArea } from '../areas/areaStore.ts';
import { badUserInput } from '../common/errors.ts';
import { checkWholeNumber } from '../common/validate.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import * as store from './schoolStore.ts';

/** The credit of the state's school files (dl-de/by-2-0 asks for it). */
export const SCHOOL_ATTRIBUTION = loadManifest()
  .files.filter((f) => f.kind === 'school_directory' || f.kind === 'school_register')
  .map((f) => f.attribution)
  .join('; ');

const MATCH = { address_and_name: 'ADDRESS_AND_NAME', position_and_name: 'POSITION_AND_NAME', name: 'NAME', position: 'POSITION', shared_site: 'SHARED_SITE' } as const;

export const schoolResolvers: Resolvers = {
  School: {
    schoolYear: (s) => s.school_year,
    legalStatus: (s) => s.legal_status,
    socialIndex: (s) => s.social_index,
    category: (s) => (s.category ? (categoryOf(s.category) ?? null) : null),
    childrensProvision: (s) => s.category !== null,
    location: (s) => (s.lon === null || s.lat === null ? null : { longitude: s.lon, latitude: s.lat }),
    subDistrict: (s, _, ctx) => (s.ubz_id === null ? null : ctx.loaders.areaById.load(s.ubz_id)),
    facility: (s, _, ctx) => (s.facility_key ? ctx.loaders.facilityByKey.load(s.facility_key) : null),
    match: (s) => (s.match ? MATCH[s.match] : null),
    matchDistanceMetres: (s) => (s.match_distance_m === null ? null : Math.round(s.match_distance_m)),
    matchNote: (s) => s.match_note,
  },
  AreaSchools: {},
  Area: {
    schools: async (area, _, ctx) => {
      const [figures, list] = await Promise.all([ctx.loaders.areaSchools.load(area.id), ctx.loaders.areaSchoolList.load(area.id)]);
      const pupils = figures.schools > 0 ? figures.pupils : null;
      return {
        schools: figures.schools,
        pupils,
        pupilsPer1000Children: pupils !== null && figures.children_6_17 ? Math.round((pupils / figures.children_6_17) * 10_000) / 10 : null,
        schoolsIndex7To9: figures.schools_high_index,
        pupilsIndex7To9: figures.pupils_high_index ?? 0,
        shareIndex7To9: pupils ? Math.round(((figures.pupils_high_index ?? 0) / pupils) * 1000) / 1000 : null,
        startchancenSchools: list.filter((s) => s.startchancen),
        list,
        source: (await ctx.loaders.schoolsImported.load('any')) ? SCHOOL_ATTRIBUTION : null,
      };
    },
  },
  Facility: {
    schools: (f, _, ctx) => ctx.loaders.schoolsOfFacility.load(f.key),
  },
  Query: {
    schools: async (_, args, ctx) => {
      if (args.minSocialIndex != null) checkWholeNumber('minSocialIndex', args.minSocialIndex, 1, 9);
      let ubzIds: number[] | null = null;
      if (args.area) {
        const area = await findArea(ctx.db, args.area.level, args.area.code);
        if (!area) throw badUserInput(`no area ${args.area.code} of level ${args.area.level}`);
        ubzIds = (await ctx.loaders.subDistricts.load(area.id)).map((u) => u.id);
        if (area.level === 'ubz') ubzIds = [area.id];
      }
      return store.listSchools(ctx.db, { startchancen: args.startchancen, minSocialIndex: args.minSocialIndex, childrensProvision: args.childrensProvision, ubzIds });
    },
    schoolMatchReport: async (_, __, ctx) => {
      const all = await store.listSchools(ctx.db);
      if (all.length === 0) return null;
      const cityOnly = await store.cityOnlyPoints(ctx.db);
      const byNumber = new Map(all.map((s) => [s.schulnummer, s]));
      const counts = new Map<string, number>();
      for (const s of all) if (s.match) counts.set(s.match, (counts.get(s.match) ?? 0) + 1);
      return {
        schools: all.length,
        pupils: all.reduce((sum, s) => sum + (s.pupils ?? 0), 0),
        childrensSchools: all.filter((s) => s.category !== null).length,
        matched: all.filter((s) => s.facility_key).length,
        byMatch: [...counts].map(([match, schools]) => ({ match: MATCH[match as keyof typeof MATCH], schools })),
        stateOnly: all.filter((s) => !s.facility_key),
        cityOnly: await Promise.all(
          cityOnly.map(async (c) => ({
            facility: (await ctx.loaders.facilityByKey.load(c.facility_key))!,
            nearestSchool: c.nearest_schulnummer ? (byNumber.get(c.nearest_schulnummer) ?? null) : null,
            nearestDistanceMetres: c.nearest_distance_m === null ? null : Math.round(c.nearest_distance_m),
          })),
        ),
        attribution: SCHOOL_ATTRIBUTION,
      };
    },
  },
};
