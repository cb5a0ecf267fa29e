// The map's file server on a real folder: files inside its root only.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './serveStatic.ts';

let folder: string;
let server: Server;
let base: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'va-static-'));
  await mkdir(path.join(folder, 'dist'));
  await mkdir(path.join(folder, 'dist-old'));
  await writeFile(path.join(folder, 'dist', 'index.html'), '<!doctype html><title>atlas</title>');
  await writeFile(path.join(folder, 'dist-old', 'secret.txt'), 'not for the web');
  // The raw path goes through as a client sends it (fetch would normalise "..").
  server = createServer((req, res) => void serveStatic(path.join(folder, 'dist'), (req.url ?? '/').split('?')[0], res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

/** A GET with the path exactly as written (no URL normalisation). */
const rawGet = (rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request(`${base}/`, { path: rawPath }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  });

describe('the static file server', () => {
  it('serves files of its root', async () => {
    expect((await rawGet('/index.html')).body).toContain('<title>atlas</title>');
  });

  it('never serves a sibling folder whose name starts like the root (dist-old beside dist)', async () => {
    for (const attempt of ['/../dist-old/secret.txt', '/%2e%2e/dist-old/secret.txt', '/..%2fdist-old%2fsecret.txt']) {
      const answer = await rawGet(attempt);
      expect(answer.body, attempt).not.toContain('not for the web');
      expect(answer.status, attempt).toBe(400);
    }
  });
});
