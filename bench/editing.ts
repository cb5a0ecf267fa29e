// What an edit costs and how soon the figures count it: a new Kita written through the editing
// service (validation, the write, the audit record, the reach of its category extended, cached
// coverage dropped), beside the bare reach rebuild of the same category, and the first coverage
// answer after it (the dropped default recomputed). Everything runs in one transaction that is
// rolled back: the database is left as it was.
//
// Embedded: GEODATA_DIR=../shared/geodata/dortmund npm run bench:editing
// Server:   add DATABASE_URL=postgres://.../versorgungsatlas_bench (imported on the first run)
import { performance } from 'node:perf_hooks';
import { readConfig } from '../config/config.ts';
import { prepareDatabase } from '../api/src/prepareDatabase.ts';
import { createFacility } from '../api/src/modules/editing/editService.ts';
import { ensureCellCoverage } from '../geodata/coverageCache.ts';
import { refreshReach } from '../geodata/import/refreshReach.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const config = readConfig();
const kind = config.database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL server';
const who = { via: 'session', account_id: null, login: 'bench', display_name: 'Bench', role: 'editor' } as const;
const KITA_DEFAULT = { categories: ['kita'], ageBand: '0-5' as const, threshold: 500, detour: 1, distribution: 'census' as const };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { db } = await prepareDatabase(config, () => {});
  const edit: number[] = [];
  const bare: number[] = [];
  const coverage: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await db.knex
      .transaction(async (trx) => {
        let start = performance.now();
        await refreshReach(trx, ['kita'], { replaceAll: false });
        bare.push(performance.now() - start);
        start = performance.now();
        await createFacility(trx, who, { name: `Kita Bench ${i}`, category: 'kita', capacity: 60 }, { longitude: 7.4604 + i / 1000, latitude: 51.5227 }, 'bench');
        edit.push(performance.now() - start);
        start = performance.now();
        await ensureCellCoverage(trx, KITA_DEFAULT, true, false);
        coverage.push(performance.now() - start);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  }
  await db.close();
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(`\nEditing on the ${kind}, median of ${RUNS} runs (each rolled back):`);
  console.log(`  createFacility (Kita) incl. reach update and cache drop  : ${ms(median(edit))}`);
  console.log(`  bare reach rebuild of one category (refreshReach kita)   : ${ms(median(bare))}`);
  console.log(`  first Kita coverage after the edit (recomputed, pinned)  : ${ms(median(coverage))}`);
  console.log(`  => an edit counts in the figures after about ${ms(median(edit) + median(coverage))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
