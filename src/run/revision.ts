import { type BlobReader, type KnownBlobs, withBlobReader } from '../git/cat-file.js';
import { requireCommit, requireRepository } from '../git/repo.js';
import { readRevision } from '../git/revision.js';
import type { LoadResult, SourceCache } from '../load/load.js';
import { loadRevisionFiles } from '../load/texts.js';
import type { Config } from '../model.js';

/**
 * The OKR files and the strategy of a commit, read from git (not checked out) and loaded as
 * `loadProject` loads the working tree; blobs whose text is `known` are not read again.
 */
export async function loadRevision(
  config: Config,
  commit: string,
  reader: BlobReader,
  cache?: SourceCache,
  known?: KnownBlobs,
): Promise<LoadResult> {
  return loadRevisionFiles(config, await readRevision(config, commit, reader, known), cache);
}

/**
 * The OKR files of revision `rev` of the repository at the config's root, read from git (not
 * checked out) with the working tree's config; a GitError, naming `command`, without either.
 */
export async function loadAtRevision(config: Config, rev: string, command: string): Promise<LoadResult> {
  await requireRepository(config.root, command);
  const sha = await requireCommit(config.root, rev);
  return withBlobReader(config.root, (reader) => loadRevision(config, sha, reader));
}
