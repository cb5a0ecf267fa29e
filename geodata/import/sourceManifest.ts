// The source manifest (geodata/sources.json): which raw files the atlas imports, from where,
// with which checksum, encoding, licence and attribution.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CensusFileFormat } from '../census/readCensusFile.ts';

export type SourceKind = 'ubz_polygons' | 'indicators' | 'city_points' | 'osm_points' | 'population' | 'census_grid' | 'school_directory' | 'school_register';

export type SourceFile = {
  file: string;
  dataset: string;
  kind: SourceKind;
  description: string;
  /** Pinned public URL; null for fact tables transcribed from several sources (cannot be downloaded). */
  url: string | null;
  sha256: string;
  encoding: 'utf-8' | 'latin1';
  licence: string;
  attribution: string;
  /** Short credit for the map. */
  credit: string;
  year?: number;
  /** Sub-folder of the shared geodata layout the file sits in (beside GEODATA_DIR), e.g. zensus2011, nrw-schools. */
  folder?: string;
  /** Census grids: file format, cell size, the age class counted and the census reference date. */
  census?: CensusFileFormat & { ageClass: string; refDate: string };
};

export type SourceManifest = {
  upstream: { repository: string; commit: string; folder: string; codeLicence: string };
  files: SourceFile[];
};

export const manifestPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sources.json');

export function loadManifest(file = manifestPath): SourceManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as SourceManifest;
}
