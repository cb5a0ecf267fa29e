// How long each refusal of a sign-in takes: an unknown login, a wrong password and a paused login
// should take the same time (one argon2 check each), so that timing tells nobody which logins
// exist; a throttled try is refused before any check. Beside them, one argon2 check alone.
//   npm run bench:signin            (embedded, in memory; DATABASE_URL for a server database)
import { createServer } from 'node:http';
import { readConfig } from '../config/config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { createAccount, findAccountByLogin } from '../api/src/modules/accounts/accountStore.ts';
import { hashPassword, passwordMatches } from '../api/src/modules/accounts/passwords.ts';
import { createApp } from '../api/src/server.ts';

const ROUNDS = 15;
const config = readConfig();
const db = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: null });
await migrate(db.knex);
await db.knex.raw("delete from sign_in_failure where login_key like 'bench-%'");
const hash = await hashPassword('the right password');
for (const login of ['bench-wrong', ...Array.from({ length: ROUNDS }, (_, i) => `bench-paused-${i}`)]) {
  if (!(await findAccountByLogin(db.knex, login))) await createAccount(db.knex, { login, displayName: login, role: 'editor', passwordHash: hash });
}
const app = await createApp({ db: db.knex, basemapStyleUrl: null, webDistDir: null, trustProxy: ['127.0.0.1', '::1'] });
const server = createServer((req, res) => void app.handle(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;

const signIn = async (login: string, client: string) => {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query: 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { expiresAt } }', variables: { l: login, p: 'a wrong password' } }),
  });
  await response.text();
  return { ms: performance.now() - started, status: response.status };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Each kind from addresses of its own, fresh per round, so that no limit but the intended one applies.
const measure = async (name: string, login: (i: number) => string, client: (i: number) => string) => {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await signIn(login(i), client(i)));
  console.log(`${name.padEnd(44)} ${median(runs.map((r) => r.ms)).toFixed(1).padStart(7)} ms   (HTTP ${[...new Set(runs.map((r) => r.status))].join(', ')})`);
};

const argon = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  await passwordMatches(hash, 'a wrong password');
  argon.push(performance.now() - started);
}
console.log(`sign-in refusals, median of ${ROUNDS} (${config.database.kind === 'postgres' ? 'server' : 'embedded'} database)`);
console.log(`${'one argon2 check alone'.padEnd(44)} ${median(argon).toFixed(1).padStart(7)} ms`);
await measure('unknown login', (i) => `bench-nobody-${i}`, (i) => `10.1.0.${i + 1}`);
await measure('wrong password', () => 'bench-wrong', (i) => `10.2.0.${i + 1}`);
// A login of its own per round, paused by 5 failures from that round's client.
for (let i = 0; i < ROUNDS; i++) for (let k = 0; k < 5; k++) await signIn(`bench-paused-${i}`, `10.3.0.${i + 1}`);
await measure('paused login (5 failures from this client)', (i) => `bench-paused-${i}`, (i) => `10.3.0.${i + 1}`);
for (let i = 0; i < 10; i++) await signIn(`bench-spray-${i}`, '10.4.0.1');
await measure('unknown login (again, warm)', (i) => `bench-nobody2-${i}`, (i) => `10.5.0.${i + 1}`);
await measure('throttled client (refused before any check)', (i) => `bench-spray-x${i}`, () => '10.4.0.1');

server.close();
await app.stop();
await db.close();
