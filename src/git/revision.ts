import type { Config } from '../model.js';
import { selectOkrPaths } from '../source/discover.js';
import type { BlobReader, KnownBlobs } from './cat-file.js';
import { listTree } from './tree.js';

/**
 * A file of a revision as git gives it: its text when the same blob was read already (a working
 * tree file), else its bytes (none when larger than the config lets okr read) and its size.
 */
export type RevisionFile = { text: string } | { bytes: Uint8Array; size: number };

/** The OKR files and the strategy file of a revision, by root-relative path. */
export interface RevisionFiles {
  files: Map<string, RevisionFile>;
  strategy: RevisionFile | null;
}

/**
 * Reads the OKR files and the strategy of a commit without checking it out: one `git ls-tree` for
 * the paths, their contents through the shared `git cat-file --batch` reader, except the blobs
 * whose text is `known` (the working tree's files, read already). Paths are relative to the
 * config's root, which git runs in.
 */
export async function readRevision(
  config: Config,
  commit: string,
  reader: BlobReader,
  known?: KnownBlobs,
): Promise<RevisionFiles> {
  const tree = await listTree(config.root, commit);
  const byPath = new Map(tree.map((entry) => [entry.path, entry]));
  const read = async (path: string): Promise<RevisionFile> => {
    const entry = byPath.get(path)!;
    // The same bytes as a working-tree file, which passed the same checks.
    const text = known?.text(entry.blob);
    if (text !== undefined) return { text };
    // A file too large to read is refused by its size alone.
    const bytes = entry.size > config.maxFileSize ? null : await reader.read(entry.blob);
    return { bytes: bytes ?? Buffer.alloc(0), size: entry.size };
  };
  const paths = selectOkrPaths(config, byPath.keys());
  const contents = await Promise.all(paths.map(read));
  const files = new Map(paths.map((path, i) => [path, contents[i]!]));
  const strategyPath = config.strategy.replace(/^\.\//, '');
  const strategy = byPath.has(strategyPath) ? await read(strategyPath) : null;
  return { files, strategy };
}
