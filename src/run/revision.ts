import type { BlobReader, KnownBlobs } from '../git/cat-file.js';
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
