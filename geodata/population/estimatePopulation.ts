// ESTIMATES inhabitants per sub-district (UBZ) and age band. No source publishes these counts;
// the method is written out in METHOD and every result keeps its inputs. Replaceable: real
// counts imported into population_count take precedence (view ubz_population).
//
// 1. Boroughs: the published figure of each Stadtbezirk (population.csv).
// 2. Statistical districts: published figures (of different years) are used as shares of their
//    borough: they are scaled so that the districts add up to the borough's figure. A district
//    without a figure gets the borough's remainder, shared among such districts by weight.
// 3. Sub-districts: a UBZ with a published figure (alone or as a pair) keeps its share; the rest
//    of the district is shared by weight; then all are scaled to the district's count.
// 4. Weight of a UBZ: the census persons under 10 located in it (Zensus 2011 grid). Measured
//    against the 11 published figures of UBZ in multi-UBZ districts (npm run bench:population-split),
//    it misses a UBZ's share of its district by 3.5 percentage points on average, the older weight
//    (published density population_density_ha_abs x area, still used where a group has no census
//    persons) by 10.0.
// 5. Age bands: total x share_0_6_pct and x share_6_18_pct of the Statistikatlas 2024 (2018 where
//    2024 lacks a value).
import type { PopulationRow } from './readPopulationCsv.ts';

export { POPULATION_ESTIMATE_METHOD as METHOD } from '../../domain/populationMethod.ts';

export type UbzInput = {
  code: string;
  districtCode: string;
  boroughName: string;
  areaHa: number;
  density: number | null;
  share0to5: number | null;
  share6to17: number | null;
  /** Census persons under 10 located in the UBZ; null without a census grid. */
  censusPersons: number | null;
};

export type UbzEstimate = {
  code: string;
  total: number;
  age0to5: number;
  age6to17: number;
  refDate: string;
  inputs: {
    districtCount: number;
    districtBasis: 'published, scaled to the borough' | 'remainder of the borough';
    districtRefDate: string;
    boroughCount: number;
    ubzBasis: 'published sub-district figure' | 'census persons' | 'density x area';
    weight: number;
    share0to5: number | null;
    share6to17: number | null;
  };
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const densityWeight = (u: UbzInput) => (u.density ?? 0) * u.areaHa || u.areaHa;
/** Census persons when the group has any, else density x area: never a mix within one group. */
const hasCensus = (group: UbzInput[]) => sum(group.map((u) => u.censusPersons ?? 0)) > 0;
const weightIn = (group: UbzInput[]) => (u: UbzInput) => (hasCensus(group) ? (u.censusPersons ?? 0) : densityWeight(u));

export function estimatePopulation(ubz: UbzInput[], rows: PopulationRow[]): UbzEstimate[] {
  const districts = groupBy(ubz, (u) => u.districtCode);
  const published = new Map(rows.filter((r) => r.level === 'statbez').map((r) => [r.nr, r]));
  const districtCounts = new Map<string, { count: number; basis: UbzEstimate['inputs']['districtBasis']; refDate: string; borough: number }>();

  for (const [boroughName, boroughUbz] of groupBy(ubz, (u) => u.boroughName)) {
    const borough = rows.find((r) => r.level === 'stadtbezirk' && r.name === boroughName);
    if (!borough) throw new Error(`population.csv has no figure for Stadtbezirk ${boroughName}`);
    const codes = [...new Set(boroughUbz.map((u) => u.districtCode))];
    const known = codes.filter((d) => published.has(d));
    const unknown = codes.filter((d) => !published.has(d));
    const knownSum = sum(known.map((d) => published.get(d)!.population));
    const remainder = unknown.length > 0 ? Math.max(borough.population - knownSum, 0) : 0;
    const scale = knownSum > 0 ? (borough.population - remainder) / knownSum : 0;
    for (const d of known) {
      districtCounts.set(d, { count: published.get(d)!.population * scale, basis: 'published, scaled to the borough', refDate: published.get(d)!.refDate, borough: borough.population });
    }
    const unknownUbz = unknown.flatMap((d) => districts.get(d)!);
    const unknownWeights = unknown.map((d) => sum(districts.get(d)!.map(weightIn(unknownUbz))));
    unknown.forEach((d, i) => {
      districtCounts.set(d, { count: (remainder * unknownWeights[i]) / sum(unknownWeights), basis: 'remainder of the borough', refDate: borough.refDate, borough: borough.population });
    });
  }

  const ubzFigures = rows.filter((r) => r.level === 'ubz');
  return [...districts].flatMap(([districtCode, members]) => {
    const district = districtCounts.get(districtCode)!;
    const provisional = shareWithinDistrict(members, ubzFigures, district.count);
    const scale = sum([...provisional.values()].map((p) => p.value)) > 0 ? district.count / sum([...provisional.values()].map((p) => p.value)) : 0;
    return members.map((u) => {
      const { value, basis } = provisional.get(u.code)!;
      const total = value * scale;
      return {
        code: u.code,
        total,
        age0to5: (total * (u.share0to5 ?? 0)) / 100,
        age6to17: (total * (u.share6to17 ?? 0)) / 100,
        refDate: district.refDate,
        inputs: {
          districtCount: district.count,
          districtBasis: district.basis,
          districtRefDate: district.refDate,
          boroughCount: district.borough,
          ubzBasis: basis,
          weight: weightIn(members)(u),
          share0to5: u.share0to5,
          share6to17: u.share6to17,
        },
      };
    });
  });
}

/** Provisional values of the UBZ of one district: published figures, the rest by weight. */
function shareWithinDistrict(members: UbzInput[], ubzFigures: PopulationRow[], districtCount: number) {
  const result = new Map<string, { value: number; basis: UbzEstimate['inputs']['ubzBasis'] }>();
  for (const figure of ubzFigures) {
    const group = members.filter((u) => figure.nr.split('+').includes(u.code));
    if (group.length === 0) continue;
    const weight = weightIn(group);
    const groupWeight = sum(group.map(weight));
    for (const u of group) result.set(u.code, { value: (figure.population * weight(u)) / groupWeight, basis: 'published sub-district figure' });
  }
  const rest = members.filter((u) => !result.has(u.code));
  const remaining = Math.max(districtCount - sum([...result.values()].map((r) => r.value)), 0);
  const weight = weightIn(rest);
  const restWeight = sum(rest.map(weight));
  const basis = hasCensus(rest) ? 'census persons' : 'density x area';
  for (const u of rest) result.set(u.code, { value: restWeight > 0 ? (remaining * weight(u)) / restWeight : 0, basis });
  return result;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
