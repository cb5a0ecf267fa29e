// Accounts from the command line (the first admin above all):
//   npm run account -- create <login> --name "Full Name" --role admin|reviewer|planner|editor
//   npm run account -- unlock <login>     lifts every sign-in limit of a login (also an admin's own)
// The password is read from standard input (one line), so that it lands neither in the shell
// history nor in the process list.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import * as accountStore from './modules/accounts/accountStore.ts';
import { checkPasswordRules, hashPassword } from './modules/accounts/passwords.ts';
import { loginKeyOf } from './modules/accounts/signInLimits.ts';
import { unlockLogin } from './modules/accounts/signInStore.ts';

const ROLES = ['editor', 'reviewer', 'planner', 'admin'] as const;

/** A mistake of the caller: printed as it is, without a stack. */
class UsageError extends Error {}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const USAGE = 'usage: npm run account -- create <login> --name "Full Name" --role admin|reviewer|planner|editor\n       npm run account -- unlock <login>';

/** Lifts the sign-in limits of a login (works while the atlas runs on a server database; stop an embedded one first). */
async function unlock(login: string) {
  const db = await openDatabase(readConfig().database);
  try {
    await migrate(db.knex);
    await db.knex.transaction(async (trx) => {
      const forgotten = await unlockLogin(trx, loginKeyOf(login));
      await accountStore.audit(trx, { accountId: null, actor: 'command line', action: 'account.unlock', entity: 'account', entityKey: loginKeyOf(login), after: { failuresForgotten: forgotten } });
      console.log(`unlocked "${login}": ${forgotten} failed sign-ins forgotten`);
    });
  } finally {
    await db.close();
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', default: 'editor' } },
  });
  const [command, login] = positionals;
  if (command === 'unlock' && login) return unlock(login);
  if (command !== 'create' || !login) throw new UsageError(USAGE);
  const role = values.role as (typeof ROLES)[number];
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${values.role}")`);
  const password = await readPassword();
  const problem = checkPasswordRules(password);
  if (problem) throw new UsageError(problem);
  const config = readConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db.knex);
    await db.knex.transaction(async (trx) => {
      if (await accountStore.findAccountByLogin(trx, login)) throw new UsageError(`an account "${login}" exists already`);
      const account = await accountStore.createAccount(trx, { login, displayName: values.name ?? login, role, passwordHash: await hashPassword(password) });
      await accountStore.audit(trx, { accountId: null, actor: 'command line', action: 'create', entity: 'account', entityKey: login, after: { login, role } });
      console.log(`created ${account.role} "${account.login}"`);
    });
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof UsageError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
