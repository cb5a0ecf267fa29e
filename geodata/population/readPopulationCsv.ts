// Reads population.csv (inhabitants per area, transcribed from public sources).
import { splitCsvLine } from '../import/aktionsraeume.ts';

export type PopulationRow = {
  level: 'city' | 'stadtbezirk' | 'statbez' | 'ubz';
  nr: string;
  name: string;
  stadtbezirk: string;
  refDate: string;
  population: number;
  source: string;
};

export function readPopulationCsv(text: string, file = 'population.csv'): PopulationRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = splitCsvLine(header);
  for (const needed of ['level', 'nr', 'name', 'stadtbezirk', 'ref_date', 'population', 'source']) {
    if (!columns.includes(needed)) throw new Error(`${file}: column "${needed}" is missing`);
  }
  return lines.map((line, i) => {
    const row = Object.fromEntries(splitCsvLine(line).map((v, j) => [columns[j], v.trim()]));
    const population = Number(row.population);
    if (!['city', 'stadtbezirk', 'statbez', 'ubz'].includes(row.level) || !Number.isFinite(population) || population < 0) {
      throw new Error(`${file} line ${i + 2}: needs a level (city, stadtbezirk, statbez, ubz) and a population >= 0`);
    }
    return {
      level: row.level as PopulationRow['level'],
      nr: row.nr,
      name: row.name,
      stadtbezirk: row.stadtbezirk,
      refDate: row.ref_date,
      population,
      source: row.source,
    };
  });
}
