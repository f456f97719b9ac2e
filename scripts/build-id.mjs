// Build step, last: writes dist/build-id, a hash of every file the build produced and of the schemas.
// okr check's cache of results (src/check/result-cache.ts) is keyed by it, so that results computed
// by one build are never reused by another, even between two commits of the same version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const hash = createHash('sha1');
for (const folder of ['dist', 'schemas']) {
  const files = readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'build-id')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file));
}
writeFileSync(join(root, 'dist', 'build-id'), `${hash.digest('hex')}\n`);
