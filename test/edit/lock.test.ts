import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError, withLock } from '../../src/edit/lock.js';
import { tempDir } from '../helpers.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('withLock', () => {
  it('holds the lock file while the work runs and removes it after', async () => {
    const lock = join(tempDir(), 'f.yaml.lock');
    const seen = await withLock(lock, () => JSON.parse(readFileSync(lock, 'utf8')).pid);
    expect(seen).toBe(process.pid);
    expect(existsSync(lock)).toBe(false);
  });

  it('runs overlapping work one after the other', async () => {
    const lock = join(tempDir(), 'f.yaml.lock');
    const events: string[] = [];
    const job = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 30));
        events.push(`${name} out`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(events).toHaveLength(4);
    expect(events[0]!.slice(0, 1)).toBe(events[1]!.slice(0, 1));
    expect(events[2]!.slice(0, 1)).toBe(events[3]!.slice(0, 1));
  });

  it('takes over a lock whose process is gone', async () => {
    const lock = join(tempDir(), 'f.yaml.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'old' }));
    expect(await withLock(lock, () => 'ran')).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('gives up on a live holder after the timeout, leaving its lock', async () => {
    const lock = join(tempDir(), 'f.yaml.lock');
    const holder = JSON.stringify({ pid: process.ppid, host: hostname(), token: 'theirs' });
    writeFileSync(lock, holder);
    await expect(withLock(lock, () => 'ran', { timeoutMs: 100 })).rejects.toBeInstanceOf(LockBusyError);
    expect(readFileSync(lock, 'utf8')).toBe(holder);
  });
});
