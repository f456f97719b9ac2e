import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { findRoot, loadConfig } from '../config/config.js';
import { parseDay, today } from '../dates.js';
import type { Color } from '../format/color.js';
import { gitCacheDir } from '../git/state.js';
import type { Config } from '../model.js';
import { UsageError } from './errors.js';
import { colorFor, type Io } from './io.js';

export interface GlobalOptions {
  C?: string;
  config?: string;
  asOf?: string;
  color: boolean;
  /** False with --no-cache. */
  cache: boolean;
  cacheLocation?: string;
}

/** What a command that needs no repository runs with: the output, the global options, the program. */
export interface PlainContext {
  io: Io;
  globals: GlobalOptions;
  program: Command;
}

export interface CommandContext {
  io: Io;
  /** The folder okr runs in (after -C). */
  cwd: string;
  root: string;
  config: Config;
  asOf: number;
  color: Color;
  /** Where loaded files are cached, or null with --no-cache. */
  cacheDir: string | null;
}

export function parseAsOf(text: string | undefined): number {
  if (text === undefined) return today();
  const day = parseDay(text);
  if (day === null) throw new UsageError(`--as-of takes a real date YYYY-MM-DD, not "${text}"`);
  return day;
}

/**
 * node_modules/.cache/okr at the root, where tools keep their caches, when the root has a
 * node_modules folder already; otherwise a folder in the git folder of the repository (see
 * `gitCacheDir`), which no commit and no `git status` shows; outside both, none: okr writes no file
 * of its own into a working tree unasked.
 */
function defaultCacheDir(root: string): string | null {
  const modules = join(root, 'node_modules');
  return existsSync(modules) && statSync(modules).isDirectory()
    ? join(modules, '.cache', 'okr')
    : gitCacheDir(root);
}

/** Resolves the global options into the folder, root, config, date and colours a command runs with. */
export async function commandContext(io: Io, options: GlobalOptions): Promise<CommandContext> {
  const cwd = resolve(options.C ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new UsageError(`-C: no such folder "${options.C}"`);
  const root = findRoot(cwd);
  const asOf = parseAsOf(options.asOf);
  const cacheDir =
    options.cache === false
      ? null
      : options.cacheLocation !== undefined
        ? resolve(cwd, options.cacheLocation)
        : defaultCacheDir(root);
  const config = loadConfig(
    root,
    options.config === undefined ? undefined : resolve(cwd, options.config),
    cacheDir,
  );
  return { io, cwd, root, config, asOf, color: await colorFor(io, options.color), cacheDir };
}
