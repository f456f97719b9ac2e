import { isUtf8 } from 'node:buffer';
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDay } from '../dates.js';
import type { Problem } from '../diagnostics.js';
import type {
  Config,
  LoadedSource,
  OkrFile,
  OkrFileData,
  SourceFile,
  StrategyData,
  YamlPath,
} from '../model.js';
import { discoverFiles, insideRoot } from '../source/discover.js';
import { schemaIssues, schemaProblems, targetOf } from '../validate/schema.js';
import { locate } from '../yaml/locate.js';
import { MAX_ALIAS_COUNT, parseSourceLazily } from '../yaml/parse.js';
import { positionIndex } from '../yaml/positions.js';
import { type LoadCache, openCache } from './cache.js';

export interface LoadResult {
  /** Files that loaded cleanly, sorted by path. */
  files: OkrFile[];
  /** Every file read, by path, for positions and disable comments. */
  sources: Map<string, SourceFile>;
  strategy: StrategyData | null;
  /** Paths of OKR files that failed to load in whole or in part (YAML or schema problems). */
  failed: string[];
  /** Ids declared by objectives that failed to load, so that links to them are not reported twice. */
  unavailableIds: Set<string>;
  /** Parents named by objectives that failed to load: what they align to is not reported as empty. */
  unavailableParents: Set<string>;
  problems: Problem[];
  /** Number of OKR files matched. */
  fileCount: number;
}

