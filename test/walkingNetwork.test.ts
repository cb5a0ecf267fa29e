// The real OpenStreetMap fragment of Bövinghausen (../shared/geodata/osm-fixture/DoBoCas.pbf) as the
// walking network of the small real city (Stadtbezirk Lütgendortmund, test/harness/miniSources.ts):
// walks checked along the streets, what lies off the fragment measured straight and flagged, bad
// files refused, and without the network every figure as before.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNetworkFile } from '../geodata/network/readNetworkFile.ts';
import { runImport } from '../geodata/import/runImport.ts';
import { ImportError } from '../geodata/import/importError.ts';
import type { Database } from '../db/connect.ts';
import { openEmptyTestDatabase } from './harness/database.ts';
import { miniSources, type MiniSources } from './harness/miniSources.ts';
import { createRunner } from './harness/graphqlRunner.ts';

const FRAGMENT = path.resolve('../shared/geodata/osm-fixture/DoBoCas.pbf');
const FRAGMENT_SHA256 = 'df9c90e5f4157304b853a377f90d4f3624e7f7f9f757d165479ec2f62e9afae7';
/** FABIDO TEK, the Kita inside the fragment, beside Bövinghauser Straße (OSM way 30021939). */
const KITA = 'kindergarten:93a07a9d76e5';
/** A point in Marten, off the fragment. */
const MARTEN = { longitude: 7.3905, latitude: 51.5205 };

const COVERAGE = `{ coverage(level: AKTIONSRAUM, question: { target: { category: "kita" }, ageBand: AGE_0_5 }) {
  method { distanceModel distanceKind walkingNetwork { file } }
  areas { area { code } shareOnNetwork shareWithin medianDistanceMetres p90DistanceMetres childrenBeyond { value } } } }`;
const NEAR = `query($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 2000, categories: ["kita"]) {
  distanceModel items { distanceMetres measuredOn walkingMinutes facility { key } } } }`;

