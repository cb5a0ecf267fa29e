
import type { FacilityFilter } from '../../generated/resolvers.ts';
import type * as areaStore from '../areas/areaStore.ts';
import { DISTANCE_ON_NETWORK_FROM_POINT, DISTANCE_STRAIGHT_LINE } from '../../../../domain/methodTexts.ts';
import { decodeCursor, encodeCursor } from '../common/cursor.ts';
import { levelRank } from '../common/enums.ts';
import { badUserInput } from '../common/errors.ts';
import { checkBBox, checkLonLat, checkPrecision } from '../common/geometry.ts';
import { checkCategories, checkLanguages, checkOffers, checkRange, checkWholeNumber } from '../common/validate.ts';
import { languages, offers } from '../../../../domain/offers.ts';
import { historyOf } from '../editing/editStore.ts';
import { shownActor } from '../accounts/shownActor.ts';
import { facilityFeature, featureCollection, formatAddress } from './facilityFeatures.ts';
import * as facilityStore from './facilityStore.ts';
import { categoryOf } from '../taxonomy/taxonomyStore.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { walkingMinutes, type DistanceKind } from '../../../../domain/distance.ts';
import { loadGraph } from '../../../../geodata/network/networkStore.ts';
import { walksFrom } from '../../../../geodata/network/walksFrom.ts';

/** With a walking network, every facility within the straight radius is a candidate (a walk is never shorter). */
const NETWORK_CANDIDATES = 5000;

type FacilityRow = facilityStore.FacilityRow;

const GEOJSON_LIMIT = 5000;

