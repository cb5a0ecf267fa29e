// Reads a census grid file into cells: the Parquet repackaging (columns value, quality, x, y) or
// the census office's own semicolon-separated CSV (Zensus 2011 long format with Merkmal /
// Auspraegung_Code / Anzahl, or a Zensus 2022 table with one count column). Every problem names
// the file; nothing is returned from a file with a bad row.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { centreOfGridId, gridIdOf, isInGermany, type CensusCell } from './censusGrid.ts';

export type CensusFileFormat = {
  format: 'parquet' | 'csv';
  cellSizeMetres: number;
  /** CSV: the column holding the count (default: the first of Anzahl, Unter10, value, Einwohner). */
  countColumn?: string;
  /** CSV long format: keep only rows with these values (e.g. Merkmal ALTER_10JG, Auspraegung_Code 1). */
  where?: Record<string, string>;
  /** CSV text encoding (the 2011 files are Latin-1). */
  encoding?: 'utf-8' | 'latin1';
};

export class CensusFileError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
  }
}

const COUNT_COLUMNS = ['Anzahl', 'Unter10', 'value', 'Einwohner'];
/** The census office marks suppressed or unknown values with a dash or leaves them empty. */
const SUPPRESSED = new Set(['', '-', '–', '.', 'x', 'X']);

export async function readCensusFile(bytes: Buffer, file: string, spec: CensusFileFormat): Promise<CensusCell[]> {
  const cells = spec.format === 'parquet' ? await readParquet(bytes, file) : readCsv(bytes.toString(spec.encoding === 'latin1' ? 'latin1' : 'utf8'), file, spec);
  checkCells(cells, file, spec.cellSizeMetres);
  return cells.map((c) => ({ ...c, gridId: c.gridId || gridIdOf(c.x, c.y, spec.cellSizeMetres) }));
}

async function readParquet(bytes: Buffer, file: string): Promise<CensusCell[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let columns: string[];
  try {
    columns = parquetMetadata(buffer).schema.slice(1).map((s) => s.name);
  } catch (error) {
    throw new CensusFileError(file, [`is not a readable Parquet file (${(error as Error).message})`]);
  }
  const missing = ['value', 'x', 'y'].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new CensusFileError(file, [`has no column ${missing.join(', ')} (columns: ${columns.join(', ')}; expected value, quality, x, y)`]);
  }
  const rows = (await parquetReadObjects({ file: buffer, compressors, columns: columns.filter((c) => ['value', 'quality', 'x', 'y'].includes(c)) })) as Record<string, unknown>[];
  return rows.map((r) => ({ gridId: '', x: Number(r.x), y: Number(r.y), count: Number(r.value), quality: r.quality == null ? null : Number(r.quality) }));
}

function readCsv(text: string, file: string, spec: CensusFileFormat): CensusCell[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new CensusFileError(file, ['is empty']);
  const header = lines[0].split(';').map((h) => h.trim().replace(/^"|"$/g, ''));
  const index = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const idColumn = [index('Gitter_ID_100m_neu'), index(`Gitter_ID_${spec.cellSizeMetres}m`)].find((i) => i >= 0) ?? -1;
  const xColumn = index(`x_mp_${spec.cellSizeMetres}m`);
  const yColumn = index(`y_mp_${spec.cellSizeMetres}m`);
  const countName = spec.countColumn ?? COUNT_COLUMNS.find((c) => index(c) >= 0);
  const countColumn = countName ? index(countName) : -1;
  const qualityColumn = index('Anzahl_q');
  const filters = Object.entries(spec.where ?? {}).map(([name, value]) => ({ name, value, column: index(name) }));
  const problems: string[] = [];
  if (countColumn < 0) problems.push(`has no count column ${spec.countColumn ?? `(one of ${COUNT_COLUMNS.join(', ')})`}`);
  if (idColumn < 0 && (xColumn < 0 || yColumn < 0)) {
    problems.push(`has neither a cell id column (Gitter_ID_${spec.cellSizeMetres}m) nor centre columns (x_mp_${spec.cellSizeMetres}m, y_mp_${spec.cellSizeMetres}m)`);
  }
  for (const f of filters.filter((f) => f.column < 0)) problems.push(`has no column ${f.name} to filter on`);
  if (problems.length > 0) throw new CensusFileError(file, [...problems.map((p) => `${p} (header: ${header.join(';')})`)]);

  const cells: CensusCell[] = [];
  for (const [i, line] of lines.slice(1).entries()) {
    const values = line.split(';').map((v) => v.trim().replace(/^"|"$/g, ''));
    const raw = values[countColumn] ?? '';
    if (filters.some((f) => values[f.column] !== f.value) || SUPPRESSED.has(raw)) continue;
    const where = `line ${i + 2}`;
    if (!/^\d+$/.test(raw)) {
      problems.push(`${where}: count "${raw}" is not a whole number`);
      continue;
    }
    const id = idColumn >= 0 ? values[idColumn] : '';
    const centre = xColumn >= 0 && yColumn >= 0 && values[xColumn] ? { x: Number(values[xColumn]), y: Number(values[yColumn]) } : centreOfGridId(id, spec.cellSizeMetres);
    if (!centre || !Number.isFinite(centre.x) || !Number.isFinite(centre.y)) {
      problems.push(`${where}: no cell position (cell id "${id}")`);
      continue;
    }
    const quality = qualityColumn >= 0 && values[qualityColumn] !== '' ? Number(values[qualityColumn]) : null;
    cells.push({ gridId: id.startsWith('CRS3035') ? id : '', x: centre.x, y: centre.y, count: Number(raw), quality });
  }
  if (problems.length > 0) throw new CensusFileError(file, problems);
  return cells;
}

/** Centres must lie in Germany and on the grid (a centre is half a cell off the corner lines). */
function checkCells(cells: CensusCell[], file: string, cellSize: number) {
  const problems: string[] = [];
  const half = cellSize / 2;
  for (const c of cells) {
    if (!Number.isInteger(c.count) || c.count < 0) problems.push(`cell ${c.x}, ${c.y}: count ${c.count} is not a whole number >= 0`);
    else if (!isInGermany(c.x, c.y)) problems.push(`cell centre ${c.x}, ${c.y} lies outside Germany in EPSG:3035 (wrong coordinate system or swapped x/y?)`);
    else if (((c.x - half) % cellSize) !== 0 || ((c.y - half) % cellSize) !== 0) problems.push(`cell centre ${c.x}, ${c.y} is not the centre of a ${cellSize} m census cell`);
    if (problems.length >= 20) break;
  }
  if (cells.length === 0) problems.push('holds no cells');
  if (problems.length > 0) throw new CensusFileError(file, problems);
}
