// Re-applies the analysis functions in db/functions after every migrate. Each file holds one
// function (create or replace), its comment and an example; statements run one at a time because
// PGlite's extended protocol takes a single statement per call.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';

const functionsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'functions');

export async function applyFunctions(knex: Knex): Promise<string[]> {
  const files = readdirSync(functionsDir).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files) {
    for (const statement of splitStatements(readFileSync(path.join(functionsDir, file), 'utf8'))) {
      await knex.raw(statement);
    }
  }
  return files;
}

/** Splits SQL at semicolons outside quotes, dollar quotes and comments; drops empty statements. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const skip =
      rest.match(/^--[^\n]*/)?.[0] ??
      rest.match(/^'(?:[^']|'')*'/)?.[0] ??
      (rest.match(/^\$[A-Za-z_]*\$/) ? dollarQuoted(rest) : null);
    if (skip) {
      if (!skip.startsWith('--')) current += skip;
      i += skip.length;
    } else if (sql[i] === ';') {
      statements.push(current.trim());
      current = '';
      i++;
    } else {
      current += sql[i++];
    }
  }
  statements.push(current.trim());
  return statements.filter((s) => s !== '');
}

function dollarQuoted(rest: string): string {
  const tag = rest.match(/^\$[A-Za-z_]*\$/)![0];
  const end = rest.indexOf(tag, tag.length);
  return end < 0 ? rest : rest.slice(0, end + tag.length);
}
