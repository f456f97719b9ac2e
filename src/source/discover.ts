import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Config } from '../model.js';
import { globBase, globMatcher } from './glob.js';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Whether a real path lies in the (real) repository root. */
export function insideRoot(rootReal: string, target: string): boolean {
  return target === rootReal || target.startsWith(rootReal + sep);
}

function linksToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A dangling link or a link loop: listed, and reported when read.
    return false;
  }
}

/**
 * Lists the repository-relative paths of the OKR files: include minus exclude minus the strategy
 * file, sorted. Folders behind symlinks are not followed. A link whose name matches is listed
 * whatever it points at: the loader reads it only when it leads to a file inside the repository and
 * otherwise reports why, so that a file is never skipped silently.
 */
export function discoverFiles(config: Config): string[] {
  const include = globMatcher(config.include);
  const exclude = globMatcher(config.exclude);
  const found = new Set<string>();
  const bases = [...new Set(config.include.map(globBase))].sort();
  const visited = new Set<string>();
  const walk = (relDir: string): void => {
    if (visited.has(relDir)) return;
    visited.add(relDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(config.root, relDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(rel);
        continue;
      }
      if (entry.isSymbolicLink()) {
        if (linksToFolder(join(config.root, rel))) continue;
      } else if (!entry.isFile()) continue;
      if (include(rel) && !exclude(rel)) found.add(rel);
    }
  };
  for (const base of bases) walk(base);
  found.delete(config.strategy.replace(/^\.\//, ''));
  return [...found].sort();
}

/** The OKR files among `paths` (include minus exclude minus the strategy file), sorted. */
export function selectOkrPaths(config: Config, paths: Iterable<string>): string[] {
  const include = globMatcher(config.include);
  const exclude = globMatcher(config.exclude);
  const strategy = config.strategy.replace(/^\.\//, '');
  const selected: string[] = [];
  for (const path of paths) if (path !== strategy && include(path) && !exclude(path)) selected.push(path);
  return selected.sort();
}
