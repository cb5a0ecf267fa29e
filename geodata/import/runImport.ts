// The whole import: locate and verify the files, read and check every feature, then write
// everything in one transaction. Any problem stops it before the commit; the old data stays.
import type { Knex } from 'knex';
import type { GeodataConfig } from '../../config/config.ts';
import { indicatorDefinitions } from '../indicators.ts';
import { CELL_SIZE_METRES, defaultCoverageSets } from '../../domain/coverageRules.ts';
import { precomputeCoverage } from '../coverageCache.ts';
import { estimatePopulation, METHOD as POPULATION_METHOD } from '../population/estimatePopulation.ts';
import { readPopulationCsv, type PopulationRow } from '../population/readPopulationCsv.ts';
import { categories, reachCategories, targetCategories } from '../../domain/taxonomy.ts';
import { readCensusFile } from '../census/readCensusFile.ts';
import type { CensusCell } from '../census/censusGrid.ts';
import { readAktionsraeume, type AktionsraumDefinition } from './aktionsraeume.ts';
import * as censusStore from './censusStore.ts';
import { toFacilityRecords, type FacilityRecord } from './facilityRecords.ts';
import { ImportError, type ImportProblem } from './importError.ts';
import * as areaImport from './areaImportStore.ts';
import * as facilityImport from './facilityImportStore.ts';
import * as indicatorImport from './indicatorImportStore.ts';
import * as populationImport from './populationImportStore.ts';
import * as store from './importStore.ts';
import { writeAreas } from './derivedAreas.ts';
import { locateSources, type LocatedSource } from './locateSources.ts';
import { checkGeometry, describeFeature, readFeatureCollection } from './readFeatureCollection.ts';
import { loadManifest, type SourceManifest } from './sourceManifest.ts';
import proj4 from 'proj4';
import { CITY } from '../../domain/city.ts';
import { readNetworkFile, type NetworkFile } from '../network/readNetworkFile.ts';
import * as networkStore from '../network/networkStore.ts';
import { edgesOf, WalkGraph } from '../network/walkGraph.ts';
import { matchReportLines, parseSchoolSources, type SchoolMatchSummary, writeSchools } from '../schools/schoolImport.ts';

export type ImportOptions = {
  geodata: GeodataConfig;
  manifest?: SourceManifest;
  aktionsraeume?: AktionsraumDefinition[];
  /** Import the valid features and report the others instead of stopping (default: stop). */
  skipInvalidFeatures?: boolean;
  /** Fill the coverage cache for every default target after the import (default: yes). */
  precomputeDefaults?: boolean;
  log?: (line: string) => void;
};

export type ImportReport = {
  areas: Record<string, number>;
  facilities: number;
  /** The city's records no longer in its files: retired, not deleted. */
  facilitiesRemoved: number;
  /** Manually edited records for which the source brought new values: listed for a reviewer. */
  facilityConflicts: number;
  indicatorValues: number;
  skipped: ImportProblem[];
  warnings: string[];
  /** Grid cells and nearest-facility rows, when they were recomputed (areas or facilities changed). */
  reach: { cells: number; reachRows: number } | null;
  /** Census cells kept (those touching the city), their persons, and the sub-districts spread evenly for want of census persons. */
  census: censusStore.CensusSummary & { source: string | null };
  /** The state's schools and their match with the city's school points, or null without the school files. */
  schools: SchoolMatchSummary | null;
  /** The walking network (STREET_NETWORK) in use after the import, or null: straight lines. */
  network: { file: string; ways: number; edges: number; km: number; changed: boolean } | null;
  seconds: number;
};

type Parsed = {
  ubz: areaImport.UbzInput[];
  indicators: { year: number; file: string; values: indicatorImport.IndicatorValueInput[] }[];
  facilities: FacilityRecord[];
  population: PopulationRow[];
  census: { source: LocatedSource; cells: CensusCell[] } | null;
  problems: ImportProblem[];
};


