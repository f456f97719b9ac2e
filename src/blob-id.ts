import { nodeCrypto } from './node-crypto.js';

// The SHA-1 ids of the texts of this run: the cache of loaded files keys a file by it, and reading
// git history recognises the working tree's files by it, so each text is hashed once.
const sha1Ids = new Map<string, string>();

/**
 * The id git gives a blob of `text` (what `git hash-object` prints): a hash of its content, with
 * SHA-1 unless the repository uses SHA-256.
 */
export function blobId(text: string, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  let id = algorithm === 'sha1' ? sha1Ids.get(text) : undefined;
  if (id === undefined) {
    id = nodeCrypto()
      .createHash(algorithm)
      .update(`blob ${Buffer.byteLength(text)}\0`)
      .update(text)
      .digest('hex');
    if (algorithm === 'sha1') sha1Ids.set(text, id);
  }
  return id;
}

/**
 * Records `id` as the SHA-1 blob id of `text` without hashing it: the cache of loaded files knows
 * it for a file whose size, inode and times are those it was stored with, so that a warm run loads
 * no node:crypto to key the files it never parses.
 */
export function knownBlobId(text: string, id: string): void {
  sha1Ids.set(text, id);
}
