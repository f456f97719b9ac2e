/** A git state the user must change (not a repository, an unknown revision, a shallow clone): exit 2. */
export class GitError extends Error {}

export const SHALLOW_HINT =
  'this is a shallow clone (CI checkouts fetch one commit by default): fetch the history with "git fetch --unshallow" or "git fetch --deepen=100", or in GitHub Actions set "fetch-depth: 0" on actions/checkout';
