// A small real city for the import's failure cases: the source folder cut down, at run time, to one
// Stadtbezirk (Lütgendortmund: the sub-districts 7xx with the Aktionsräume Marten and
// Bövinghausen/Westrich), with a manifest whose checksums match the cut files. Real records only,
// written to a temporary folder and never kept; the census file stays the real one (the import keeps
// the cells touching the city). Importing it takes seconds where the whole city takes a minute.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { GeodataConfig } from '../../config/config.ts';
import { readAktionsraeume, type AktionsraumDefinition } from '../../geodata/import/aktionsraeume.ts';
import { sha256 } from '../../geodata/import/locateSources.ts';
import { loadManifest, type SourceFile, type SourceManifest } from '../../geodata/import/sourceManifest.ts';
import { testGeodata } from './database.ts';

/** The Stadtbezirk kept: its code in the city's points and Aktionsräume, its name in population.csv. */
export const MINI_STADTBEZIRK = { code: '7', name: 'Lütgendortmund', ubzPrefix: '7' };

export type MiniSources = {
  geodata: GeodataConfig;
  manifest: SourceManifest;
  aktionsraeume: AktionsraumDefinition[];
  /** The sub-district codes kept. */
  ubzCodes: string[];
};

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null };
type Collection = { type: 'FeatureCollection'; features: Feature[] };

/** Writes the cut folder and returns the settings that import it. */
export async function miniSources(): Promise<MiniSources> {
  const real = testGeodata();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'geodata-mini-'));
  const manifest = loadManifest();
  const ubzFile = manifest.files.find((f) => f.kind === 'ubz_polygons')!;
  const ubz = await readCollection(real.dir!, ubzFile);
  const inside = (code: unknown) => String(code ?? '').startsWith(MINI_STADTBEZIRK.ubzPrefix);
  const polygons = ubz.features.filter((f) => inside(f.properties.unbeznr));
  const ubzCodes = polygons.map((f) => String(f.properties.unbeznr)).sort();
  const files: SourceFile[] = [];
  for (const source of manifest.files) {
    if (source.kind === 'census_grid') {
      files.push(source);
      continue;
    }
    // The state's school files (a folder of their own beside GEODATA_DIR): whole, as they are.
    if (source.folder) {
      await writeFile(path.join(dir, source.file), await readFile(path.join(real.dir!, '..', source.folder, source.file)));
      files.push(source);
      continue;
    }
    const original = await readFile(path.join(real.dir!, source.file));
    let text: string;
    if (source.kind === 'population') {
      const [header, ...lines] = original.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
      text = [header, ...lines.filter((l) => l.split(',')[3] === MINI_STADTBEZIRK.name)].join('\n');
    } else {
      const collection = JSON.parse(original.toString(source.encoding)) as Collection;
      const keep =
        source.kind === 'ubz_polygons' || source.kind === 'indicators'
          ? (f: Feature) => inside(f.properties.unbeznr)
          : source.kind === 'city_points'
            ? (f: Feature) => inside(f.properties.ubznr)
            : (f: Feature) => f.geometry !== null && polygons.some((p) => booleanPointInPolygon(f.geometry as never, p as never));
      text = JSON.stringify({ ...collection, features: collection.features.filter(keep) });
    }
    const bytes = Buffer.from(text, source.encoding);
    await writeFile(path.join(dir, source.file), bytes);
    files.push({ ...source, sha256: sha256(bytes) });
  }
  const aktionsraeume = readAktionsraeume().filter((a) => a.ubzCodes.every((code) => ubzCodes.includes(code)));
  return { geodata: { ...real, dir, cacheDir: dir }, manifest: { ...manifest, files }, aktionsraeume, ubzCodes };
}

/** A copy of the mini folder with one file changed, and a manifest that accepts the changed file. */
export async function miniSourcesWith(mini: MiniSources, file: string, change: (text: string) => string): Promise<MiniSources> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'geodata-mini-'));
  const files: SourceFile[] = [];
  for (const source of mini.manifest.files) {
    if (source.kind === 'census_grid') {
      files.push(source);
      continue;
    }
    let bytes = await readFile(path.join(mini.geodata.dir!, source.file));
    if (source.file === file) bytes = Buffer.from(change(bytes.toString(source.encoding)), source.encoding);
    await writeFile(path.join(dir, source.file), bytes);
    files.push(source.file === file ? { ...source, sha256: sha256(bytes) } : source);
  }
  return { ...mini, geodata: { ...mini.geodata, dir, cacheDir: dir }, manifest: { ...mini.manifest, files } };
}

async function readCollection(dir: string, source: SourceFile): Promise<Collection> {
  return JSON.parse((await readFile(path.join(dir, source.file))).toString(source.encoding)) as Collection;
}
