// Derives the area hierarchy of every sub-district (UBZ) from the codes the city writes on its
// facility points. Where a UBZ has no point, the membership is inferred and flagged.
import type { CityCodes } from './facilityRecords.ts';

export type Membership = { code: string; name: string; inferred: boolean; basis: string };

export type UbzHierarchy = {
  ubz: string;
  statisticalDistrict: Membership;
  stadtbezirk: Membership;
  sozialraum: Membership;
};

const FROM_POINTS = 'codes on the city\'s facility points in this sub-district';

/** The most frequent value; ties go to the lowest, so the result never depends on input order. */
function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted[0]?.[0] ?? null;
}

function namesOf(points: CityCodes[], code: (c: CityCodes) => string | null, name: (c: CityCodes) => string | null) {
  const names = new Map<string, string[]>();
  for (const p of points) {
    const c = code(p);
    const n = name(p);
    if (c && n) names.set(c, [...(names.get(c) ?? []), n]);
  }
  return (c: string) => mostFrequent(names.get(c) ?? []) ?? c;
}

export function deriveHierarchy(ubzCodes: string[], points: CityCodes[]): UbzHierarchy[] {
  const byUbz = new Map<string, CityCodes[]>();
  for (const p of points) if (p.ubz) byUbz.set(p.ubz, [...(byUbz.get(p.ubz) ?? []), p]);
  const districtName = namesOf(points, (p) => p.statisticalDistrict, (p) => p.statisticalDistrictName);
  const boroughName = namesOf(points, (p) => p.stadtbezirk, (p) => p.stadtbezirkName);
  const sozialraumName = namesOf(points, (p) => p.sozialraum, (p) => p.sozialraumName);

  const districtOf = new Map<string, { code: string; inferred: boolean }>();
  for (const ubz of ubzCodes) {
    const fromPoints = mostFrequent((byUbz.get(ubz) ?? []).flatMap((p) => p.statisticalDistrict ?? []));
    districtOf.set(ubz, fromPoints ? { code: fromPoints, inferred: false } : { code: `${ubz.slice(0, 2)}0`, inferred: true });
  }
  const boroughOfDistrict = (district: string) =>
    mostFrequent(points.filter((p) => p.statisticalDistrict === district).flatMap((p) => p.stadtbezirk ?? []));
  const sozialraumFromPoints = new Map<string, string>();
  for (const ubz of ubzCodes) {
    const s = mostFrequent((byUbz.get(ubz) ?? []).flatMap((p) => p.sozialraum ?? []));
    if (s) sozialraumFromPoints.set(ubz, s);
  }

  return ubzCodes.map((ubz) => {
    const district = districtOf.get(ubz)!;
    const borough = boroughOfDistrict(district.code);
    if (!borough) throw new Error(`No Stadtbezirk can be found for statistical district ${district.code} (UBZ ${ubz})`);
    const ownSozialraum = sozialraumFromPoints.get(ubz);
    const neighbours = ubzCodes.filter((u) => districtOf.get(u)!.code === district.code && sozialraumFromPoints.has(u));
    const sozialraum = ownSozialraum ?? mostFrequent(neighbours.map((u) => sozialraumFromPoints.get(u)!));
    if (!sozialraum) throw new Error(`No Sozialraum can be found for UBZ ${ubz}`);
    const inferredBasis = `inferred: no facility point in this sub-district; taken from statistical district ${district.code}`;
    return {
      ubz,
      statisticalDistrict: {
        code: district.code,
        name: districtName(district.code),
        inferred: district.inferred,
        basis: district.inferred ? 'inferred: no facility point; the district of the UBZ number (first two digits + 0)' : FROM_POINTS,
      },
      stadtbezirk: { code: borough, name: boroughName(borough), inferred: district.inferred, basis: district.inferred ? inferredBasis : FROM_POINTS },
      sozialraum: {
        code: sozialraum,
        name: sozialraumName(sozialraum),
        inferred: !ownSozialraum,
        basis: ownSozialraum ? FROM_POINTS : `${inferredBasis} (the Sozialraum most of its sub-districts have)`,
      },
    };
  });
}