export async function runImport(knex: Knex, options: ImportOptions): Promise<ImportReport> {
  const started = new Date();
  const log = options.log ?? (() => {});
  const manifest = options.manifest ?? loadManifest();
  const aktionsraeume = options.aktionsraeume ?? readAktionsraeume();
  // A bad walking network stops the import before anything else is read.
  const network = options.geodata.streetNetwork ? await readNetwork(options.geodata.streetNetwork, log) : null;
  const sources = await locateSources(manifest.files, options.geodata);
  log(`import: ${sources.length} source files found and verified (${sources[0]?.origin})`);
  const parsed = parseSources(sources);
  parsed.census = await readCensus(sources, parsed.problems);
  const schools = parseSchoolSources(sources, parsed.problems);
  const fatal = parsed.problems.filter((p) => !p.feature || !options.skipInvalidFeatures);
  if (fatal.length > 0) throw new ImportError(fatal);

  const report = await knex.transaction(async (trx) => {
    await store.takeImportLock(trx);
    const ubzChanged = await areaImport.upsertUbz(trx, parsed.ubz, 'Statist_UnterbezirkePolygon.geojson (ST_MakeValid)');
    const facilities = await dropFacilitiesOutsideCity(trx, parsed, options.skipInvalidFeatures ?? false);
    const censusSource = await writeCensusCells(trx, parsed.census);
    await facilityImport.upsertCategories(trx, categories);
    await indicatorImport.upsertIndicatorDefinitions(trx, indicatorDefinitions, CITY.statisticsOffice);
    const areaCounts = await writeAreas(trx, parsed.ubz.map((u) => u.code).sort(), facilities, aktionsraeume);
    let indicatorValues = 0;
    for (const { year, file, values } of parsed.indicators) {
      await indicatorImport.replaceIndicatorValues(trx, year, values, file);
      indicatorValues += values.length;
    }
    const upserted = await facilityImport.upsertFacilities(trx, facilities);
    const stale = await facilityImport.retireFacilitiesNotIn(trx, facilities.map((f) => f.key));
    const schoolMatch = await writeSchools(trx, schools);
    const facilitiesChanged = upserted.changed + (await writeNetwork(trx, network, options.geodata.streetNetwork ?? null));
    const removed = stale.retired;
    // The grid depends on the sub-districts only; changed facilities need the reach anew, not the grid.
    const gridStale = ubzChanged > 0 || (await store.gridIsEmpty(trx));
    const reach = gridStale
      ? await store.refreshGridAndReach(trx, CELL_SIZE_METRES, reachCategories)
      : facilitiesChanged + removed > 0
        ? await store.refreshReachOnly(trx, reachCategories)
        : null;
    // The census or the grid may have changed: locate the demand again (a second or two); the
    // estimate shares districts among their sub-districts by the census persons located.
    await censusStore.refreshDemand(trx);
    await censusStore.placeLabelsWhereChildrenLive(trx);
    await writePopulationEstimates(trx, parsed.population);
    await store.clearCoverageCache(trx);
    const mismatches = await areaImport.findAktionsraumMismatches(trx);
    const result: ImportReport = {
      areas: areaCounts,
      facilities: facilities.length,
      facilitiesRemoved: removed,
      facilityConflicts: upserted.conflicts + stale.conflicts,
      indicatorValues,
      skipped: parsed.problems.filter((p) => p.feature),
      warnings: mismatches.map((m) => `${m.name} (${m.key}) carries Aktionsraum code ${m.code} but lies outside it`),
      reach,
      census: { ...(await censusStore.censusSummary(trx)), source: censusSource },
      schools: schoolMatch,
      network: network ? { file: network.file.path.split(/[\\/]/).pop()!, ways: network.file.lines.length, edges: network.graph.edges.length, km: Math.round(network.graph.totalMetres / 100) / 10, changed: network.changed } : null,
      seconds: 0,
    };
    const sourceList: unknown[] = sources.map(({ file, sha256, url, licence, attribution, origin }) => ({ file, sha256, url, licence, attribution, origin }));
    const inUse = await networkStore.networkInUse(trx);
    if (inUse) sourceList.push({ file: inUse.file, sha256: inUse.sha256, url: null, licence: inUse.licence, attribution: inUse.attribution, origin: 'STREET_NETWORK' });
    await store.recordImportRun(trx, started, sourceList, result);
    return result;
  });
  await store.analyzeAll(knex);
  if (report.schools) for (const line of matchReportLines(report.schools)) log(line);
  // The dashboard's first questions (every default target) answer from the cache, also after a
  // restart. Outside the import's transaction: the data is in place whether or not this finishes.
  if (options.precomputeDefaults ?? true) {
    const precomputeStarted = Date.now();
    const sets = await precomputeCoverage(knex, defaultCoverageSets(targetCategories));
    const precomputeSeconds = (Date.now() - precomputeStarted) / 1000;
    log(`import: coverage of ${sets} default targets precomputed in ${precomputeSeconds.toFixed(1)} s`);
    await store.recordPrecompute(knex, precomputeSeconds);
  }
  report.seconds = (Date.now() - started.getTime()) / 1000;
  log(`import: ${JSON.stringify({ ...report.areas, facilities: report.facilities, gridCells: report.reach?.cells, censusCells: report.census.cells, seconds: report.seconds })}`);
  return report;
}