/** What the FacilityConnection resolvers receive (its GeoJSON is built from the nodes on demand). */
export type FacilityConnectionModel = {
  totalCount: number;
  nodes: FacilityRow[];
  edges: { cursor: string; node: FacilityRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

function toQuery(filter: FacilityFilter | null | undefined): facilityStore.FacilityQuery {
  if (!filter) return {};
  const search = filter.search?.trim();
  if (search !== undefined && (search.length < 2 || search.length > 100)) {
    throw badUserInput('search must be 2 to 100 characters');
  }
  return {
    categories: checkCategories(filter.categories),
    fieldsOfAction: filter.fieldsOfAction ?? undefined,
    area: filter.area ?? undefined,
    nearArea: filter.nearArea ? { ...filter.nearArea, metres: checkRange('nearArea.metres', filter.nearArea.metres, 1, 2000) } : undefined,
    bbox: filter.bbox ? checkBBox(filter.bbox) : undefined,
    search,
    offers: checkOffers(filter.offers),
    languages: checkLanguages(filter.languages),
  };
}

const pageKey = (row: FacilityRow): facilityStore.PageKey => [row.sort_order, row.name, row.id];

export const facilityResolvers: Resolvers = {
  Query: {
    offers: () => offers,
    spokenLanguages: () => languages,
    facility: (_, args, ctx) => ctx.loaders.facilityByKey.load(args.key),
    facilities: async (_, args, ctx) => {
      const first = checkWholeNumber('first', args.first, 1, 1000);
      const after = args.after ? (decodeCursor(args.after, ['integer', 'string', 'integer']) as facilityStore.PageKey) : null;
      const query = toQuery(args.filter);
      const [totalCount, rows] = await Promise.all([
        facilityStore.countFacilities(ctx.db, query),
        facilityStore.pageOfFacilities(ctx.db, query, first + 1, after),
      ]);
      const page = rows.slice(0, first);
      return {
        totalCount,
        nodes: page,
        edges: page.map((row) => ({ cursor: encodeCursor(pageKey(row)), node: row })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(pageKey(page[page.length - 1])) : null },
      };
    },
    facilitiesGeoJSON: async (_, args, ctx) => {
      const precision = checkPrecision(args.precision);
      const rows = await facilityStore.pageOfFacilities(ctx.db, toQuery(args.filter), GEOJSON_LIMIT, null);
      return featureCollection(rows.map((r) => facilityFeature(r, precision)));
    },
    facilitiesNear: async (_, args, ctx) => {
      const { point, facilityKey } = args.near;
      if (!point === !facilityKey) throw badUserInput('near needs exactly one of point and facilityKey');
      const radius = checkRange('radius', args.radius, 1, 10000, ' metres');
      const limit = checkWholeNumber('limit', args.limit, 1, 500);
      const categories = checkCategories(args.categories) ?? null;
      const near = point ? ({ kind: 'point', ...checkLonLat(point, 'near.point') } as const) : ({ kind: 'facility', key: facilityKey! } as const);
      const tags = {
        offers: checkOffers(args.offers) ?? null,
        languages: checkLanguages(args.languages) ?? null,
        startchancen: args.startchancen ?? null,
        minSocialIndex: args.minSocialIndex == null ? null : checkWholeNumber('minSocialIndex', args.minSocialIndex, 1, 9),
      };
      const graph = await loadGraph(ctx.db);
      const { origin, rows } = await facilityStore.facilitiesNear(ctx.db, near, radius, categories, graph ? NETWORK_CANDIDATES : limit, tags);
      if (!origin) throw badUserInput(`near.facilityKey: there is no facility with key "${facilityKey}"`);
      // Without a network: the straight line (minutes: times the walking detour). With one: the
      // walk where the network joins the place and the facility, within the radius on foot.
      const walks = graph
        ? walksFrom(graph, origin, rows.map((r) => ({ x: r.sx, y: r.sy })), 1, radius)
        : rows.map((r) => ({ metres: r.distance, onNetwork: false }));
      const items = rows
        .map((row, i) => ({ row, metres: walks[i].metres, kind: (walks[i].onNetwork ? 'NETWORK' : 'STRAIGHT') as DistanceKind }))
        .filter((m) => m.metres <= radius)
        .sort((a, b) => a.metres - b.metres || a.row.id - b.row.id)
        .slice(0, limit)
        .map(({ row, metres, kind }) => ({
          facility: row,
          distanceMetres: Math.round(metres),
          measuredOn: kind,
          walkingMinutes: walkingMinutes(metres, kind, ctx.walkingMetresPerMinute),
        }));
      return {
        origin,
        radiusMetres: radius,
        distanceKind: (graph ? DISTANCE_ON_NETWORK_FROM_POINT : DISTANCE_STRAIGHT_LINE)[ctx.lang],
        distanceModel: graph ? ('NETWORK' as const) : ('STRAIGHT' as const),
        items,
        geojson: featureCollection(items.map((i) => facilityFeature(i.facility, 6, { distanceMetres: i.distanceMetres, measuredOn: i.measuredOn, walkingMinutes: i.walkingMinutes }))),
      };
    },
  },
  FacilityConnection: {
    geojson: (connection, args) =>
      featureCollection(connection.nodes.map((r) => facilityFeature(r, checkPrecision(args.precision)))),
  },
  Facility: {
    category: (row) => categoryOf(row.category)!,
    address: (row) => ({ street: row.street, houseNumber: row.house_number, city: row.city, formatted: formatAddress(row) }),
    location: (row) => ({ longitude: row.lon, latitude: row.lat }),
    areas: async (row, _, ctx) => {
      if (row.ubz_id == null) return [];
      const memberships = [...(await ctx.loaders.areaIdsOfUbz.load(row.ubz_id))].sort((a, b) => levelRank[a.level] - levelRank[b.level]);
      return (await ctx.loaders.areaById.loadMany(memberships.map((m) => m.area_id))) as areaStore.AreaRow[];
    },
    aktionsraum: async (row, _, ctx) => {
      if (row.ubz_id == null) return null;
      const membership = (await ctx.loaders.areaIdsOfUbz.load(row.ubz_id)).find((m) => m.level === 'aktionsraum');
      return membership ? ctx.loaders.areaById.load(membership.area_id) : null;
    },
    provenance: (row) => ({
      dataset: row.source_dataset,
      file: row.source_file,
      sha256: row.source_sha256,
      licence: row.licence,
      attribution: row.attribution,
      sourceId: row.source_id,
      importedAt: row.imported_at,
    }),
    origin: (row) => row.origin,
    contact: (row) => ({ phone: row.phone, email: row.email, website: row.website }),
    openingHours: (row) => row.opening_hours,
    lastVerified: async (row, _, ctx) => (row.verified_at ? { at: row.verified_at, by: await shownActor(ctx, row.verified_by) } : null),
    retired: async (row, _, ctx) => (row.retired_on ? { on: row.retired_on, reason: row.retired_reason ?? '', by: await shownActor(ctx, row.retired_by) } : null),
    history: (row, args, ctx) => historyOf(ctx.db, row.key, checkWholeNumber('first', args.first, 1, 100)),
  },
  FacilityOrigin: { IMPORT: 'import', MANUAL: 'manual', SUPPLEMENT: 'supplement' },
  Offer: { labelDe: (o) => o.label.de, labelEn: (o) => o.label.en },
  SpokenLanguage: { labelDe: (l) => l.label.de, labelEn: (l) => l.label.en },
};
