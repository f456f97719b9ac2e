import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseDay } from '../dates.js';
import type { Problem } from '../diagnostics.js';
import { jsonExact } from '../load/cache.js';
import { isLink, readSource } from '../load/load.js';
import type { Config, MeasureSourceKind, RollupMode, SourceFile } from '../model.js';
import { shownPath } from '../paths.js';
import { buildKey } from '../source/build-key.js';
import { readStored, type StoreKind, writeStored } from '../source/store.js';
import { schemaProblems } from '../validate/schema.js';
import { locate } from '../yaml/locate.js';
import { lazySource, parseSourceLazily, withoutBom } from '../yaml/parse.js';

export const CONFIG_FILE = 'okr.config.yaml';
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The repository root: the nearest folder upwards holding okr.config.yaml; without one, the git top
 * level (the nearest folder with a .git entry); outside git, the starting folder.
 */
export function findRoot(cwd: string): string {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  return gitTopLevelOf(start) ?? start;
}

/** The top level of the git work tree `dir` lies in: the nearest folder upwards with a .git entry. */
export function gitTopLevelOf(dir: string): string | null {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return null;
  }
}

/**
 * What every output puts before a root-relative path: the root's folder below the git top level,
 * with a trailing "/" ("" at the top level or outside git), so that annotations, SARIF and messages
 * name the file as the repository does when the OKRs live in a subfolder of a monorepo (SPEC §1).
 */
export function pathPrefixOf(root: string): string {
  const top = gitTopLevelOf(root);
  if (top === null) return '';
  const below = toRepoPath(top, resolve(root));
  return below === '' || below.startsWith('..') ? '' : `${below}/`;
}

/** How far below the root okr looks for okr.config.yaml files when it finds no OKRs at the root. */
const BELOW_DEPTH = 4;
const BELOW_FOLDERS = 2000;

/**
 * The folders below `root` (root-relative, sorted) that hold an okr.config.yaml: a bounded
 * breadth-first walk (BELOW_DEPTH levels, at most BELOW_FOLDERS folders read) that skips
 * node_modules and dot folders, so that a large monorepo is answered at once.
 */
export function configFoldersBelow(root: string): string[] {
  const found: string[] = [];
  let level = [''];
  let read = 0;
  for (let depth = 1; depth <= BELOW_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      if (read++ >= BELOW_FOLDERS) return found.sort();
      let entries: Dirent[];
      try {
        entries = readdirSync(join(root, folder), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const rel = folder ? `${folder}/${entry.name}` : entry.name;
        if (existsSync(join(root, rel, CONFIG_FILE))) found.push(rel);
        next.push(rel);
      }
    }
    level = next;
  }
  return found.sort();
}

export function toRepoPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

export function defaultConfig(root: string): Config {
  return {
    root,
    pathPrefix: pathPrefixOf(root),
    file: null,
    include: ['okrs/**/*.{yaml,yml}'],
    exclude: [],
    strategy: 'okrs/strategy.yaml',
    roots: ['company'],
    rollup: 'krs',
    cycles: {},
    status: { atRisk: 0.1, offTrack: 0.25 },
    work: { trailer: 'OKR', quietDays: 21 },
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    measure: { allow: ['file'] },
    ruleEntries: null,
  };
}

function cyclesProblems(
  source: SourceFile,
  cycles: Record<string, { start: string; end: string }>,
  problems: Problem[],
): void {
  for (const [name, window] of Object.entries(cycles)) {
    for (const edge of ['start', 'end'] as const) {
      if (parseDay(window[edge]) === null)
        problems.push({
          ruleId: 'config',
          message: `cycle "${name}" has ${edge} ${JSON.stringify(window[edge])}, which is not a real date`,
          file: source.path,
          target: null,
          ...locate(source, ['cycles', name, edge]),
        });
    }
    const [start, end] = [parseDay(window.start), parseDay(window.end)];
    if (start !== null && end !== null && end < start)
      problems.push({
        ruleId: 'config',
        message: `cycle "${name}" ends (${window.end}) before it starts (${window.start})`,
        file: source.path,
        target: null,
        ...locate(source, ['cycles', name]),
      });
  }
}

/** `include` patterns name files of the repository: an absolute one, or one with a `..` step, would leave it. */
function includeProblems(source: SourceFile, include: readonly string[], problems: Problem[]): void {
  include.forEach((pattern, i) => {
    if (!pattern.startsWith('/') && !pattern.split('/').includes('..')) return;
    problems.push({
      ruleId: 'config',
      message: `include pattern ${JSON.stringify(pattern)} leads outside the repository; patterns are relative to its root, without ".." steps`,
      file: source.path,
      target: null,
      ...locate(source, ['include', i]),
    });
  });
}

/**
 * Reads the repository's configuration: `explicitFile` when given, else okr.config.yaml at the root,
 * else the defaults. Throws ConfigError, with every problem located, when the file is invalid. A
 * valid file's data is kept in `cacheDir` when one is given (see `checkedConfigSource`).
 */
