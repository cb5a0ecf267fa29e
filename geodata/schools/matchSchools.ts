// Which of the city's school points is which school of the state's directory. The city's file has
// no Schulnummer, so each school is matched by its name, its address and its official position (the
// ministry's register, EPSG:25832, never the geocoder's): first pairs whose names and addresses
// agree, then pairs whose names agree, the nearest first (the register is of 2021: a few schools
// moved; a pair more than 1 km apart is noted), then schools without an official position by name
// alone, then a school at the very place of a city point of its kind whose name differs (a renamed
// school); a school left over at the place of a matched point shares that site (two schools in one
// building). One city point per school: the city lists branch sites as points of their own, which
// stay unmatched. What is left on either side is reported with its nearest counterpart.
import type { DirectorySchool, RegisterSchool } from './readSchoolFiles.ts';

export type CityPoint = { key: string; name: string; category: string; x: number; y: number; street?: string | null; house_number?: string | null };

export type MatchHow = 'address_and_name' | 'position_and_name' | 'name' | 'position' | 'shared_site';

export type StateSchool = DirectorySchool & {
  /** The atlas category of the school form; null: not children's provision (Berufskolleg, Weiterbildungskolleg). */
  category: string | null;
  position: { x: number; y: number } | null;
};

export type SchoolMatch = {
  school: StateSchool;
  facilityKey: string | null;
  how: MatchHow | null;
  /** Metres between the official position and the city's point (null without a position). */
  distance: number | null;
  /** Why the school is not matched, or what to know about the match. */
  note: string | null;
  /** The nearest city school point (for the report), whether matched or not. */
  nearest: { key: string; name: string; distance: number } | null;
};

export type CityOnly = { point: CityPoint; nearest: { schulnummer: string; name: string; distance: number } | null };

/** The rules of the match, in metres. */
export const MATCH_RULES = { nameWithin: 10_000, farApart: 1000, samePlace: 50 } as const;

/** School forms that are not children's provision: kept out of the children's coverage. */
export const NOT_CHILDRENS_PROVISION = ['Berufskolleg', 'Weiterbildungskolleg', 'Förderschule Berufskolleg'];

/** The atlas category of a school form of the state's directory (domain/taxonomy.ts). */
export function categoryOfSchoolForm(schulform: string): string | null {
  if (NOT_CHILDRENS_PROVISION.includes(schulform)) return null;
  if (schulform === 'Grundschule') return 'grundschule';
  if (schulform.startsWith('Förderschule')) return 'foerderschule';
  if (['Hauptschule', 'Realschule', 'Gesamtschule', 'Gymnasium', 'Sekundarschule', 'Gemeinschaftsschule', 'PRIMUS-Schule'].includes(schulform)) return 'weiterfuehrende_schule';
  return 'schule_sonstige';
}

// Words every school name shares: they say nothing about which school it is.
const GENERIC = new Set(
  'staedt staedtische stadt dortmund gem gemeinschafts gemeinschaftsgrundschule kath katholische ev evangelische grundschule schule gymnasium realschule hauptschule gesamtschule sekundarschule foerderschule lwl foerderschwerpunkt primarstufe sekundarstufe sekundarstufen der die das des dem den am an im in und fuer von zu mit staatl staatlich genehmigtes genehmigte privates private ersatzschule freie waldorfschule schulzentrum gesamt grund real haupt sekundar foerder gemeinschaftsgrund gemeinschaftshaupt'.split(' '),
);

/** The distinctive words of a school's name (umlauts folded, generic words and the suffix -schule dropped). */
export function nameTokens(name: string): Set<string> {
  const folded = name.normalize('NFC').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const tokens = folded
    .split(/[^a-z0-9]+/)
    .filter((t) => !GENERIC.has(t))
    .map((t) => (t.length > 9 && t.endsWith('schule') ? t.slice(0, -6) : t))
    .filter((t) => t.length >= 3 && !GENERIC.has(t) && !/^\d+$/.test(t));
  return new Set(tokens);
}

/** Whether two names name the same school: at least half of the shorter one's distinctive words in the other. */
export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.size === 0 || tb.size === 0) return false;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.min(ta.size, tb.size) >= 0.5;
}

/** Street and house number, folded: "Oberevinger Str. 155" and "Oberevinger Straße 155" agree. */
const foldAddress = (a: string) =>
  a
    .normalize('NFC')
    .toLowerCase()
    .replace(/straße|strasse/g, 'str')
    .replace(/[^a-z0-9äöü]+/g, '');

/** Whether the directory's address (street and number, postcode, town) names the city point's street and number. */
export function sameAddress(address: string, p: CityPoint): boolean {
  if (!p.street || !p.house_number) return false;
  const street = address.split(/\s\d{5}\s/)[0];
  return foldAddress(street) === foldAddress(`${p.street} ${p.house_number}`);
}

