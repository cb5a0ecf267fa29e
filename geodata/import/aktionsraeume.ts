// Reads the fact table of the Aktionsräume (geodata/aktionsraeume.csv).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type AktionsraumDefinition = {
  code: string;
  name: string;
  stadtbezirkCode: string;
  ubzCodes: string[];
  validFrom: string | null;
  validTo: string | null;
  source: string;
};

export const aktionsraeumePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../aktionsraeume.csv');

/** Splits one CSV line; fields may be quoted with "" as an escaped quote. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function readAktionsraeume(file = aktionsraeumePath): AktionsraumDefinition[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = splitCsvLine(header);
  return lines.map((line, i) => {
    const row = Object.fromEntries(splitCsvLine(line).map((v, j) => [columns[j], v.trim()]));
    if (!/^\d{3}$/.test(row.code ?? '') || !row.name || !row.ubz_codes) {
      throw new Error(`${path.basename(file)} line ${i + 2}: needs a 3-digit code, a name and ubz_codes`);
    }
    return {
      code: row.code,
      name: row.name,
      stadtbezirkCode: row.stadtbezirk_code,
      ubzCodes: row.ubz_codes.split(/\s+/),
      validFrom: row.valid_from || null,
      validTo: row.valid_to || null,
      source: row.source,
    };
  });
}
