// The state's schools on the real files (../shared/geodata/nrw-schools) joined to the real city:
// the counts of SOURCES.md, the match with the city's points and what is left on either side, the
// school targets' supply in pupils (recomputed here from the rows), an Aktionsraum's schools, and
// the partner search's Startchancen filter.
import { describe, expect, it } from 'vitest';
import { useTestApi } from './harness/testApi.ts';

const t = useTestApi();
const rows = async (sql: string, bindings: unknown[] = []) => (await t.db.knex.raw(sql, bindings as never)).rows;

describe("the state's schools", () => {
  it("imports Dortmund's 169 schools with 88,075 pupils and matches the children's schools to the city's points", async () => {
    const { schoolMatchReport: r } = await t.api.data(`{ schoolMatchReport {
      schools pupils childrensSchools matched byMatch { match schools } attribution
      stateOnly { schulnummer name schulform childrensProvision matchNote }
      cityOnly { facility { key name } nearestSchool { schulnummer } nearestDistanceMetres } } }`);
    expect(r).toMatchObject({ schools: 169, pupils: 88_075, childrensSchools: 155 });
    expect(r.attribution).toMatch(/IT\.NRW.*Ministerium für Schule und Bildung NRW/);
    // Every children's school but one (an LWL school for the hearing-impaired the city's file does not list) finds its point.
    expect(r.matched).toBe(154);
    const missing = r.stateOnly.filter((s: any) => s.childrensProvision);
    expect(missing.map((s: any) => s.schulnummer)).toEqual(['162917']);
    expect(missing[0].matchNote).toMatch(/no city point of the same name/);
    // The 14 Berufskollegs and Weiterbildungskollegs stay out of the children's coverage, and say so.
    const colleges = r.stateOnly.filter((s: any) => !s.childrensProvision);
    expect(colleges).toHaveLength(14);
    for (const s of colleges) expect(s.matchNote).toMatch(/not children's provision/);
    // The city lists branch sites as points of their own (two Goethe-Gymnasium points, two Stadtgymnasium ones, ...).
    expect(r.cityOnly.length).toBe(183 - 154);
    const goethe = r.cityOnly.filter((c: any) => c.facility.name === 'Goethe-Gymnasium');
    expect(goethe).toHaveLength(1);
    expect(goethe[0].nearestDistanceMetres).toBeGreaterThan(100);
    // A school that moved since the 2021 register is found by its name and address, and the report says how far.
    const [moved] = await rows("select match, match_distance_m, match_note from school where name like 'Max-Wittmann-Schule%'");
    expect(moved.match).toBe('address_and_name');
    expect(moved.match_note).toMatch(/moved since/);
    // No school placed by the geocoder: every position is the register's or a matched city point.
    const [{ placed }] = await rows('select count(*)::int as placed from school where geom is not null');
    expect(placed).toBe(168);
  });

  it('counts pupils as the supply of primary schools: the city figure equals the pupils over the children, recomputed from the rows', async () => {
    const { coverage } = await t.api.data(`{ coverage(level: AKTIONSRAUM, question: { target: { category: "grundschule" }, ageBand: AGE_6_17 }) {
      method { supplyMeasure } city { supplyPer1000Children children { value } } } }`);
    expect(coverage.method.supplyMeasure).toMatch(/Pupils enrolled.*rounded to 5.*not capacity/);
    const [{ pupils }] = await rows(`select sum(s.pupils)::int as pupils from school s join facility f on f.key = s.facility_key
      where f.category = 'grundschule' and s.category is not null`);
    const [{ children }] = await rows("select sum(count)::float8 as children from ubz_population where age_band = '6-17'");
    // Every primary school has children within 2 km: the city's 2SFCA mean is all pupils over all children.
    expect(pupils).toBeGreaterThan(23_000);
    expect(coverage.city.supplyPer1000Children).toBeCloseTo((pupils / children) * 1000, 0);
  });

  it('gives an Aktionsraum its pupils, the share in schools with index 7-9 and its Startchancen schools', async () => {
    const { area } = await t.api.data(`{ area(level: AKTIONSRAUM, code: "043") { name schools {
      schools pupils pupilsIndex7To9 shareIndex7To9 schoolsIndex7To9 source startchancenSchools { schulnummer name socialIndex startchancen facility { key } } list { schulnummer } } } }`);
    const s = area.schools;
    const expected = await rows(`select s.schulnummer, s.pupils, s.social_index, s.startchancen from school s
      join area_ubz au on au.ubz_id = s.ubz_id join area a on a.id = au.area_id
      where a.level = 'aktionsraum' and a.code = '043' and s.category is not null`);
    expect(s.schools).toBe(expected.length);
    expect(s.pupils).toBe(expected.reduce((sum: number, r: any) => sum + r.pupils, 0));
    expect(s.pupilsIndex7To9).toBe(expected.filter((r: any) => r.social_index >= 7).reduce((sum: number, r: any) => sum + r.pupils, 0));
    expect(s.startchancenSchools.map((x: any) => x.schulnummer).sort()).toEqual(expected.filter((r: any) => r.startchancen).map((r: any) => r.schulnummer).sort());
    expect(s.startchancenSchools.length).toBeGreaterThan(0);
    for (const x of s.startchancenSchools) expect(x.facility).not.toBeNull();
    expect(s.source).toMatch(/IT\.NRW/);
  });

  it('finds the Startchancen primary schools near a youth centre, and refuses an index out of range', async () => {
    const nordmarkt = { longitude: 7.4553, latitude: 51.5236 };
    const { facilitiesNear } = await t.api.data(`query($p: PointInput!) { facilitiesNear(near: { point: $p }, radius: 1500, categories: ["grundschule"], startchancen: true) {
      items { distanceMetres facility { key schools { startchancen socialIndex } } } } }`, { p: nordmarkt });
    const [{ n }] = await rows(`select count(*)::int as n from facility f where f.category = 'grundschule'
      and ST_DWithin(f.geom, ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 25832), 1500)
      and exists (select 1 from school s where s.facility_key = f.key and s.startchancen)`, [nordmarkt.longitude, nordmarkt.latitude]);
    expect(n).toBeGreaterThan(2);
    expect(facilitiesNear.items).toHaveLength(n);
    for (const i of facilitiesNear.items) expect(i.facility.schools.some((s: any) => s.startchancen)).toBe(true);
    const bad = await t.api.run('{ facilitiesNear(near: { point: { longitude: 7.45, latitude: 51.52 } }, radius: 500, minSocialIndex: 12) { items { distanceMetres } } }');
    expect(bad.errors?.[0].message).toBe('minSocialIndex must be from 1 to 9 (got 12)');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