/** The directory's schools with their category and official position. */
export function stateSchools(directory: DirectorySchool[], register: RegisterSchool[]): StateSchool[] {
  const at = new Map(register.map((r) => [r.schulnummer, r]));
  return directory.map((s) => {
    const r = at.get(s.schulnummer);
    return { ...s, category: categoryOfSchoolForm(s.schulform), position: r ? { x: r.x, y: r.y } : null };
  });
}

export function matchSchools(schools: StateSchool[], points: CityPoint[]): { matches: SchoolMatch[]; cityOnly: CityOnly[] } {
  const dist = (s: StateSchool, p: CityPoint) => (s.position ? Math.hypot(s.position.x - p.x, s.position.y - p.y) : null);
  type Pair = { s: number; p: number; how: MatchHow; d: number | null; rank: number };
  const pairs: Pair[] = [];
  schools.forEach((s, si) => {
    if (!s.category) return;
    points.forEach((p, pi) => {
      const d = dist(s, p);
      const named = sameName(s.name, p.name);
      if (named && sameAddress(s.address, p)) pairs.push({ s: si, p: pi, how: 'address_and_name', d, rank: -1 });
      else if (named && d !== null && d <= MATCH_RULES.nameWithin) pairs.push({ s: si, p: pi, how: 'position_and_name', d, rank: 0 });
      else if (named && d === null) pairs.push({ s: si, p: pi, how: 'name', d, rank: 1 });
      else if (!named && d !== null && d <= MATCH_RULES.samePlace && p.category === s.category) pairs.push({ s: si, p: pi, how: 'position', d, rank: 2 });
    });
  });
  pairs.sort((a, b) => a.rank - b.rank || (a.d ?? 0) - (b.d ?? 0) || a.s - b.s || a.p - b.p);
  const pointOf = new Map<number, Pair>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (pointOf.has(pair.s) || taken.has(pair.p)) continue;
    pointOf.set(pair.s, pair);
    taken.add(pair.p);
  }
  const nearestPoint = (s: StateSchool) => {
    let best: SchoolMatch['nearest'] = null;
    for (const p of points) {
      const d = dist(s, p);
      if (d !== null && (!best || d < best.distance)) best = { key: p.key, name: p.name, distance: d };
    }
    return best;
  };
  const matches = schools.map((s, si): SchoolMatch => {
    const nearest = nearestPoint(s);
    const pair = pointOf.get(si);
    if (pair) {
      const p = points[pair.p];
      const note =
        pair.how === 'position'
          ? `same place, the city names it "${p.name}" (renamed?)`
          : pair.how === 'address_and_name' && pair.d !== null && pair.d > MATCH_RULES.farApart
            ? `name and address agree; the register's position of 2021 lies ${Math.round(pair.d)} m away (moved since?)`
            : pair.how === 'name'
            ? 'matched by name: the register has no official position'
            : pair.d! > MATCH_RULES.farApart
              ? `the city's point lies ${Math.round(pair.d!)} m from the register's position of 2021 (moved since?)`
              : null;
      return { school: s, facilityKey: p.key, how: pair.how, distance: pair.d, note, nearest };
    }
    if (!s.category) return { school: s, facilityKey: null, how: null, distance: null, note: `${s.schulform}: not children's provision, kept out of the children's coverage`, nearest };
    // A school at the place of a point matched to another school of its kind: two schools, one site.
    const site = nearest && nearest.distance <= MATCH_RULES.samePlace ? points.find((p) => p.key === nearest.key && taken.has(points.indexOf(p)) && p.category === s.category) : undefined;
    if (site) return { school: s, facilityKey: site.key, how: 'shared_site', distance: nearest!.distance, note: `shares the site of "${site.name}"`, nearest };
    const why = !s.position
      ? 'no official position in the register and no city point of the same name'
      : nearest
        ? `no city point of the same name within ${MATCH_RULES.nameWithin} m; the nearest is "${nearest.name}" at ${Math.round(nearest.distance)} m`
        : 'no city school point';
    return { school: s, facilityKey: null, how: null, distance: null, note: why, nearest };
  });
  const cityOnly = points
    .filter((_, pi) => !taken.has(pi))
    .map((point): CityOnly => {
      let nearest: CityOnly['nearest'] = null;
      for (const s of schools) {
        const d = dist(s, point);
        if (d !== null && (!nearest || d < nearest.distance)) nearest = { schulnummer: s.schulnummer, name: s.name, distance: d };
      }
      return { point, nearest };
    });
  return { matches, cityOnly };
}