export function loadConfig(root: string, explicitFile?: string, cacheDir: string | null = null): Config {
  const config = defaultConfig(root);
  const absolute = explicitFile ? resolve(explicitFile) : join(root, CONFIG_FILE);
  // A link to nothing is a config file that cannot be read, not a missing one.
  if (!explicitFile && !existsSync(absolute) && !isLink(absolute)) return config;
  const inRoot = toRepoPath(root, absolute);
  const display = inRoot.startsWith('..') ? absolute : shownPath(config, inRoot);
  let text: string;
  if (!explicitFile) {
    // The repository's own config file is as untrusted as its OKR files: a link out of the
    // repository, a huge file or bad bytes are refused as they are there (--config is the user's).
    const read = readSource(config, CONFIG_FILE);
    if ('problem' in read) {
      const { problem } = read;
      const message =
        problem.ruleId === 'file-too-large'
          ? `the config file is larger than the ${config.maxFileSize} bytes okr reads; it needs a few lines, not more`
          : problem.message;
      throw new ConfigError([{ ...problem, message, ruleId: 'config', file: display }]);
    }
    text = read.text;
  } else
    try {
      if (isDirectory(absolute)) throw new Error('it is a folder');
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new ConfigError([
        {
          ruleId: 'config',
          message: `cannot read the config file: ${reason}`,
          file: display,
          target: null,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ]);
    }
  return configFromText(config, display, text, cacheDir);
}

/**
 * The config file's data, known valid: from the cache folder when this build checked this very text
 * before (its parser, schema validator and checks cost more than a warm okr status spends on a small
 * repository's files), else parsed and checked, then stored. Throws ConfigError when it is invalid.
 */
function checkedConfigSource(display: string, text: string, cacheDir: string | null): SourceFile {
  const build = cacheDir === null ? null : buildKey();
  const key = build === null ? null : `${build}\0${display}\0${text}`;
  const stored = cacheDir !== null && key !== null ? readStored(cacheDir, CONFIG_DATA, key) : null;
  if (stored !== null) return lazySource(display, withoutBom(text), stored.data);
  const { source, problems } = parseSourceLazily(display, text);
  if (problems.length === 0 && source.data !== null && source.data !== undefined) {
    // Rule entries are checked by the lint layer (lint/settings.ts), which says more than the schema's anyOf can.
    problems.push(...schemaProblems('config', source, (path) => path[0] === 'rules' && path.length > 1));
  }
  const raw = (source.data ?? {}) as Record<string, unknown>;
  if (problems.length === 0) {
    if (raw.cycles) cyclesProblems(source, raw.cycles as Config['cycles'], problems);
    if (Array.isArray(raw.include)) includeProblems(source, raw.include as string[], problems);
  }
  if (problems.length > 0) throw new ConfigError(problems.map((p) => ({ ...p, ruleId: 'config' })));
  const data = source.data ?? null;
  if (cacheDir !== null && key !== null && jsonExact(data)) writeStored(cacheDir, CONFIG_DATA, key, { data });
  return source;
}

/** A valid config file's data, by the build and the text it was checked with. */
const CONFIG_DATA: StoreKind<{ data: unknown }> = {
  file: 'config.json',
  format: 1,
  valid: (v): v is { data: unknown } =>
    typeof v === 'object' &&
    v !== null &&
    Object.hasOwn(v, 'data') &&
    typeof (v as { data: unknown }).data === 'object',
};

/**
 * The configuration `text` (shown as `display` in problems) applied over `defaults`, as loadConfig
 * applies okr.config.yaml; a config given as text, not read from disk, is read the same way. Throws
 * ConfigError, with every problem located, when the text is invalid.
 */
export function configFromText(
  defaults: Config,
  display: string,
  text: string,
  cacheDir: string | null = null,
): Config {
  const config: Config = {
    ...defaults,
    status: { ...defaults.status },
    measure: { allow: [...defaults.measure.allow] },
    work: { ...defaults.work },
  };
  const source = checkedConfigSource(display, text, cacheDir);
  config.file = display;
  const raw = (source.data ?? {}) as Record<string, unknown>;
  if (raw.rules && typeof raw.rules === 'object')
    config.ruleEntries = { source, entries: raw.rules as Record<string, unknown> };
  if (Array.isArray(raw.include)) config.include = raw.include as string[];
  if (Array.isArray(raw.exclude)) config.exclude = raw.exclude as string[];
  if (typeof raw.strategy === 'string') config.strategy = raw.strategy;
  if (Array.isArray(raw.roots)) config.roots = raw.roots as string[];
  if (typeof raw.rollup === 'string') config.rollup = raw.rollup as RollupMode;
  if (raw.cycles) config.cycles = raw.cycles as Config['cycles'];
  if (typeof raw.maxFileSize === 'number') config.maxFileSize = raw.maxFileSize;
  const measure = raw.measure as { allow?: MeasureSourceKind[] } | undefined;
  if (measure?.allow) config.measure.allow = [...measure.allow];
  const status = raw.status as { at_risk?: number; off_track?: number } | undefined;
  if (status?.at_risk !== undefined) config.status.atRisk = status.at_risk;
  if (status?.off_track !== undefined) config.status.offTrack = status.off_track;
  const work = raw.work as { trailer?: string; quiet_days?: number } | undefined;
  if (work?.trailer !== undefined) config.work.trailer = work.trailer;
  if (work?.quiet_days !== undefined) config.work.quietDays = work.quiet_days;
  return config;
}
