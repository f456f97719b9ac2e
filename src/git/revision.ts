import type { LoadResult } from '../load/load.js';
import { decodeFile } from '../load/load.js';
import { loadTexts, type ReadFile, type SourceCache, selectOkrPaths } from '../load/texts.js';
import type { Config } from '../model.js';
import type { BlobReader, KnownBlobs } from './cat-file.js';
import { listTree } from './tree.js';

/**
 * Loads the OKR files and the strategy of a commit without checking it out: one `git ls-tree` for
 * the paths, their contents through the shared `git cat-file --batch` reader, except the blobs
 * whose text is `known` (the working tree's files, read already). Paths are relative to the
 * config's root, which git runs in.
 */
export async function loadRevision(
  config: Config,
  commit: string,
  reader: BlobReader,
  cache?: SourceCache,
  known?: KnownBlobs,
): Promise<LoadResult> {
  const tree = await listTree(config.root, commit);
  const byPath = new Map(tree.map((entry) => [entry.path, entry]));
  const read = async (path: string): Promise<ReadFile> => {
    const entry = byPath.get(path)!;
    // The same bytes as a working-tree file, which passed the same checks.
    const text = known?.text(entry.blob);
    if (text !== undefined) return { text };
    // A file too large to read is refused by its size alone.
    const bytes = entry.size > config.maxFileSize ? null : await reader.read(entry.blob);
    return decodeFile(config, path, bytes ?? Buffer.alloc(0), entry.size);
  };
  const paths = selectOkrPaths(config, byPath.keys());
  const contents = await Promise.all(paths.map(read));
  const files = new Map(paths.map((path, i) => [path, contents[i]!]));
  const strategyPath = config.strategy.replace(/^\.\//, '');
  const strategy = byPath.has(strategyPath) ? await read(strategyPath) : null;
  return loadTexts(config, files, strategy, cache);
}
