import type { Problem } from '../diagnostics.js';

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
