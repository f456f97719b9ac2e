import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statKey } from '../git/state.js';

/**
 * What identifies the code that runs: every file of the folder okr runs from (dist/ when built; the
 * bundle's folder and the validators when bundled, which is all the bundle runs; src/ when run from
 * sources) and of its schemas, by path and metadata (`statKey`), as ESLint's cache tells its files
 * apart. A rebuild, an upgrade or an edited schema changes it, so what one build computed is never
 * reused by another, and no byte of okr's code is read or hashed to know it. Null when it cannot be
 * read.
 */
export function buildKey(): string | null {
  // Asked for by both caches of one okr check: the files are listed once a run.
  if (known === undefined) known = readBuildKey();
  return known;
}

let known: string | null | undefined;

function readBuildKey(): string | null {
  const parts: string[] = [];
  const bundled = import.meta.url.endsWith('.cjs');
  try {
    for (const folder of [...(bundled ? ['.', '../validators'] : ['..']), '../../schemas']) {
      const root = fileURLToPath(new URL(folder, import.meta.url));
      const files = readdirSync(root, { recursive: true, withFileTypes: true })
        // Source maps only name lines for DEBUG=okr: they change no result.
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
      for (const file of files) parts.push(`${file}\0${statKey(file)}`);
    }
  } catch {
    return null;
  }
  return parts.join('\0');
}
