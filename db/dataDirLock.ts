// One owner per embedded data folder. PGlite has no server process to arbitrate: two processes on
// one folder (`npm run import` while `npm start` runs, or two imports) leave a database that no
// longer opens. The owner writes a lock file with its pid; a second process stops at once and is
// told who holds the folder. A lock left by a process that no longer runs is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

type Owner = { pid: number; command: string; since: string };

const LOCK_FILE = 'versorgungsatlas.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

/** Takes the folder for this process, or throws saying who has it. Returns the release function. */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() } satisfies Owner));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && isRunning(owner.pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by process ${owner.pid} (${owner.command || 'unknown command'}, since ${owner.since}). ` +
            'Only one process may open it: stop that process first (a running atlas is stopped with Ctrl+C), then try again.',
        );
      }
      rmSync(file, { force: true }); // left behind by a process that no longer runs
    }
  }
  throw new DataDirLockedError(`Could not take the lock file ${file}; remove it if no atlas process is running.`);
}
