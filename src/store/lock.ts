// PGlite is one process per data directory: two processes writing the same files corrupt them. A lock
// file created with O_EXCL names its holder; a second process is refused with that name at once rather
// than waiting or opening the store. A lock left by a process that no longer exists on this host is stale
// and is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ProbityError } from '../kernel/errors.ts';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class StoreLockedError extends ProbityError {
  readonly holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      'PRB_STORE_LOCKED',
      `The data directory ${dataDir} is in use by "${holder.command}" (process ${holder.pid} on ${holder.host}, ` +
        `since ${holder.startedAt}). The embedded store allows one process at a time: stop that process, ` +
        'or run this command through its API, or set DATABASE_URL to use a PostgreSQL server.',
      { dataDir, holder },
    );
    this.holder = holder;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      return parsed as LockHolder;
    }
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return undefined;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'probity.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = readHolder(path);
        if (holder?.pid === me.pid && holder.host === me.host) unlinkSync(path);
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.host === me.host && holder.pid !== me.pid && isAlive(holder.pid)) {
        throw new StoreLockedError(dataDir, holder);
      }
      if (holder && holder.host !== me.host) throw new StoreLockedError(dataDir, holder);
      if (holder?.pid === me.pid) throw new StoreLockedError(dataDir, holder);
      // Stale: its process is gone. Remove and try again.
      try {
        unlinkSync(path);
      } catch {
        // another process removed it first; retry
      }
    }
  }
  throw new ProbityError(
    'PRB_STORE_LOCKED',
    `Could not take the lock ${path}; another process keeps taking it.`,
  );
}
