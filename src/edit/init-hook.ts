/** The line that marks a commit-msg hook as okr's own: `okr init --hooks` replaces only such a hook. */
export const HOOK_MARK = '# okr commit-msg hook, written by "okr init --hooks".';

/** A word for a POSIX shell, single-quoted. */
const shellWord = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * The commit-msg hook (README "Linking commits to OKRs"). Git runs it at the top of the work tree
 * with the message file's path; `root` is the okr root relative to that top ("." when they are the
 * same), so one hook serves every worktree. It runs the okr on the PATH, else the one npm installed
 * at the okr root or at the top (what `npx --no-install okr` would find, without starting npm),
 * else nothing; and it exits 0 whatever okr says: a hook that warns must not stop a commit.
 */
export function commitMsgHook(root: string): string {
  return `#!/bin/sh
${HOOK_MARK}
# It warns when a trailer "OKR: <id>" of the commit message names no objective or key result, and
# never blocks the commit. Without okr on the PATH or in node_modules, it does nothing.
root=${shellWord(root)}
case "$1" in
  /*) message=$1 ;;
  *) message=$PWD/$1 ;;
esac
if command -v okr >/dev/null 2>&1; then
  okr -C "$root" work --check-message "$message"
elif [ -x "$root/node_modules/.bin/okr" ]; then
  "$root/node_modules/.bin/okr" -C "$root" work --check-message "$message"
elif [ -x node_modules/.bin/okr ]; then
  node_modules/.bin/okr -C "$root" work --check-message "$message"
fi
exit 0
`;
}

/** Whether a hook's text is okr's commit-msg hook (of this version of okr or another). */
export function isOkrHook(text: string): boolean {
  return text.split('\n', 3).includes(HOOK_MARK);
}
