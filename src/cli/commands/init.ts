import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findRoot } from '../../config/config.js';
import { initFiles } from '../../init/templates.js';
import { parseAsOf } from '../context.js';
import { UsageError } from '../errors.js';
import { type Io, writeFileAtomic } from '../io.js';

export interface InitOptions {
  force?: boolean;
}

/** Where okr init runs: no config is loaded, since it may be the very file being replaced. */
export interface InitContext {
  io: Io;
  cwd?: string;
  asOf?: string;
}

/**
 * Writes the scaffolding of an OKR repository at its root. Every target is checked before any is
 * written: an existing file is replaced only with --force, a folder in the way never.
 */
export async function runInit(ctx: InitContext, options: InitOptions): Promise<number> {
  const cwd = resolve(ctx.cwd ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new UsageError(`-C: no such folder "${ctx.cwd}"`);
  const root = findRoot(cwd);
  const files = initFiles(parseAsOf(ctx.asOf));
  const existing = files.filter((f) => existsSync(join(root, f.path)));
  const folders = existing.filter((f) => statSync(join(root, f.path)).isDirectory());
  if (folders.length > 0) {
    ctx.io.err(
      `okr: ${folders.map((f) => f.path).join(', ')} is a folder where okr init writes a file; move it away\n`,
    );
    return 1;
  }
  if (existing.length > 0 && !options.force) {
    const list = existing.map((f) => f.path).join(', ');
    ctx.io.err(
      `okr: ${list} already exist${existing.length === 1 ? 's' : ''} in ${root}; nothing was written. Run "okr init --force" to replace ${existing.length === 1 ? 'it' : 'them'}\n`,
    );
    return 1;
  }
  const replaced = new Set(existing.map((f) => f.path));
  const created: string[] = [];
  for (const file of files) {
    const absolute = join(root, file.path);
    try {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileAtomic(absolute, file.content);
    } catch (error) {
      // Leave the repository as it was found, as far as this run made it: no half scaffolding.
      for (const path of created) rmSync(path, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      ctx.io.err(
        `okr: cannot write ${file.path}: ${code ?? (error as Error).message}; okr init stopped and removed the files it had created\n`,
      );
      return 1;
    }
    if (!replaced.has(file.path)) created.push(absolute);
  }
  for (const file of files) ctx.io.out(`${replaced.has(file.path) ? 'replaced' : 'created'} ${file.path}\n`);
  const example = files[2]!.path;
  ctx.io.out(`\nNext: edit ${example} and okrs/strategy.yaml, then run "okr check" and "okr status".\n`);
  return 0;
}
