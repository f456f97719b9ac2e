import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/**
 * Colour only on a TTY, unless forced: `--no-color` and NO_COLOR turn it off, FORCE_COLOR
 * (other than 0/false) turns it on.
 */
export function colorFor(io: Io, colorOption: boolean): ChalkInstance {
  const force = io.env.FORCE_COLOR;
  let level: 0 | 1 | 2 | 3 = io.stdoutIsTTY ? 1 : 0;
  if (force !== undefined)
    level = force === '0' || force === 'false' ? 0 : force === '2' ? 2 : force === '3' ? 3 : 1;
  if (!colorOption || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) level = 0;
  return new Chalk({ level });
}

/** Writes a file atomically: a temporary file in the same folder, then a rename over the target. */
export function writeFileAtomic(path: string, content: string, mode?: number): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, mode === undefined ? { flag: 'wx' } : { flag: 'wx', mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
