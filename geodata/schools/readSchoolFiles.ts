// The state's two school files (geodata/sources.json, folder nrw-schools): IT.NRW's school
// directory with pupils, the ministry's social index and the Startchancen flag (one row per school
// and school year), and the ministry's school register with each school's official position
// (EPSG:25832). Read strictly: a file without the expected columns, or a row with a value out of
// range, is refused naming the file and the row; only the city's schools are kept.
import { parse } from 'csv-parse/sync';
import { CITY } from '../../domain/city.ts';
import type { ImportProblem } from '../import/importError.ts';

export type DirectorySchool = {
  schulnummer: string;
  schoolYear: string;
  schulform: string;
  name: string;
  address: string;
  legalStatus: string;
  /** Pupils enrolled, rounded to 5 by IT.NRW; null when the row gives none. */
  pupils: number | null;
  /** 1 (least) to 9 (most burdened school environment); null for forms without one. */
  socialIndex: number | null;
  startchancen: boolean;
};

export type RegisterSchool = { schulnummer: string; name: string; x: number; y: number };

const DIRECTORY_COLUMNS = ['Schuljahr', 'Schulform', 'Amtlicher Gemeindeschlüssel', 'Schulnummer', 'Amtliche Bezeichnung 1', 'Anzahl', 'Sozialindex', 'Startchancen-Schule'];
const REGISTER_COLUMNS = ['Schulnummer', 'Schulbezeichnung_1', 'Gemeindeschluessel', 'EPSG', 'UTMRechtswert', 'UTMHochwert'];

/** The city's key as a number: the directory writes 5913000, the register 05913000. */
const isCity = (key: string) => Number(key) === Number(CITY.municipalityKey);

function rowsOf(text: string, file: string, delimiter: string, required: string[]): Record<string, string>[] {
  const body = text.replace(/^\uFEFF/, '').replace(/^sep=.\r?\n/, '');
  if (body.trim() === '') throw new Error(`${file}: the file is empty`);
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new Error(`${file}: not a readable CSV file (${(error as Error).message})`);
  }
  const missing = required.filter((c) => rows.length === 0 || !(c in rows[0]));
  if (missing.length > 0) throw new Error(`${file}: the columns ${missing.join(', ')} are missing (is it the right file?)`);
  return rows;
}

const joinName = (...parts: (string | undefined)[]) =>
  parts
    .map((p) => (p ?? '').replace(/^[-\s]+|[-\s]+$/g, ''))
    .filter((p) => p !== '')
    .join(' ');

/** The directory's schools of the city; rows with a bad value are problems (the file is refused). */
export function readSchoolDirectory(text: string, file: string): { schools: DirectorySchool[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const schools: DirectorySchool[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rowsOf(text, file, ',', DIRECTORY_COLUMNS).entries()) {
    if (!isCity(r['Amtlicher Gemeindeschlüssel'])) continue;
    const where = `row ${i + 2} (Schulnummer ${r.Schulnummer || 'missing'})`;
    const pupils = r.Anzahl === '' ? null : Number(r.Anzahl);
    const socialIndex = r.Sozialindex === '' ? null : Number(r.Sozialindex);
    const flag = r['Startchancen-Schule'];
    const problem = !/^\d{6}$/.test(r.Schulnummer)
      ? 'the Schulnummer is not six digits'
      : seen.has(r.Schulnummer)
        ? 'the Schulnummer appears twice'
        : pupils !== null && !(Number.isInteger(pupils) && pupils >= 0 && pupils <= 10_000)
          ? `Anzahl "${r.Anzahl}" is not a number of pupils (0 to 10,000)`
          : socialIndex !== null && !(Number.isInteger(socialIndex) && socialIndex >= 1 && socialIndex <= 9)
            ? `Sozialindex "${r.Sozialindex}" is not 1 to 9`
            : !['', '0', '1'].includes(flag)
              ? `Startchancen-Schule "${flag}" is not 0 or 1`
              : null;
    if (problem) {
      problems.push({ file, message: `${where}: ${problem}` });
      continue;
    }
    seen.add(r.Schulnummer);
    schools.push({
      schulnummer: r.Schulnummer,
      schoolYear: r.Schuljahr,
      schulform: r.Schulform,
      name: joinName(r['Amtliche Bezeichnung 1'], r['Amtliche Bezeichnung 2'], r['Amtliche Bezeichnung 3']),
      address: joinName(r['Straße und Hausnummer'], r.Postleitzahl, r.Ort),
      legalStatus: r.Rechtsstatus ?? '',
      pupils,
      socialIndex,
      startchancen: flag === '1',
    });
  }
  if (schools.length === 0 && problems.length === 0) problems.push({ file, message: `no school of ${CITY.name} (Gemeindeschlüssel ${CITY.municipalityKey}) in the file` });
  return { schools, problems };
}

/** The register's official positions of the city's schools (EPSG:25832 only; another system is a problem). */
export function readSchoolRegister(text: string, file: string): { schools: RegisterSchool[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const schools: RegisterSchool[] = [];
  for (const [i, r] of rowsOf(text, file, ';', REGISTER_COLUMNS).entries()) {
    if (!isCity(r.Gemeindeschluessel)) continue;
    const where = `row ${i + 3} (Schulnummer ${r.Schulnummer || 'missing'})`;
    const x = Number(r.UTMRechtswert);
    const y = Number(r.UTMHochwert);
    // ETRS89 / UTM 32N over North Rhine-Westphalia: easting 280 to 540 km, northing 5,560 to 5,830 km.
    const problem = !/^\d{6}$/.test(r.Schulnummer)
      ? 'the Schulnummer is not six digits'
      : r.EPSG !== 'EPSG:25832'
        ? `position in "${r.EPSG}", expected EPSG:25832`
        : !(x >= 280_000 && x <= 540_000 && y >= 5_560_000 && y <= 5_830_000)
          ? `position ${r.UTMRechtswert}/${r.UTMHochwert} lies outside North Rhine-Westphalia`
          : null;
    if (problem) problems.push({ file, message: `${where}: ${problem}` });
    else schools.push({ schulnummer: r.Schulnummer, name: joinName(r.Schulbezeichnung_1, r.Schulbezeichnung_2, r.Schulbezeichnung_3), x, y });
  }
  return { schools, problems };
}
