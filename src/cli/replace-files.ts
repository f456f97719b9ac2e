import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockBusyError, withLock } from '../edit/lock.js';
import { shownPath } from '../paths.js';
import type { CommandContext } from './context.js';
import { writeFileAtomic } from './io.js';

/** A file to write: `text` is what it holds now (null: it must not exist), `next` what it gets. */
export interface FileWrite {
  /** Root-relative path. */
  path: string;
  text: string | null;
  next: string;
}

/** Why the writes stopped, and the files left unwritten. */
export interface WriteFailure {
  message: string;
  unwritten: Set<string>;
}

class ChangedMeanwhile extends Error {}

function lockOptions(ctx: CommandContext) {
  const timeout = Number(ctx.io.env.OKR_LOCK_TIMEOUT_MS);
  return Number.isFinite(timeout) && timeout >= 0 ? { timeoutMs: timeout } : {};
}

/**
 * Writes each file atomically, one after the other, each under its lock (as okr checkin takes it)
 * and only while it still holds the text it was read with (a new file: while it does not exist).
 * Stops at the first file that cannot be written and says why; the files written before it stay.
 */
export async function replaceFiles(
  ctx: CommandContext,
  writes: readonly FileWrite[],
): Promise<WriteFailure | null> {
  for (const [i, write] of writes.entries()) {
    const absolute = join(ctx.root, write.path);
    const shown = shownPath(ctx.config, write.path);
    const unchanged = () => {
      const now = existsSync(absolute) ? readFileSync(absolute, 'utf8') : null;
      if (now !== write.text) throw new ChangedMeanwhile();
    };
    try {
      if (write.text === null) mkdirSync(dirname(absolute), { recursive: true });
      await withLock(
        `${absolute}.lock`,
        () => {
          unchanged();
          writeFileAtomic(absolute, write.next, { beforeRename: unchanged });
        },
        lockOptions(ctx),
      );
    } catch (error) {
      const reason =
        error instanceof ChangedMeanwhile
          ? write.text === null
            ? `${shown} was created meanwhile; it was left as it is`
            : `${shown} changed while okr wrote it; it was left as it is, run the command again`
          : error instanceof LockBusyError
            ? `${shown} is being changed by another okr (lock ${shown}.lock); run again when it is done, or delete the lock file if no okr is running`
            : `cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      return { message: reason, unwritten: new Set(writes.slice(i).map((w) => w.path)) };
    }
  }
  return null;
}
