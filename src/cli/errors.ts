/** A mistake in how okr was called: exit 2 with the message, and the hint when there is one. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Something the user must fix outside the OKR files (git state, a config): exit 2 with the message. */
export class FatalError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * The one shape of an error on stderr (SPEC §13): `okr: <what is wrong>`, then, where it helps,
 * `  hint: <what to do>`.
 */
export function errorText(message: string, hint?: string): string {
  return `okr: ${message}\n${hint ? `  hint: ${hint}\n` : ''}`;
}
