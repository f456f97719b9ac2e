import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

/** Another process holds the lock and did not let go in time. */
export class LockBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockOwner | null,
  ) {
    super(`${lockPath} is held${holder ? ` by process ${holder.pid} on ${holder.host}` : ''}`);
  }
}

export interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for a busy lock, in milliseconds. */
  timeoutMs?: number;
  /** A lock older than this is taken over even when its process seems alive (pid reuse). */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 60_000;

function readOwner(lockPath: string): { owner: LockOwner | null; text: string } | null {
  try {
    const text = readFileSync(lockPath, 'utf8');
    try {
      const owner = JSON.parse(text) as LockOwner;
      return typeof owner.pid === 'number' && typeof owner.host === 'string'
        ? { owner, text }
        : { owner: null, text };
    } catch {
      return { owner: null, text };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A lock left by a process that is gone: one of this host whose pid no longer runs, or one older
 * than `staleMs`. A lock still being written (no owner yet) is young, so it is waited for.
 */
function isStale(lockPath: string, owner: LockOwner | null, staleMs: number): boolean {
  if (ageMs(lockPath) > staleMs) return true;
  return owner !== null && owner.host === hostname() && owner.pid !== process.pid && !processAlive(owner.pid);
}

/**
 * Removes a stale lock only if it is still the one judged stale: it is first renamed away (atomic),
 * and put back if another process replaced it in the meantime.
 */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    // Another process took the stale lock over first: give its fresh lock back, unless the path
    // is taken again already (then that lock's owner finds it gone when it lets go).
    try {
      linkSync(aside, lockPath);
    } catch {}
  }
  unlinkSync(aside);
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function release(lockPath: string, owner: LockOwner): void {
  const current = readOwner(lockPath);
  if (current?.owner?.token === owner.token) unlinkSync(lockPath);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding `lockPath`, a file created with O_EXCL that names this process. A busy
 * lock is retried until `timeoutMs`; a stale one (its process gone) is taken over.
 */
export async function withLock<T>(
  lockPath: string,
  work: () => Promise<T> | T,
  options: LockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(lockPath, owner)) break;
    const held = readOwner(lockPath);
    if (held && isStale(lockPath, held.owner, staleMs)) {
      breakStaleLock(lockPath, held.text);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(lockPath, held?.owner ?? null);
    await sleep(10 + Math.random() * 40);
  }
  try {
    return await work();
  } finally {
    release(lockPath, owner);
  }
}
