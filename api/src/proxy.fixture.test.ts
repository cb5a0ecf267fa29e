// Debian's nginx in front of the atlas with the configuration the README gives (ops/nginx.conf:
// TLS ends at nginx, TRUST_PROXY=loopback): the client's own address counts for the report limit
// (a forged X-Forwarded-For does not), https reaches the session cookie as Secure, gzip and ETags
// pass through; straight to the atlas, forwarded headers are ignored.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accountStore from './modules/accounts/accountStore.ts';
import { hashPassword } from './modules/accounts/passwords.ts';
import { loadTwoSquares } from '../../test/fixtures/twoSquares.ts';
import { openEmptyTestDatabase } from '../../test/harness/database.ts';
import { startHttpServer } from '../../test/harness/httpServer.ts';
import type { Database } from '../../db/connect.ts';

const run = promisify(execFile);
let db: Database;
let atlas: Awaited<ReturnType<typeof startHttpServer>>;
let nginx: ChildProcess;
let proxyPort: number;
let dir: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One request from a chosen loopback address (127.0.0.2, 127.0.0.3: other clients), over https to nginx or http to the atlas. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const graphql = (base: string, query: string, variables: Record<string, unknown>, from: string, headers: Record<string, string> = {}) =>
  request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }), from });

beforeAll(async () => {
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex);
  await accountStore.createAccount(db.knex, { login: 'ada', displayName: 'Ada Admin', role: 'admin', passwordHash: await hashPassword('a long enough password') });
  atlas = await startHttpServer(db.knex, { trustProxy: ['127.0.0.1', '::1'] });
  dir = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-nginx-'));
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
  proxyPort = await freePort();
  const atlasPort = new URL(atlas.url).port;
  const site = (await readFile(path.resolve('ops/nginx.conf'), 'utf8'))
    .replace('server 127.0.0.1:8080;', `server 127.0.0.1:${atlasPort};`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${proxyPort} ssl;`)
    .replace('/etc/ssl/certs/versorgungsatlas.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/private/versorgungsatlas.key', path.join(dir, 'key.pem'));
  await writeFile(path.join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;\npid ${path.join(dir, 'nginx.pid')};\nerror_log ${path.join(dir, 'error.log')} warn;\nevents {}\nhttp {\n  access_log off;\n  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}\n  include ${path.join(dir, 'site.conf')};\n}\n`,
  );
  nginx = spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let failure = '';
  nginx.stderr?.on('data', (d) => (failure += String(d)));
  nginx.on('error', (error) => (failure += `${error.message} (install Debian's nginx: apt-get install nginx)`));
  for (let i = 0; ; i++) {
    const up = await request(`https://127.0.0.1:${proxyPort}/healthz/live`).then(
      (a) => a.status === 200,
      () => false,
    );
    if (up) break;
    if (i > 100 || failure.includes('install')) throw new Error(`nginx did not start: ${failure}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  await atlas?.stop();
  await db?.close();
});

const REPORT = 'mutation ($k: String!) { reportFacilityProblem(key: $k, message: "Der Zaun am Spielplatz ist offen") { id } }';

describe('behind nginx', () => {
  it('limits reports by the real client address, whatever X-Forwarded-For a client forges', async () => {
    await db.knex.raw('delete from report_hit');
    const proxy = `https://127.0.0.1:${proxyPort}`;
    const key = 'fixture:kita';
    for (let i = 0; i < 5; i++) expect((await graphql(proxy, REPORT, { k: key }, '127.0.0.2')).status).toBe(200);
    expect((await graphql(proxy, REPORT, { k: key }, '127.0.0.2')).status).toBe(429);
    // Another client is not held back, even when it claims to be the first one's proxy.
    expect((await graphql(proxy, REPORT, { k: key }, '127.0.0.3', { 'x-forwarded-for': '10.1.2.3' })).status).toBe(200);
    // A forged header cannot make the limited client someone else: nginx appends the real address.
    expect((await graphql(proxy, REPORT, { k: key }, '127.0.0.2', { 'x-forwarded-for': '10.9.9.9' })).status).toBe(429);
    // Straight to the atlas (not a trusted proxy): the header is ignored, the socket's address counts.
    expect((await graphql(atlas.url, REPORT, { k: key }, '127.0.0.2', { 'x-forwarded-for': '10.9.9.9' })).status).toBe(429);
  });

  it('marks the session cookie Secure when nginx says https, and not on plain http to the atlas', async () => {
    const LOGIN = 'mutation { login(login: "ada", password: "a long enough password") { expiresAt } }';
    const viaProxy = await graphql(`https://127.0.0.1:${proxyPort}`, LOGIN, {}, '127.0.0.4');
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
    const direct = await graphql(atlas.url, LOGIN, {}, '127.0.0.4');
    expect(String(direct.headers['set-cookie'])).not.toContain('Secure');
  });

  it('passes gzip and ETags through, and builds links from the forwarded host only through the proxy', async () => {
    const proxy = `https://127.0.0.1:${proxyPort}`;
    const zipped = await request(`${proxy}/ogc/collections?f=json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const collections = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
    expect(collections.links[0].href).toMatch(/^https:\/\/127\.0\.0\.1\/ogc/);
    const etag = String(zipped.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    expect((await request(`${proxy}/ogc/collections?f=json`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })).status).toBe(304);
    // Straight to the atlas from a client that is not the proxy, a forged forwarded host is ignored.
    const direct = await request(`${atlas.url}/ogc/collections?f=json`, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }, from: '127.0.0.2' });
    expect(JSON.parse(direct.body.toString('utf8')).links[0].href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ogc/);
  });
});
