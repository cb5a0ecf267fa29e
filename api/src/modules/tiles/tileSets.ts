// The vector tile sets: areas, facilities, where children live (per age band) and the gaps of
// every default coverage target. Each layer is one SQL query of properties and a geometry in
// the storage CRS; the tiler (ST_AsMVT on a server, geojson-vt on the embedded database) cuts it.
import { areaLevelInfo } from '../../../../domain/areaLevels.ts';
import { defaultCoverageSets } from '../../../../domain/coverageRules.ts';
import { targetCategories } from '../../../../domain/taxonomy.ts';
import { cacheKey } from '../../../../geodata/coverageCache.ts';
import { storedBands } from '../../../../domain/ageBands.ts';

export type TileLayer = {
  id: string;
  /** SQL yielding the layer's rows: properties and `geom` (storage CRS); `?` bindings in `bindings`. */
  sql: string;
  bindings: unknown[];
  /** Property -> type, for the TileJSON. */
  fields: Record<string, string>;
  /** Needs the coverage of this parameter set cached first. */
  coverage?: ReturnType<typeof defaultCoverageSets>[number];
};

export type TileSet = {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  layers: TileLayer[];
  /** Its data change only with an import (areas, children): tiles are kept in memory until the next one. */
  keep?: boolean;
};

const area = (id: string, level: string): TileLayer => ({
  id,
  sql: 'select code, name, geom from current_area where level = ?',
  bindings: [level],
  fields: { code: 'String', name: 'String' },
});

const BANDS = ['0-5', '6-17', '0-17'] as const;

export const tileSets: TileSet[] = [
  {
    id: 'gebiete',
    description: 'Areas: the 13 Aktionsräume, the 12 Stadtbezirke and the 170 statistical sub-districts (code, name).',
    minzoom: 8,
    maxzoom: 16,
    keep: true,
    layers: (['aktionsraum', 'stadtbezirk', 'ubz'] as const).map((level) => area(areaLevelInfo(level).slug, level)),
  },
  {
    id: 'einrichtungen',
    description: 'Facilities in service (key, name, category, field of action).',
    minzoom: 8,
    maxzoom: 18,
    layers: [
      {
        id: 'einrichtungen',
        sql: 'select f.key, f.name, f.category, c.field_of_action, f.geom from facility f join facility_category c on c.key = f.category',
        bindings: [],
        fields: { key: 'String', name: 'String', category: 'String', field_of_action: 'String' },
      },
    ],
  },
  ...BANDS.map(
    (band): TileSet => ({
      id: `kinder-${band}`,
      description: `Where children of ${band} live: grid pieces with their children (estimates, placed by the census grid), pieces without children left out.`,
      minzoom: 8,
      maxzoom: 16,
      keep: true,
      layers: [
        {
          id: 'kinder',
          // va_cell_children's rule (census spread, even where flagged), written out for the pieces
          // of one tile: the function computes every piece of the city.
          sql: `select round(k.children::numeric, 2)::float8 as children, k.unterbezirk, k.geom from (
                  select uc.children * case when d.method = 'census' then c.census_count / d.census_count else c.area_m2 / d.area_m2 end as children,
                         u.code as unterbezirk, c.geom
                    from grid_cell c
                    join (select p.ubz_id, sum(p.count) as children from ubz_population p where p.age_band = any(?::text[]) group by p.ubz_id) uc on uc.ubz_id = c.ubz_id
                    join ubz_distribution d on d.ubz_id = c.ubz_id
                    join area u on u.id = c.ubz_id) k
                 where k.children >= 0.005`,
          bindings: [storedBands(band)],
          fields: { children: 'Number', unterbezirk: 'String' },
        },
      ],
    }),
  ),
  ...defaultCoverageSets(targetCategories).map(
    (set): TileSet => ({
      id: `luecken-${set.target.replaceAll('_', '-')}-${set.ageBand}`,
      description: `Gaps: grid pieces whose children of ${set.ageBand} live beyond ${set.threshold} m of ${set.categories.join(', ')} (estimates; on_network: the distance is a walk on the walking network, else the straight line).`,
      minzoom: 10,
      maxzoom: 16,
      layers: [
        {
          id: 'luecken',
          // on_network: the distance is a walk on the walking network (false: straight x detour).
          sql: `select round(c.children::numeric, 2)::float8 as children, round(c.distance_m)::int as distance_m, c.on_network, g.geom
                  from coverage_cell_cache c join grid_cell g on g.id = c.cell_id
                 where c.key = ? and c.children > 0 and (c.distance_m is null or c.distance_m > ?)`,
          bindings: [cacheKey(set), set.threshold],
          fields: { children: 'Number', distance_m: 'Number', on_network: 'Boolean' },
          coverage: set,
        },
      ],
    }),
  ),
];

export const tileSetById = new Map(tileSets.map((s) => [s.id, s]));
