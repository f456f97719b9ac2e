import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { FatalError } from './errors.js';
import { writeFileAtomic } from './io.js';

/** Writes `text` to `path` (relative to where okr runs) atomically, or says clearly why it cannot. */
export function writeOutput(ctx: CommandContext, path: string, text: string): string {
  const absolute = resolve(ctx.cwd, path);
  const folder = dirname(absolute);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new FatalError(`cannot write ${path}: no such folder "${dirname(path)}"; create it first`);
  if (existsSync(absolute) && statSync(absolute).isDirectory())
    throw new FatalError(`cannot write ${path}: it is a folder; give a file name`);
  try {
    writeFileAtomic(absolute, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FatalError(`cannot write ${path} (${code}); check that its folder is writable`);
  }
  return absolute;
}
