import type { Problem } from '../diagnostics.js';
import { GitError } from '../git/errors.js';

/** A mistake in how okr was called: exit 2 with the message. */
export class UsageError extends Error {}

/** Something the user must fix outside the OKR files (git state, a config): exit 2 with the message. */
export class FatalError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

/** Runs a command's git work, turning a git state the user must change into exit 2 with its message. */
export async function gitCommand<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GitError) throw new FatalError(error.message);
    throw error;
  }
}
