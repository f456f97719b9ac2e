import { GitError } from '../git/errors.js';
import { FatalError } from './errors.js';

/** Runs a command's git work, turning a git state the user must change into exit 2 with its message. */
export async function gitCommand<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GitError) throw new FatalError(error.message);
    throw error;
  }
}