describe('the Bövinghausen fragment as the walking network', () => {
  let db: Database;
  let mini: MiniSources;
  let api: Awaited<ReturnType<typeof createRunner>>;
  let straight: any;
  const withNetwork = (file: string | null) => ({
    geodata: { ...mini.geodata, streetNetwork: file ? { file, licence: null, attribution: null } : null },
    manifest: mini.manifest,
    aktionsraeume: mini.aktionsraeume,
    precomputeDefaults: false,
  });
  const rows = async (sql: string, bindings: (string | number)[] = []) => (await db.knex.raw(sql, bindings)).rows;

  beforeAll(async () => {
    db = await openEmptyTestDatabase();
    mini = await miniSources();
    api = await createRunner(db.knex);
    await runImport(db.knex, withNetwork(null));
    straight = await api.data(COVERAGE);
    await runImport(db.knex, withNetwork(FRAGMENT));
  });
  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  it('is imported with its file, checksum, licence and credit on the map', async () => {
    const data = await api.data(`{ walkingNetwork { file format sha256 licence attribution edges lengthKm snapLimitMetres }
      mapConfig { attributions } atlasSettings { distanceModel } }`);
    expect(data.walkingNetwork).toEqual({
      file: 'DoBoCas.pbf', format: 'osm.pbf', sha256: FRAGMENT_SHA256, licence: 'ODbL 1.0 (Open Database License)',
      attribution: '© OpenStreetMap contributors', edges: 303, lengthKm: 15.8, snapLimitMetres: 150,
    });
    expect(data.mapConfig.attributions).toContain('© OpenStreetMap contributors');
    expect(data.atlasSettings.distanceModel).toBe('NETWORK');
  });

  it('measures the walk to the Kita along Bövinghauser Straße, the path and the footway to its door', async () => {
    // By hand, from the OSM ways' own geometry (not the atlas's graph): along Bövinghauser Straße to
    // where the path (way 55029728) leaves it, along the path to the footway (way 634355417), along
    // the footway to the point nearest the Kita, then straight to the Kita.
    const [hand] = await rows(`
      with street as (select ST_LineMerge(ST_Union(geom)) as g from walk_edge where osm_way_id = 30021939),
           path as (select ST_LineMerge(ST_Union(geom)) as g from walk_edge where osm_way_id = 55029728),
           foot as (select ST_LineMerge(ST_Union(geom)) as g from walk_edge where osm_way_id = 634355417),
           kita as (select geom from facility where key = ?),
           joins as (select ST_StartPoint(p.g) as j, (select x from (values (ST_StartPoint(f.g)), (ST_EndPoint(f.g))) v(x) order by ST_Distance(x, p.g) limit 1) as x
                       from path p, foot f)
      select ST_Length(s.g) as street_m, ST_LineLocatePoint(s.g, j.j) * ST_Length(s.g) as junction_at,
             ST_Distance(j.j, s.g) as junction_off_street,
             ST_LineLocatePoint(p.g, j.x) * ST_Length(p.g) as path_m,
             abs(ST_LineLocatePoint(f.g, j.x) - ST_LineLocatePoint(f.g, k.geom)) * ST_Length(f.g) as footway_m,
             ST_Distance(f.g, k.geom) as access_m
        from street s, path p, foot f, kita k, joins j`, [KITA]);
    expect(hand.junction_off_street).toBeLessThan(0.01);
    const toKita = hand.path_m + hand.footway_m + hand.access_m; // about 34 m from the street
    for (const share of [0.05, 0.15, 0.25, 0.35]) {
      const [p] = await rows(`
        select ST_X(ST_Transform(ST_LineInterpolatePoint(g, ?), 4326)) as longitude, ST_Y(ST_Transform(ST_LineInterpolatePoint(g, ?), 4326)) as latitude
          from (select ST_LineMerge(ST_Union(geom)) as g from walk_edge where osm_way_id = 30021939) s`, [share, share]);
      const expected = Math.abs(share * hand.street_m - hand.junction_at) + toKita;
      const { facilitiesNear } = await api.data(NEAR, { p });
      const item = facilitiesNear.items.find((i: any) => i.facility.key === KITA);
      expect(item, `from ${share} of the street`).toEqual({ distanceMetres: Math.round(expected), measuredOn: 'NETWORK', walkingMinutes: Math.max(1, Math.round(expected / 75)), facility: { key: KITA } });
      const { reachAtPoint } = await api.data(`query($p: PointInput!) { reachAtPoint(point: $p, ageBand: AGE_0_5) { categories { category { key } distanceMetres measuredOn nearestFacility { key } } } }`, { p });
      const kita = reachAtPoint.categories.find((c: any) => c.category.key === 'kita');
      if (kita.nearestFacility.key === KITA) expect(kita).toMatchObject({ distanceMetres: Math.round(expected), measuredOn: 'NETWORK' });
    }
  });

  it('measures straight what lies off the fragment, and every figure says how it was measured', async () => {
    const { facilitiesNear } = await api.data(NEAR, { p: MARTEN });
    expect(facilitiesNear.distanceModel).toBe('NETWORK');
    expect(facilitiesNear.items.length).toBeGreaterThan(0);
    expect(new Set(facilitiesNear.items.map((i: any) => i.measuredOn))).toEqual(new Set(['STRAIGHT']));
    const { coverage } = await api.data(COVERAGE);
    expect(coverage.method).toMatchObject({ distanceModel: 'NETWORK', walkingNetwork: { file: 'DoBoCas.pbf' } });
    expect(coverage.method.distanceKind).toMatch(/walking network/);
    const area = (c: any, code: string) => c.areas.find((a: any) => a.area.code === code);
    // Marten lies off the fragment: measured straight, its figures as before.
    expect(area(coverage, '102')).toEqual({ ...area(straight.coverage, '102'), shareOnNetwork: 0 });
    // Bövinghausen/Westrich: part of its children on the fragment's streets, the rest straight.
    const boev = area(coverage, '103');
    expect(boev.shareOnNetwork).toBeGreaterThan(0.1);
    expect(boev.shareOnNetwork).toBeLessThan(0.5);
    // Walks are never shorter than the line: the median and the children beyond cannot fall.
    expect(boev.medianDistanceMetres).toBeGreaterThanOrEqual(area(straight.coverage, '103').medianDistanceMetres);
    expect(boev.childrenBeyond.value).toBeGreaterThanOrEqual(area(straight.coverage, '103').childrenBeyond.value);
  });

  it('gives the ratio of walk to straight line per category, for a city without a network to set its detour', async () => {
    const { walkingNetwork } = await api.data('{ walkingNetwork { calibration { category { key } children medianRatio p90Ratio meanWalkMetres meanStraightMetres } } }');
    const kita = walkingNetwork.calibration.find((c: any) => c.category.key === 'kita');
    expect(kita.children).toBeGreaterThan(100);
    expect(kita.medianRatio).toBeGreaterThanOrEqual(1);
    expect(kita.p90Ratio).toBeGreaterThanOrEqual(kita.medianRatio);
    expect(kita.meanWalkMetres).toBeGreaterThan(kita.meanStraightMetres);
  });

  it('measures a scenario on the network: a Kita moved onto its own place changes nothing, a closure lengthens walks', async () => {
    const effect = async (changes: unknown[]) =>
      (await api.data(`query($changes: [ScenarioChangeInput!]!) { scenarioEffect(changes: $changes, target: { category: "kita" }, ageBand: AGE_0_5) {
        difference { cellsGaining cellsLosing } aktionsraeume { area { code } before { medianDistanceMetres shareWithin } after { medianDistanceMetres shareWithin } } } }`, { changes })).scenarioEffect;
    const [at] = await rows('select ST_X(ST_Transform(geom, 4326)) as longitude, ST_Y(ST_Transform(geom, 4326)) as latitude from facility where key = ?', [KITA]);
    const same = await effect([{ kind: 'MOVE', facilityKey: KITA, location: at }]);
    expect(same.difference).toEqual({ cellsGaining: 0, cellsLosing: 0 });
    for (const a of same.aktionsraeume) expect(a.after).toEqual(a.before);
    const closed = await effect([{ kind: 'CLOSE', facilityKey: KITA }]);
    expect(closed.difference.cellsLosing).toBeGreaterThan(0);
    const boev = closed.aktionsraeume.find((a: any) => a.area.code === '103');
    expect(boev.after.shareWithin).toBeLessThan(boev.before.shareWithin);
    // Sites are weighed by walks too: every child a suggestion gains lives beyond the Kitas today.
    const { siteSuggestions } = await api.data(`{ siteSuggestions(question: { target: { category: "kita" }, ageBand: AGE_0_5 }, area: { level: AKTIONSRAUM, code: "103" }, count: 2) {
      siteMethod childrenBeyond { value } suggestions { childrenGained { value } cumulativeChildren { value } } } }`);
    expect(siteSuggestions.siteMethod).toMatch(/walking network/);
    expect(siteSuggestions.suggestions.length).toBeGreaterThan(0);
    expect(siteSuggestions.suggestions.at(-1).cumulativeChildren.value).toBeLessThanOrEqual(siteSuggestions.childrenBeyond.value);
  });

  it('refuses a cut, an empty, a foreign and a non-OSM file, naming it, and keeps the network', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'network-'));
    const bytes = await readFile(FRAGMENT);
    const files = {
      'cut.osm.pbf': bytes.subarray(0, 60_000),
      'empty.osm.pbf': Buffer.alloc(0),
      'text.osm.pbf': Buffer.from('<?xml version="1.0"?><osm></osm>'),
      'points.geojson': Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [7.4, 51.5] } }] })),
      'elsewhere.geojson': Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[13.40, 52.52], [13.41, 52.52]] } }] })),
      'streets.csv': Buffer.from('a;b\n'),
    };
    const messages: Record<string, RegExp> = {
      'cut.osm.pbf': /cut or damaged/, 'empty.osm.pbf': /empty/, 'text.osm.pbf': /not an OpenStreetMap PBF/,
      'points.geojson': /LineStrings/, 'elsewhere.geojson': /no walkable ways within Dortmund/, 'streets.csv': /\.osm\.pbf.*GeoJSON/,
    };
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const error = await readNetworkFile(file).then(() => null, (e) => e);
      expect(error, name).toBeInstanceOf(ImportError);
      expect(error.problems[0], name).toEqual({ file, message: expect.stringMatching(messages[name]) });
    }
    // Through the import: nothing written, the fragment stays the network.
    const before = await rows('select count(*)::int as n, sum(network_m) as s from cell_reach');
    await expect(runImport(db.knex, withNetwork(path.join(dir, 'cut.osm.pbf')))).rejects.toThrow(/cut\.osm\.pbf: the PBF file is cut/);
    expect((await api.data('{ walkingNetwork { sha256 } }')).walkingNetwork.sha256).toBe(FRAGMENT_SHA256);
    expect(await rows('select count(*)::int as n, sum(network_m) as s from cell_reach')).toEqual(before);
  });

  it('without STREET_NETWORK measures straight again: every figure exactly as before the network', async () => {
    await runImport(db.knex, withNetwork(null));
    expect((await api.data('{ walkingNetwork { file } }')).walkingNetwork).toBeNull();
    const again = await api.data(COVERAGE);
    expect(again).toEqual(straight);
    expect(again.coverage.method.distanceModel).toBe('STRAIGHT');
  });
});
