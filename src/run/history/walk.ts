import type { KnownBlobs } from '../../git/cat-file.js';
import type { FileChange, LogCommit } from '../../git/log.js';

/** Reads a blob's content by id (through the one `git cat-file --batch` process). */
export type ReadBlob = (blob: string) => Promise<Buffer | null>;

export interface CommitTexts {
  commit: LogCommit;
  /** New text of each changed OKR file; null when deleted or unreadable as UTF-8. */
  texts: Map<string, string | null>;
}

function decode(bytes: Buffer | null): string | null {
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The commits with the new texts of the files they change, oldest first. Every blob is asked for up
 * front so that the batch process streams them while earlier commits are being processed; a blob
 * seen twice (a value reverted, a file copied) is read once, and a blob whose text is `known` (a
 * working-tree file git would store as that blob) is not read at all.
 */
export async function* commitTexts(
  commits: readonly LogCommit[],
  read: ReadBlob,
  known?: KnownBlobs,
): AsyncGenerator<CommitTexts> {
  const requested = new Map<string, Promise<string | null>>();
  const request = (change: FileChange): Promise<string | null> => {
    if (change.blob === null) return Promise.resolve(null);
    const knownText = known?.text(change.blob);
    if (knownText !== undefined) return Promise.resolve(knownText);
    let text = requested.get(change.blob);
    if (!text) {
      text = read(change.blob).then(decode);
      requested.set(change.blob, text);
    }
    return text;
  };
  const pending = commits.map((commit) => commit.changes.map(request));
  // Rejections are awaited below in order; an early one must not surface as unhandled meanwhile.
  for (const list of pending) for (const p of list) p.catch(() => {});
  for (let i = 0; i < commits.length; i++) {
    const commit = commits[i]!;
    const texts = await Promise.all(pending[i]!);
    yield { commit, texts: new Map(commit.changes.map((c, j) => [c.path, texts[j]!])) };
  }
}
