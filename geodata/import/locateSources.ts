// Finds every source file: in GEODATA_DIR when set, else in the cache, else by downloading it
// from its pinned URL into the cache. Every file's checksum is verified before anything is read.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeodataConfig } from '../../config/config.ts';
import { ImportError, type ImportProblem } from './importError.ts';
import type { SourceFile } from './sourceManifest.ts';

export type LocatedSource = SourceFile & { path: string; bytes: Buffer; origin: 'GEODATA_DIR' | 'cache' | 'download' };

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function locateSources(
  files: SourceFile[],
  config: GeodataConfig,
  fetchFile: Fetch = fetch,
): Promise<LocatedSource[]> {
  const problems: ImportProblem[] = [];
  const located: LocatedSource[] = [];
  const missing: string[] = [];
  for (const source of files) {
    const found = await findOne(source, config, fetchFile, missing);
    if (!found) continue;
    const actual = sha256(found.bytes);
    if (actual !== source.sha256) {
      problems.push({
        file: found.path,
        message: `checksum is ${actual}, expected ${source.sha256}: the file is damaged or not the pinned version`,
      });
      continue;
    }
    located.push({ ...source, ...found });
  }
  if (missing.length > 0) {
    const where = config.dir
      ? `GEODATA_DIR (${config.dir}) does not contain them`
      : `they are not in the cache (${config.cacheDir}) and could not be downloaded; set GEODATA_DIR to a folder that holds them`;
    problems.push({ file: missing.join(', '), message: `source files missing: ${where}` });
  }
  if (problems.length > 0) throw new ImportError(problems);
  return located;
}

async function findOne(source: SourceFile, config: GeodataConfig, fetchFile: Fetch, missing: string[]) {
  const dirs = searchedDirs(source, config);
  if (dirs.length > 0) {
    const file = dirs.map((dir) => path.join(dir, source.file)).find((f) => existsSync(f));
    if (!file) {
      missing.push(dirs.length > 1 ? `${source.file} (looked in ${dirs.join(', ')})` : source.file);
      return null;
    }
    return { path: file, bytes: await readFile(file), origin: 'GEODATA_DIR' as const };
  }
  const cached = path.join(config.cacheDir, source.file);
  if (existsSync(cached)) {
    const bytes = await readFile(cached);
    if (sha256(bytes) === source.sha256) return { path: cached, bytes, origin: 'cache' as const };
  }
  const bytes = source.url ? await download(source.url, fetchFile) : null;
  if (!bytes) {
    missing.push(source.file);
    return null;
  }
  await mkdir(config.cacheDir, { recursive: true });
  const partial = `${cached}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, cached);
  return { path: cached, bytes, origin: 'download' as const };
}

/** GEODATA_DIR, or for a file of its own folder (the census grid, the state's school files): GEODATA_DIR and its sibling folder (the census grid: CENSUS_DIR when set). */
function searchedDirs(source: SourceFile, config: GeodataConfig): string[] {
  if (source.kind === 'census_grid' && config.censusDir) return [config.censusDir];
  if (!config.dir) return [];
  return source.folder ? [config.dir, path.resolve(config.dir, '..', source.folder)] : [config.dir];
}

async function download(url: string, fetchFile: Fetch): Promise<Buffer | null> {
  try {
    const response = await fetchFile(url);
    if (!response.ok) return null;
    return Buffer.from(await response.arrayBuffer());
  } catch {
    return null;
  }
}
