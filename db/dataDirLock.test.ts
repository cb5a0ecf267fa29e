// One owner per embedded data folder: a second opener (another process, or the same one) is
// refused and told who holds the folder; a lock left by a dead process is taken over.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './dataDirLock.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'versorgungsatlas-lock-'));
const lockFile = (dir: string) => path.join(dir, 'versorgungsatlas.lock');

describe('the data folder lock', () => {
  it('refuses a second opener, naming the owner, and allows it again after release', () => {
    const dir = folder();
    const release = lockDataDir(dir, 'npm start');
    expect(() => lockDataDir(dir, 'npm run import')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid} \\(npm start, since `));
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses another process with a message that says what to do', async () => {
    const dir = folder();
    const release = lockDataDir(dir, 'npm start');
    const script = `import('${path.resolve(import.meta.dirname, 'dataDirLock.ts')}').then((m) => m.lockDataDir(${JSON.stringify(dir)}, 'npm run import'))`;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    const error = await run.then(() => null, (e) => e);
    release();
    expect(error?.code).toBe(1);
    expect(error.stderr).toMatch(/in use by process \d+ \(npm start, since .*\)\. Only one process may open it: stop that process first/);
  }, 60_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = folder();
    const { pid } = await new Promise<{ pid: number }>((resolve) => {
      const child = execFile(process.execPath, ['-e', '0'], () => resolve({ pid: child.pid! }));
    });
    writeFileSync(lockFile(dir), JSON.stringify({ pid, command: 'npm start', since: '2026-01-01T00:00:00Z' }));
    const release = lockDataDir(dir, 'npm run import');
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid, command: 'npm run import' });
    release();
  });
});
