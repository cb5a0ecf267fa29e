// The OGC API tests' setup: a copy of the imported city, the HTTP server, a scratch folder, and
// helpers to read documents and to run GDAL's command-line tools as a GIS user would.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from './database.ts';
import { startHttpServer } from './httpServer.ts';

const run = promisify(execFile);

export type OgcSuite = {
  db: Database;
  server: Awaited<ReturnType<typeof startHttpServer>>;
  /** A scratch folder for GDAL's output. */
  dir: string;
  rows: (sql: string, bindings?: unknown[]) => Promise<any[]>;
  get: (p: string, headers?: Record<string, string>) => Promise<{ status: number; headers: Headers; text: string }>;
  /** A document that must answer 200, parsed. */
  json: (p: string) => Promise<any>;
  gdal: (command: string, args: string[]) => Promise<string>;
};

export function useOgcSuite(): OgcSuite {
  const s = {} as OgcSuite;
  s.rows = async (sql, bindings = []) => (await s.db.knex.raw(sql, bindings as never)).rows;
  s.get = async (p, headers = {}) => {
    const response = await fetch(`${s.server.url}${p}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  s.json = async (p) => {
    const r = await s.get(p);
    expect(r.status, r.text).toBe(200);
    return JSON.parse(r.text);
  };
  s.gdal = async (command, args) => (await run(command, args, { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 })).stdout;
  beforeAll(async () => {
    s.db = await openTestDatabase();
    s.server = await startHttpServer(s.db.knex);
    s.dir = await mkdtemp(path.join(os.tmpdir(), 'versorgungsatlas-ogc-'));
  }, 120_000);
  afterAll(async () => {
    await s.server?.stop();
    await s.db?.close();
  });
  return s;
}
