// Maps source features to facility records: category, subtype, operator, address, provenance and
// a stable key, so that re-importing the same source updates rows instead of adding new ones.
import { createHash } from 'node:crypto';
import { categories } from '../../domain/taxonomy.ts';
import { categoryBySourceKind, fallbackCategory, operatorFromName, subtypeLabels } from '../sourceCategories.ts';
import type { ImportProblem } from './importError.ts';
import type { LocatedSource } from './locateSources.ts';
import { checkGeometry, describeFeature, type Feature } from './readFeatureCollection.ts';
import { CITY } from '../../domain/city.ts';

export type CityCodes = {
  ubz: string | null;
  statisticalDistrict: string | null;
  statisticalDistrictName: string | null;
  stadtbezirk: string | null;
  stadtbezirkName: string | null;
  sozialraum: string | null;
  sozialraumName: string | null;
  aktionsraum: string | null;
  aktionsraumName: string | null;
};

export type FacilityRecord = {
  key: string;
  name: string;
  category: string;
  subtype: string | null;
  operator: string | null;
  street: string | null;
  house_number: string | null;
  city: string | null;
  lon: number;
  lat: number;
  city_codes: CityCodes | null;
  source_dataset: string;
  source_file: string;
  source_sha256: string;
  source_id: string | null;
  licence: string;
  attribution: string;
  properties: Record<string, unknown>;
};

const osmSubtypeLabels: Record<string, string> = {
  doctor: 'Arztpraxis',
  dentist: 'Zahnarztpraxis',
  pharmacy: 'Apotheke',
  physiotherapist: 'Physiotherapie',
  speech_therapist: 'Logopädie',
  occupational_therapist: 'Ergotherapie',
  psychotherapist: 'Psychotherapie',
  podiatrist: 'Podologie',
  alternative: 'Alternativmedizin',
  midwife: 'Hebamme',
  counselling: 'Beratung',
  clinic: 'Klinik',
  hospital: 'Krankenhaus',
  rehabilitation: 'Rehabilitation',
  laboratory: 'Labor',
  blood_donation: 'Blutspende',
};

const labelDe = new Map(categories.map((c) => [c.key, c.labelDe]));

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};

/** The city writes Sozialraum numbers sometimes as "S013"; the number is what counts. */
export const normaliseSozialraum = (code: string | null) => (code ? code.replace(/^S/, '') : null);

export function readCityCodes(p: Record<string, unknown>): CityCodes {
  return {
    ubz: text(p.ubznr),
    statisticalDistrict: text(p.statbeznr),
    statisticalDistrictName: text(p.statbezibe),
    stadtbezirk: text(p.stadtbeznr),
    stadtbezirkName: text(p.stadtbezbe),
    sozialraum: normaliseSozialraum(text(p.sozialrnr)),
    sozialraumName: text(p.sozialrbe),
    aktionsraum: text(p.aktionsrnr),
    aktionsraumName: text(p.aktionsrbz),
  };
}

export function toFacilityRecords(source: LocatedSource, features: Feature[]) {
  const records: FacilityRecord[] = [];
  const problems: ImportProblem[] = [];
  const seenKeys = new Map<string, number>();
  for (const feature of features) {
    const geometryProblem = checkGeometry(feature, ['Point']);
    const mapped = geometryProblem ? null : mapFeature(source, feature);
    if (geometryProblem || typeof mapped === 'string') {
      problems.push({ file: source.file, feature: describeFeature(feature), message: geometryProblem ?? (mapped as string) });
      continue;
    }
    const record = mapped!;
    const seen = seenKeys.get(record.key) ?? 0;
    seenKeys.set(record.key, seen + 1);
    // Identical name and position twice in one file: keep both, numbered in file order.
    if (seen > 0) record.key = `${record.key}-${seen + 1}`;
    records.push(record);
  }
  return { records, problems };
}

function mapFeature(source: LocatedSource, feature: Feature): FacilityRecord | string {
  const p = feature.properties;
  const [lon, lat] = feature.geometry!.coordinates as number[];
  const provenance = {
    source_dataset: source.dataset,
    source_file: source.file,
    source_sha256: source.sha256,
    licence: source.licence,
    attribution: source.attribution,
    properties: p,
    lon,
    lat,
  };
  if (source.kind === 'osm_points') {
    const id = text(p.full_id);
    if (!id) return 'has no OpenStreetMap id (full_id)';
    const tag = text(p.healthcare);
    const category = (tag && categoryBySourceKind[`osm:${tag}`]) || fallbackCategory.osm;
    return {
      ...provenance,
      key: `osm:${id}`,
      name: `${labelDe.get(category)} (OpenStreetMap ${id})`,
      category,
      subtype: tag ? (osmSubtypeLabels[tag] ?? tag) : null,
      operator: null,
      street: null,
      house_number: null,
      city: null,
      city_codes: null,
      source_id: id,
    };
  }
  const kind = text(p.objektart);
  const name = text(p.objektname);
  if (!kind) return 'has no objektart';
  if (!name) return 'has no objektname';
  const category = categoryBySourceKind[kind];
  if (!category) return `objektart "${kind}" is not in the taxonomy (geodata/sourceCategories.ts)`;
  const east = Math.round(Number(p.ostwert));
  const north = Math.round(Number(p.hochwert));
  const digest = createHash('sha1').update([kind, name, east, north].join('|')).digest('hex').slice(0, 12);
  return {
    ...provenance,
    key: `${source.dataset}:${digest}`,
    name,
    category,
    subtype: subtypeLabels[kind] ?? kind,
    operator: operatorFromName(name),
    street: text(p.strasse),
    house_number: text(p.hausnummer),
    city: text(p.ort) ?? CITY.name,
    city_codes: readCityCodes(p),
    source_id: null,
  };
}
