import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Config } from '../model.js';
import { globBase, globToRegExp } from './glob.js';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

function insideRoot(rootReal: string, target: string): boolean {
  return target === rootReal || target.startsWith(rootReal + sep);
}

/**
 * Lists the repository-relative paths of the OKR files: include minus exclude minus the strategy
 * file, sorted. Folders behind symlinks are not followed; a symlinked file is read only when it
 * points inside the repository.
 */
export function discoverFiles(config: Config): string[] {
  const include = config.include.map(globToRegExp);
  const exclude = config.exclude.map(globToRegExp);
  const found = new Set<string>();
  let rootReal: string;
  try {
    rootReal = realpathSync(config.root);
  } catch {
    return [];
  }
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
        try {
          const target = realpathSync(join(config.root, rel));
          if (!insideRoot(rootReal, target) || !statSync(target).isFile()) continue;
        } catch {
          // A dangling link or a link loop names no file.
          continue;
        }
      } else if (!entry.isFile()) continue;
      if (include.some((re) => re.test(rel)) && !exclude.some((re) => re.test(rel))) found.add(rel);
    }
  };
  for (const base of bases) walk(base);
  found.delete(config.strategy.replace(/^\.\//, ''));
  return [...found].sort();
}
