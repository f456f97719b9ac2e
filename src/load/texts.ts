import type { RevisionFile, RevisionFiles } from '../git/revision.js';
import type { Config } from '../model.js';
import { selectOkrPaths } from '../source/discover.js';
import {
  decodeFile,
  fileProblem,
  type LoadResult,
  loadTexts,
  type ReadFile,
  type SourceCache,
} from './load.js';

// Loading from texts is done in load.ts, next to loading from disk; it is offered here too.
export { loadCached, loadTexts, loadWorktree, type ReadFile, type SourceCache } from './load.js';

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

/** A file of a git revision as text, refused exactly as a working-tree file is (too large, not UTF-8). */
function decodeRevisionFile(config: Config, path: string, file: RevisionFile): ReadFile {
  return 'text' in file ? file : decodeFile(config, path, file.bytes, file.size);
}

/** The files of a git revision loaded as `loadProject` loads the working tree. */
export function loadRevisionFiles(config: Config, revision: RevisionFiles, cache?: SourceCache): LoadResult {
  const files = new Map(
    [...revision.files].map(([path, file]) => [path, decodeRevisionFile(config, path, file)]),
  );
  const strategyPath = config.strategy.replace(/^\.\//, '');
  const strategy = revision.strategy && decodeRevisionFile(config, strategyPath, revision.strategy);
  return loadTexts(config, files, strategy, cache);
}