export function fileProblem(path: string, ruleId: string, message: string): Problem {
  return { ruleId, message, file: path, target: null, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    const [low, high] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** A `yaml-syntax` problem at the first byte that is not UTF-8, with its line and column. */
function notUtf8Problem(path: string, bytes: Uint8Array, offset: number): Problem {
  // The text before the byte is UTF-8 (its byte-order mark dropped, as a file's text is read): an
  // index of it places the byte's offset.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const { line, column } = positionIndex(before).at(before.length);
  const hex = bytes[offset]!.toString(16).padStart(2, '0');
  return {
    ...fileProblem(
      path,
      'yaml-syntax',
      `byte 0x${hex} is not valid UTF-8; okr reads UTF-8 text: save the file as UTF-8`,
    ),
    line,
    column,
    endLine: line,
    endColumn: column,
  };
}

/**
 * Why a path cannot be read safely, or null: links are followed only to files inside the repository,
 * so an OKR file cannot make okr read, or print part of, a file elsewhere.
 */
function unsafePath(
  config: Config,
  path: string,
  folders?: RealFolders,
): Problem | { size: number; stat?: string } {
  const absolute = join(config.root, path);
  // The common case in one system call: a regular file (not a link) in a folder inside the repository.
  const regular = regularFile(config.root, absolute, folders);
  if (regular !== null) return regular;
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ELOOP'
        ? 'it is a symbolic link that leads back to itself (a link loop); point it at a real file or remove it'
        : code === 'ENOENT' && isLink(absolute)
          ? `it is a symbolic link to "${readlinkSafe(absolute)}", which does not exist; fix or remove the link`
          : null;
    return fileProblem(
      path,
      'file-unreadable',
      reason
        ? `cannot read the file: ${reason}`
        : `cannot read the file (${code ?? (error as Error).message})`,
    );
  }
  if (!insideRoot(realRoot(config.root), real))
    return fileProblem(
      path,
      'file-unreadable',
      isLink(absolute)
        ? `the file is a symbolic link to "${readlinkSafe(absolute)}", outside the repository; okr does not follow links out of the repository: copy the file in instead`
        : 'the path leads outside the repository; okr reads only files inside it: check "include" and "strategy" in okr.config.yaml',
    );
  const stat = statSync(real);
  if (stat.isDirectory())
    return fileProblem(
      path,
      'file-unreadable',
      'cannot read the file: it is a folder; rename it, or exclude it in okr.config.yaml',
    );
  return { size: stat.size };
}

/**
 * The size of a regular file whose folder's real path is inside the repository, with its metadata
 * (device, inode, size, modification and change times) as `stat` when it last changed more than a clock tick ago,
 * or null for anything else (a link, a folder, a missing file, a folder leading out), which
 * `unsafePath` examines in full.
 */
function regularFile(
  root: string,
  absolute: string,
  folders?: RealFolders,
): { size: number; stat?: string } | null {
  try {
    const stat = lstatSync(absolute);
    if (!stat.isFile()) return null;
    const folder = dirname(absolute);
    let real = folders?.get(folder);
    if (real === undefined) {
      real = realpathSync.native(folder);
      folders?.set(folder, real);
    }
    if (!insideRoot(realRoot(root), real)) return null;
    // A file changed just now may change again within the same timestamp: it gets no key, and the
    // cache of loaded files compares its content instead (git's "racy clean" rule).
    const settled = Math.max(stat.mtimeMs, stat.ctimeMs) < Date.now() - racyMs(stat);
    return settled
      ? { size: stat.size, stat: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` }
      : { size: stat.size };
  } catch {
    return null;
  }
}

/**
 * How old a file's last change must be for its metadata to stand for its content: longer than one
 * tick of the file system's clock. Times in whole seconds tell a file system that keeps no finer
 * ones (FAT's tick is 2 s); the others keep nanoseconds, set from a clock of a few milliseconds.
 */
function racyMs(stat: { mtimeMs: number; ctimeMs: number }): number {
  return stat.mtimeMs % 1000 === 0 && stat.ctimeMs % 1000 === 0 ? 2000 : 20;
}

/**
 * Real paths of folders, remembered while one set of files is read: most files share a few folders.
 * Kept no longer, so that a folder replaced by a link later is examined again.
 */
export type RealFolders = Map<string, string>;

let lastRoot: { root: string; real: string } | null = null;

/** The real path of the repository's root, resolved once for all its files. */
function realRoot(root: string): string {
  if (lastRoot?.root !== root) lastRoot = { root, real: realpathSync.native(root) };
  return lastRoot.real;
}

/** Whether `path` is a symbolic link (dangling ones included). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return path;
  }
}

/** The problem of a file larger than okr reads, or null. */
function tooLargeProblem(config: Config, path: string, size: number): Problem | null {
  return size > config.maxFileSize
    ? fileProblem(
        path,
        'file-too-large',
        `the file is ${size} bytes, more than the ${config.maxFileSize} okr reads; split it, or raise maxFileSize in okr.config.yaml`,
      )
    : null;
}

/** A file's bytes as text, or a problem at the first byte that is not UTF-8. */
function decodeUtf8(path: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  // Node's own check first: it is many times faster, and most files are well formed.
  const bad = isUtf8(bytes) ? -1 : invalidUtf8Offset(bytes);
  return bad === -1 ? { text: utf8.decode(bytes) } : { problem: notUtf8Problem(path, bytes, bad) };
}

const utf8 = new TextDecoder('utf-8');

/**
 * Bytes read from somewhere other than the working tree (a git revision) as text, refused exactly as
 * `readSource` refuses a working-tree file (too large, not UTF-8).
 */
export function decodeFile(
  config: Config,
  path: string,
  bytes: Uint8Array,
  size = bytes.length,
): { text: string } | { problem: Problem } {
  const tooLarge = tooLargeProblem(config, path, size);
  return tooLarge ? { problem: tooLarge } : decodeUtf8(path, bytes);
}

/** Reads a file's text, or says why it cannot be read as a problem. */
export function readSource(config: Config, path: string, folders?: RealFolders): ReadFile {
  const absolute = join(config.root, path);
  try {
    const checked = unsafePath(config, path, folders);
    if (!('size' in checked)) return { problem: checked };
    // The size comes from stat, before reading: a huge file costs nothing.
    const tooLarge = tooLargeProblem(config, path, checked.size);
    if (tooLarge) return { problem: tooLarge };
    const read = decodeUtf8(path, readFileSync(absolute));
    return checked.stat !== undefined && 'text' in read ? { text: read.text, stat: checked.stat } : read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; make the file readable'
        : `cannot read the file (${code ?? (error as Error).message})`;
    return { problem: fileProblem(path, 'file-unreadable', reason) };
  }
}

/** Semantic checks JSON Schema cannot express: real calendar dates of check-ins. */
function dateIssues(
  source: SourceFile,
  data: OkrFileData,
  skip: ReadonlySet<number>,
): { problem: Problem; path: YamlPath }[] {
  const problems: { problem: Problem; path: YamlPath }[] = [];
  data.objectives.forEach((objective, o) => {
    if (skip.has(o)) return;
    objective.key_results?.forEach((kr, k) => {
      kr.checkins?.forEach((checkin, c) => {
        if (parseDay(checkin.date) !== null) return;
        const path = ['objectives', o, 'key_results', k, 'checkins', c, 'date'];
        const problem: Problem = {
          ruleId: 'schema',
          message: `"date" ${JSON.stringify(checkin.date)} of a check-in is not a real calendar date`,
          file: source.path,
          target: targetOf(data, path),
          ...locate(source, path),
        };
        problems.push({ problem, path });
      });
    });
  });
  return problems;
}

/** A `closed:` that has the form of a date but is no real calendar day: a problem with the whole file. */
function closedDateIssues(source: SourceFile): { problem: Problem; path: YamlPath }[] {
  const closed = (source.data as { closed?: unknown } | null)?.closed;
  if (typeof closed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(closed) || parseDay(closed) !== null)
    return [];
  const path = ['closed'];
  const problem: Problem = {
    ruleId: 'schema',
    message: `"closed" ${JSON.stringify(closed)} is not a real calendar date; write the day the cycle was closed as YYYY-MM-DD`,
    file: source.path,
    target: null,
    ...locate(source, path),
  };
  return [{ problem, path }];
}

function declared(objective: unknown): { ids: string[]; parent: string | null } {
  const o = objective as { id?: unknown; parent?: unknown; key_results?: unknown } | null;
  const ids: string[] = [];
  if (typeof o?.id === 'string') {
    ids.push(o.id);
    if (Array.isArray(o.key_results))
      for (const k of o.key_results as { id?: unknown }[])
        if (typeof k?.id === 'string') ids.push(`${o.id}/${k.id}`);
  }
  return { ids, parent: typeof o?.parent === 'string' ? o.parent : null };
}

/**
 * What a file with YAML problems still recognisably declares, so that links to it from other files
 * are not reported as missing on top of its own syntax problem.
 */
function declaredDespiteErrors(source: SourceFile): { ids: string[]; parent: string | null }[] {
  try {
    const objectives = (
      source.doc?.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as { objectives?: unknown } | null
    )?.objectives;
    return Array.isArray(objectives) ? objectives.map(declared) : [];
  } catch {
    return [];
  }
}

/**
 * Parses and validates one OKR file from its text. A problem inside one objective leaves out that
 * objective only; a problem with the file itself (owner, cycle, the objectives list) leaves out the file.
 */
export function loadOkrSource(path: string, text: string, parse = parseSourceLazily): LoadedSource {
  const { source, problems } = parse(path, text);
  if (problems.length > 0) return { source, file: null, problems, dropped: declaredDespiteErrors(source) };
  const issues = schemaIssues('okr-file', source);
  issues.push(...closedDateIssues(source));
  const objectives = (source.data as { objectives?: unknown } | null)?.objectives;
  const objectiveIndex = (p: YamlPath) => (p[0] === 'objectives' && typeof p[1] === 'number' ? p[1] : null);
  const fileLevel = issues.some((i) => objectiveIndex(i.path) === null);
  if (fileLevel || !Array.isArray(objectives)) {
    const dropped = Array.isArray(objectives) ? objectives.map(declared) : [];
    return { source, file: null, problems: issues.map((i) => i.problem), dropped };
  }
  const data = source.data as OkrFileData;
  // A bare year is read by YAML as a number; it names the same cycle as the string.
  data.cycle = String(data.cycle);
  issues.push(...dateIssues(source, data, new Set(issues.map((i) => objectiveIndex(i.path)!))));
  const invalid = new Set(issues.map((i) => objectiveIndex(i.path)!));
  return {
    source,
    file: { source, data, invalidObjectives: invalid },
    problems: issues.map((i) => i.problem),
    dropped: [...invalid].map((i) => declared(objectives[i])),
  };
}

/**
 * A file's content, or why it cannot be read. `stat`: a working-tree file's metadata when it stands
 * for the content (see `regularFile`), which lets the cache of loaded files know the file unchanged
 * without hashing its text.
 */
export type ReadFile = { text: string; stat?: string } | { problem: Problem };

/**
 * Files already parsed, by path: two versions of a repository share most files, and a file whose
 * text is unchanged is parsed once. What is parsed is never modified afterwards, so sharing is safe.
 */
export type SourceCache = Map<string, { text: string; loaded: LoadedSource }>;

export function loadCached(
  path: string,
  text: string,
  cache: SourceCache | undefined,
  disk: LoadCache | null = null,
  stat?: string,
): LoadedSource {
  const hit = cache?.get(path);
  if (hit && hit.text === text) return hit.loaded;
  let loaded = disk?.get(path, text, stat) ?? null;
  if (!loaded) {
    loaded = loadOkrSource(path, text);
    disk?.set(path, text, loaded, stat);
  }
  cache?.set(path, { text, loaded });
  return loaded;
}

/** The strategy file parsed and checked against its schema, or as the cache of loaded files has it. */
function loadStrategy(
  path: string,
  read: { text: string; stat?: string },
  disk: LoadCache | null,
): LoadedSource {
  const stored = disk?.get(path, read.text, read.stat, 'strategy');
  if (stored) return stored;
  const { source, problems } = parseSourceLazily(path, read.text);
  if (problems.length === 0) problems.push(...schemaProblems('strategy', source));
  const loaded: LoadedSource = { source, file: null, problems, dropped: [] };
  disk?.set(path, read.text, loaded, read.stat, 'strategy');
  return loaded;
}

/**
 * Builds a LoadResult from files already read (for example from a git revision), exactly as
 * `loadProject` does from the working tree: the same parser, schemas and partial loading.
 */
export function loadTexts(
  config: Config,
  files: ReadonlyMap<string, ReadFile>,
  strategy: ReadFile | null,
  cache?: SourceCache,
  disk: LoadCache | null = null,
): LoadResult {
  const result: LoadResult = {
    files: [],
    sources: new Map(),
    strategy: null,
    failed: [],
    unavailableIds: new Set(),
    unavailableParents: new Set(),
    problems: [],
    fileCount: files.size,
  };
  if (strategy) {
    if ('problem' in strategy) result.problems.push(strategy.problem);
    else {
      const { source, problems } = loadStrategy(config.strategy, strategy, disk);
      result.sources.set(source.path, source);
      if (problems.length === 0) result.strategy = (source.data ?? {}) as StrategyData;
      result.problems.push(...problems);
    }
  }
  for (const path of [...files.keys()].sort()) {
    const read = files.get(path)!;
    if ('problem' in read) {
      result.problems.push(read.problem);
      result.failed.push(path);
      continue;
    }
    const { source, file, problems, dropped } = loadCached(path, read.text, cache, disk, read.stat);
    result.sources.set(path, source);
    result.problems.push(...problems);
    if (file) result.files.push(file);
    if (problems.length > 0) result.failed.push(path);
    for (const { ids, parent } of dropped) {
      for (const id of ids) result.unavailableIds.add(id);
      if (parent !== null) result.unavailableParents.add(parent);
    }
  }
  return result;
}

/**
 * The working tree loaded as `loadProject` loads it, sharing unchanged files through `cache`, and
 * through the cache of loaded files on disk in `cacheDir` (see cache.ts) when one is given.
 */
export function loadWorktree(
  config: Config,
  cache: SourceCache | undefined,
  paths = discoverFiles(config),
  cacheDir: string | null = null,
): LoadResult {
  const folders = new Map<string, string>();
  const files = new Map(paths.map((path) => [path, readSource(config, path, folders)]));
  const strategy = existsSync(join(config.root, config.strategy))
    ? readSource(config, config.strategy)
    : null;
  const disk = cacheDir ? openCache(cacheDir) : null;
  const result = loadTexts(config, files, strategy, cache, disk);
  disk?.save();
  return result;
}

export interface LoadOptions {
  /** Folder of the cache of loaded files; null or absent: no cache. */
  cacheDir?: string | null;
}

/** Loads the strategy file and every OKR file, keeping going past files that fail. */
export function loadProject(
  config: Config,
  paths: string[] = discoverFiles(config),
  options: LoadOptions = {},
): LoadResult {
  return loadWorktree(config, undefined, paths, options.cacheDir ?? null);
}
