import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './importError.ts';
import { locateSources, sha256 } from './locateSources.ts';
import type { SourceFile } from './sourceManifest.ts';

const content = Buffer.from('{"type":"FeatureCollection","features":[]}');
const file = (name: string, bytes = content): SourceFile => ({
  file: name,
  dataset: name,
  kind: 'city_points',
  description: '',
  url: `https://example.invalid/${name}`,
  sha256: sha256(bytes),
  encoding: 'utf-8',
  licence: '',
  attribution: '',
  credit: '',
});

const offline = async () => {
  throw new Error('offline');
};

describe('locateSources', () => {
  it('reads from GEODATA_DIR and names the missing files and GEODATA_DIR when some are not there', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sources-'));
    await writeFile(path.join(dir, 'a.geojson'), content);
    const error = await locateSources([file('a.geojson'), file('b.geojson')], { dir, cacheDir: dir }, offline).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('b.geojson');
    expect(error.message).toContain('GEODATA_DIR');
  });

  it('downloads into the cache when there is no GEODATA_DIR, and then reads the cache offline', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const fetchFile = async (url: string) => ({ ok: true, status: 200, arrayBuffer: async () => new Uint8Array(content).buffer as ArrayBuffer, url });
    const [downloaded] = await locateSources([file('a.geojson')], { dir: null, cacheDir }, fetchFile);
    expect(downloaded.origin).toBe('download');
    expect(await readFile(path.join(cacheDir, 'a.geojson'))).toEqual(content);
    const [cached] = await locateSources([file('a.geojson')], { dir: null, cacheDir }, offline);
    expect(cached.origin).toBe('cache');
  });

  it('stops offline with no files, saying to set GEODATA_DIR', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const error = await locateSources([file('a.geojson')], { dir: null, cacheDir }, offline).catch((e) => e);
    expect(error.message).toMatch(/could not be downloaded; set GEODATA_DIR/);
  });

  it('refuses a download whose checksum differs and does not cache it', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const fetchFile = async () => ({ ok: true, status: 200, arrayBuffer: async () => new TextEncoder().encode('tampered').buffer as ArrayBuffer });
    const error = await locateSources([file('a.geojson')], { dir: null, cacheDir }, fetchFile).catch((e) => e);
    expect(error.message).toContain('checksum');
  });
});
