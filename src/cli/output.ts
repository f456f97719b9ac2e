import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FatalError } from './errors.js';
import { type Io, writeFileAtomic } from './io.js';

/**
 * Where `-o FILE` (relative to where okr runs) is written, checked before any work is done: its
 * folder must exist (okr creates none, as shells do not) and it must not be a folder itself.
 */
export function outputPath(cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const folder = dirname(absolute);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new FatalError(
      `cannot write ${path}: no such folder "${dirname(path)}"`,
      `create the folder first (mkdir -p ${dirname(path)}), or write somewhere else`,
    );
  if (existsSync(absolute) && statSync(absolute).isDirectory())
    throw new FatalError(`cannot write ${path}: it is a folder`, 'give the name of a file to write');
  return absolute;
}

/** Writes `text` to `path` (relative to `cwd`) atomically, or says clearly why it cannot. */
export function writeOutput(ctx: { cwd: string }, path: string, text: string): string {
  const absolute = outputPath(ctx.cwd, path);
  try {
    writeFileAtomic(absolute, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FatalError(`cannot write ${path} (${code})`, 'check that its folder is writable');
  }
  return absolute;
}

/**
 * Runs a command that prints a document, sending what it prints to `path` instead of stdout when
 * one is given (`-o FILE`): written once the command is done, atomically, and not at all when the
 * command failed to produce its document (exit 2), so that a good file is never replaced by nothing.
 */
export async function withOutput(
  io: Io,
  cwd: string,
  path: string | undefined,
  run: (io: Io) => Promise<number>,
): Promise<number> {
  if (path === undefined) return run(io);
  outputPath(cwd, path);
  let text = '';
  const code = await run({
    ...io,
    out: (chunk) => {
      text += chunk;
    },
    stdoutIsTTY: false,
  });
  if (code !== 2) writeOutput({ cwd }, path, text);
  return code;
}