type ReadNetwork = { file: NetworkFile; graph: WalkGraph; changed: boolean };

/** Reads and checks the walking network before anything is written (a bad file stops the import). */
async function readNetwork(config: NonNullable<GeodataConfig['streetNetwork']>, log: (line: string) => void): Promise<ReadNetwork> {
  const started = Date.now();
  const file = await readNetworkFile(config.file);
  const { edges, nodeCount } = edgesOf(file.lines);
  const graph = new WalkGraph(edges, nodeCount);
  log(`import: walking network ${file.path}: ${file.lines.length} walkable ways, ${edges.length} edges, ${(graph.totalMetres / 1000).toFixed(1)} km in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { file, graph, changed: false };
}

/**
 * Puts the network in place when it differs from the one in use (or removes it without
 * STREET_NETWORK: the figures are straight lines again). Returns 1 when the reach must be computed anew.
 */
async function writeNetwork(trx: Knex.Transaction, network: ReadNetwork | null, config: GeodataConfig['streetNetwork'] | null): Promise<number> {
  const inUse = await networkStore.networkInUse(trx);
  if (!network) {
    if (!inUse) return 0;
    await networkStore.clearNetwork(trx);
    return 1;
  }
  if (inUse?.sha256 === network.file.sha256) {
    networkStore.rememberGraph(inUse, network.graph);
    return 0;
  }
  const osm = network.file.format === 'osm.pbf';
  await networkStore.replaceNetwork(trx, network.file, network.graph.edges, {
    licence: osm ? networkStore.OSM_LICENCE : (config?.licence ?? 'not stated (set STREET_NETWORK_LICENCE)'),
    attribution: osm ? networkStore.OSM_ATTRIBUTION : (config?.attribution ?? network.file.path.split(/[\\/]/).pop()!),
  });
  networkStore.rememberGraph((await networkStore.networkInUse(trx))!, network.graph);
  network.changed = true;
  return 1;
}

function parseSources(sources: LocatedSource[]): Parsed {
  const parsed: Parsed = { ubz: [], indicators: [], facilities: [], population: [], census: null, problems: [] };
  for (const source of sources) {
    if (source.kind === 'census_grid' || source.kind === 'school_directory' || source.kind === 'school_register') continue;
    if (source.kind === 'population') {
      try {
        parsed.population = readPopulationCsv(source.bytes.toString('utf8'), source.file);
      } catch (error) {
        parsed.problems.push({ file: source.file, message: (error as Error).message });
      }
      continue;
    }
    const { features, problems } = readFeatureCollection(source);
    parsed.problems.push(...problems);
    if (source.kind === 'ubz_polygons') {
      for (const f of features) {
        const problem = checkGeometry(f, ['Polygon', 'MultiPolygon']) ?? (f.properties.unbeznr ? null : 'has no unbeznr');
        // A missing sub-district would leave a hole in the city: always fatal.
        if (problem) parsed.problems.push({ file: source.file, message: `${describeFeature(f)} ${problem}` });
        else parsed.ubz.push({ code: String(f.properties.unbeznr), name: titleCase(String(f.properties.bezeichnun ?? '')), geometry: f.geometry });
      }
    } else if (source.kind === 'indicators') {
      parsed.indicators.push({ year: source.year!, file: source.file, values: readIndicatorValues(features) });
    } else {
      const { records, problems: featureProblems } = toFacilityRecords(source, features);
      parsed.facilities.push(...records);
      parsed.problems.push(...featureProblems);
    }
  }
  return parsed;
}

/** Reads the census grid (at most one in the manifest); the whole national file is checked. */
async function readCensus(sources: LocatedSource[], problems: ImportProblem[]): Promise<Parsed['census']> {
  const grids = sources.filter((s) => s.kind === 'census_grid');
  if (grids.length > 1) problems.push({ file: grids.map((g) => g.file).join(', '), message: 'the manifest names more than one census grid; keep one' });
  const source = grids[0];
  if (!source) return null;
  if (!source.census) {
    problems.push({ file: source.file, message: 'the manifest entry has no "census" section (format, cellSizeMetres, ageClass, refDate)' });
    return null;
  }
  if (source.census.cellSizeMetres % CELL_SIZE_METRES !== 0) {
    problems.push({ file: source.file, message: `census cells of ${source.census.cellSizeMetres} m are not a multiple of the atlas grid's ${CELL_SIZE_METRES} m` });
    return null;
  }
  try {
    const key = `${source.sha256}|${source.encoding}|${JSON.stringify(source.census)}`;
    let cells = censusNearCity.get(key);
    if (!cells) {
      cells = nearCity(await readCensusFile(source.bytes, source.path, { ...source.census, encoding: source.encoding }));
      // The same file read again (a second import in one process) is not parsed again: a national
      // file takes seconds, its cells near the city are a few thousand.
      if (censusNearCity.size >= 2) censusNearCity.delete(censusNearCity.keys().next().value!);
      censusNearCity.set(key, cells);
    }
    return { source, cells };
  } catch (error) {
    problems.push({ file: source.path, message: (error as Error).message.replace(`${source.path}: `, '') });
    return null;
  }
}

