import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../diagnostics.js';
import type { Config, StrategyData } from '../model.js';
import { discoverFiles } from '../source/discover.js';
import { globMatcher } from '../source/glob.js';
import { schemaProblems } from '../validate/schema.js';
import { parseSourceLazily } from '../yaml/parse.js';
import { type LoadCache, openCache } from './cache.js';
import {
  decodeFile,
  fileProblem,
  type LoadedSource,
  type LoadResult,
  loadOkrSource,
  readSource,
} from './load.js';

/** A file's content as read from somewhere other than the working tree (a git revision). */
export type ReadFile = { text: string } | { problem: Problem };

/** The OKR files among `paths` (include minus exclude minus the strategy file), sorted. */
export function selectOkrPaths(config: Config, paths: Iterable<string>): string[] {
  const include = globMatcher(config.include);
  const exclude = globMatcher(config.exclude);
  const strategy = config.strategy.replace(/^\.\//, '');
  const selected: string[] = [];
  for (const path of paths) if (path !== strategy && include(path) && !exclude(path)) selected.push(path);
  return selected.sort();
}

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
): LoadedSource {
  const hit = cache?.get(path);
  if (hit && hit.text === text) return hit.loaded;
  let loaded = disk?.get(path, text) ?? null;
  if (!loaded) {
    loaded = loadOkrSource(path, text);
    disk?.set(path, text, loaded);
  }
  cache?.set(path, { text, loaded });
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
      const { source, problems } = parseSourceLazily(config.strategy, strategy.text);
      result.sources.set(source.path, source);
      if (problems.length === 0) problems.push(...schemaProblems('strategy', source));
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
    const { source, file, problems, dropped } = loadCached(path, read.text, cache, disk);
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

/**
 * A project given as texts (root-relative path → text) rather than files on disk, loaded as
 * `loadProject` loads the working tree: the OKR files among the texts that include and exclude select
 * (or exactly `paths`, a path without a text being unreadable as a missing file is), each refused as a
 * file on disk is when too large, and the strategy file when there is one.
 */
export function loadFromTexts(
  config: Config,
  texts: Readonly<Record<string, string>>,
  paths: readonly string[] = selectOkrPaths(config, Object.keys(texts)),
): LoadResult {
  const read = (path: string): ReadFile => {
    const text = texts[path];
    if (text === undefined)
      return { problem: fileProblem(path, 'file-unreadable', 'cannot read the file (ENOENT)') };
    return decodeFile(config, path, new TextEncoder().encode(text));
  };
  const strategyPath = config.strategy.replace(/^\.\//, '');
  const strategy = Object.hasOwn(texts, strategyPath) ? read(strategyPath) : null;
  return loadTexts(config, new Map(paths.map((path) => [path, read(path)])), strategy);
}
