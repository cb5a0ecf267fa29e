// Imports real inhabitant counts per sub-district and age band (CSV: area,year,age_band,count,
// source). They replace the estimate wherever given. All rows or none: one bad row stops it.
import type { Knex } from 'knex';
import { precomputeCoverage } from '../coverageCache.ts';
import { defaultCoverageSets } from '../../domain/coverageRules.ts';
import { ImportError, type ImportProblem } from '../import/importError.ts';
import { clearCoverageCache, takeImportLock } from '../import/importStore.ts';
import * as populationImport from '../import/populationImportStore.ts';
import { targetCategories } from '../../domain/taxonomy.ts';
import { splitCsvLine } from '../import/aktionsraeume.ts';

const BANDS = ['total', '0-5', '6-17'];
const COLUMNS = ['area', 'year', 'age_band', 'count', 'source'];

export type PopulationCount = { ubz_code: string; year: number; age_band: string; count: number; source: string };

export function parsePopulationCounts(text: string, file: string, knownUbz: Set<string>): PopulationCount[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = splitCsvLine(header ?? '').map((c) => c.trim());
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ImportError([{ file, message: `needs the columns ${COLUMNS.join(', ')}; missing: ${missing.join(', ')}` }]);
  const problems: ImportProblem[] = [];
  const rows = lines.map((line, i) => {
    const r = Object.fromEntries(splitCsvLine(line).map((v, j) => [columns[j], v.trim()]));
    const at = `line ${i + 2}`;
    const year = Number(r.year);
    const count = Number(r.count);
    if (!knownUbz.has(r.area)) problems.push({ file, feature: at, message: `area "${r.area}" is not a sub-district (UBZ) code` });
    if (!Number.isInteger(year) || year < 1990 || year > 2100) problems.push({ file, feature: at, message: `year must be a whole number from 1990 to 2100 (got "${r.year}")` });
    if (!BANDS.includes(r.age_band)) problems.push({ file, feature: at, message: `age_band must be one of ${BANDS.join(', ')} (got "${r.age_band}")` });
    if (!Number.isInteger(count) || count < 0) problems.push({ file, feature: at, message: `count must be a whole number >= 0 (got "${r.count}")` });
    if (!r.source) problems.push({ file, feature: at, message: 'source is empty: say where the count comes from' });
    return { ubz_code: r.area, year, age_band: r.age_band, count, source: r.source };
  });
  if (problems.length > 0) throw new ImportError(problems);
  return rows;
}

export async function importPopulationCounts(db: Knex, text: string, file: string): Promise<number> {
  const rows = parsePopulationCounts(text, file, new Set(await populationImport.subDistrictCodes(db)));
  await db.transaction(async (trx) => {
    await takeImportLock(trx);
    await populationImport.upsertPopulationCounts(trx, rows);
    await clearCoverageCache(trx);
  });
  // Every figure depends on the counts: the defaults are computed again, as after an import.
  await precomputeCoverage(db, defaultCoverageSets(targetCategories));
  return rows.length;
}