const censusNearCity = new Map<string, CensusCell[]>();

/** ETRS89-LAEA Europe (EPSG:3035), the census grid's CRS. */
const toLaea = proj4('EPSG:4326', '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs');

/** The cells within the city's box (domain/city.ts) widened by 2 km: a superset of those the import keeps. */
function nearCity(cells: CensusCell[]): CensusCell[] {
  const b = CITY.bounds;
  const corners = [[b.west, b.south], [b.west, b.north], [b.east, b.south], [b.east, b.north]].map((c) => toLaea.forward(c));
  const margin = 2000;
  const minX = Math.min(...corners.map((c) => c[0])) - margin;
  const maxX = Math.max(...corners.map((c) => c[0])) + margin;
  const minY = Math.min(...corners.map((c) => c[1])) - margin;
  const maxY = Math.max(...corners.map((c) => c[1])) + margin;
  return cells.filter((c) => c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY);
}

/** Keeps the census cells that touch the city (a national file is filtered to the city's box first). */
async function writeCensusCells(trx: Knex.Transaction, census: Parsed['census']): Promise<string | null> {
  if (!census) {
    await censusStore.replaceCensusCells(trx, [], { dataset: '', refDate: '1970-01-01', cellSizeMetres: CELL_SIZE_METRES });
    return null;
  }
  const spec = census.source.census!;
  const box = await censusStore.cityBox3035(trx, spec.cellSizeMetres);
  const near = box ? census.cells.filter((c) => c.x >= box.minX && c.x <= box.maxX && c.y >= box.minY && c.y <= box.maxY) : [];
  await censusStore.replaceCensusCells(trx, near, { dataset: census.source.dataset, refDate: spec.refDate, cellSizeMetres: spec.cellSizeMetres });
  return census.source.dataset;
}

const indicatorKeys = new Set(indicatorDefinitions.map((d) => d.key));

function readIndicatorValues(features: ReturnType<typeof readFeatureCollection>['features']) {
  return features.flatMap((f) => {
    const ubz = String(f.properties.unbeznr ?? '');
    return Object.entries(f.properties)
      .filter(([key, value]) => indicatorKeys.has(key) && typeof value === 'number' && Number.isFinite(value))
      .map(([key, value]) => ({ ubz, key, value: value as number }));
  });
}

/** The polygon file writes some names in capitals (BÖVINGHAUSEN); the atlas shows Bövinghausen. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-/])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Needs the UBZ in place: a point in no sub-district lies outside the city. */
async function dropFacilitiesOutsideCity(trx: Knex.Transaction, parsed: Parsed, skip: boolean) {
  const outside = new Set(await facilityImport.findFacilitiesOutsideCity(trx, parsed.facilities));
  if (outside.size === 0) return parsed.facilities;
  const problems = parsed.facilities
    .filter((f) => outside.has(f.key))
    .map((f) => ({ file: f.source_file, feature: `${f.name} (${f.key})`, message: `lies outside the city (${f.lon}, ${f.lat})` }));
  if (!skip) throw new ImportError(problems);
  parsed.problems.push(...problems);
  return parsed.facilities.filter((f) => !outside.has(f.key));
}

async function writePopulationEstimates(trx: Knex.Transaction, rows: PopulationRow[]) {
  const inputs = await populationImport.populationInputs(trx);
  const estimates = estimatePopulation(
    inputs.map((i) => ({
      code: i.code,
      districtCode: i.district_code,
      boroughName: i.borough_name,
      areaHa: i.area_ha,
      density: i.density,
      share0to5: i.share_0_5,
      share6to17: i.share_6_17,
      censusPersons: i.census_persons,
    })),
    rows,
  );
  await populationImport.replacePopulationEstimates(
    trx,
    estimates.flatMap((e) =>
      ([['total', e.total], ['0-5', e.age0to5], ['6-17', e.age6to17]] as const).map(([band, count]) => ({
        code: e.code,
        age_band: band,
        count,
        ref_date: e.refDate,
        // Stored in English for SQL readers; the API gives it in the language asked for.
        method: POPULATION_METHOD.en,
        inputs: e.inputs,
      })),
    ),
  );
}
