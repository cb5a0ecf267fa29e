// Measures how well each weight shares a statistical district's inhabitants among its
// sub-districts, against the published figures of sub-districts in population.csv (leave the
// figure out, predict its share of the district, compare). The estimate uses the better weight.
// Run: GEODATA_DIR=../shared/geodata/dortmund npm run bench:population-split
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { populationInputs, type PopulationInputRow } from '../geodata/import/populationImportStore.ts';
import { readPopulationCsv } from '../geodata/population/readPopulationCsv.ts';

const config = readConfig();
if (!config.geodata.dir) throw new Error('set GEODATA_DIR to the folder with population.csv');
const { db } = await prepareDatabase(config, () => {});
const rows = readPopulationCsv(readFileSync(path.join(config.geodata.dir, 'population.csv'), 'utf8'));
const inputs = await populationInputs(db.knex);

const weights: Record<string, (u: PopulationInputRow) => number> = {
  'density x area (old)': (u) => (u.density ?? 0) * u.area_ha,
  'census persons under 10 (used)': (u) => u.census_persons ?? 0,
  'census under 10 / under-10 share': (u) => (u.census_persons ?? 0) / (((u.share_0_5 ?? 0) + ((u.share_6_17 ?? 0) * 4) / 12) / 100 || 1),
};

const errors: Record<string, number[]> = {};
console.log('UBZ'.padEnd(9), 'name'.padEnd(22), 'published'.padStart(9), ...Object.keys(weights).map((w) => w.slice(0, 14).padStart(15)));
for (const figure of rows.filter((r) => r.level === 'ubz')) {
  const codes = figure.nr.split('+');
  const district = inputs.find((u) => u.code === codes[0])?.district_code;
  const members = inputs.filter((u) => u.district_code === district);
  const published = rows.find((r) => r.level === 'statbez' && r.nr === district);
  if (!published || members.length === codes.length) continue; // no district figure, or nothing to share
  const actual = figure.population / published.population;
  const shares = Object.entries(weights).map(([name, weight]) => {
    const share = members.filter((u) => codes.includes(u.code)).reduce((s, u) => s + weight(u), 0) / members.reduce((s, u) => s + weight(u), 0);
    errors[name] = [...(errors[name] ?? []), Math.abs(share - actual)];
    return share;
  });
  console.log(figure.nr.padEnd(9), figure.name.slice(0, 22).padEnd(22), `${(actual * 100).toFixed(1)} %`.padStart(9), ...shares.map((s) => `${(s * 100).toFixed(1)} %`.padStart(15)));
}
console.log('\nshare of the district missed, in percentage points:');
for (const [name, e] of Object.entries(errors)) {
  console.log(`  ${name.padEnd(36)} mean ${((e.reduce((a, b) => a + b, 0) / e.length) * 100).toFixed(1)}, max ${(Math.max(...e) * 100).toFixed(1)} (n = ${e.length})`);
}
console.log('(figures of different years: 2013-2023 for the sub-districts, 2021-2023 for the districts)');
await db.close();
