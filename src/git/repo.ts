import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitError, SHALLOW_HINT } from './errors.js';
import { runGit } from './run.js';

/** Output of a git command, or null when git exits non-zero (an unknown ref, no merge base). */
async function tryRaw(cwd: string, args: string[]): Promise<string | null> {
  try {
    return (await runGit(cwd, args)).trim();
  } catch {
    return null;
  }
}

/** The top level of the work tree holding `cwd`, or null outside git (or without git installed). */
export async function gitTopLevel(cwd: string): Promise<string | null> {
  if (!existsSync(cwd)) return null;
  const top = await tryRaw(cwd, ['rev-parse', '--show-toplevel']);
  return top ? top : null;
}

/** Throws a GitError saying what to do when `cwd` is not inside a git work tree. */
export async function requireRepository(cwd: string, command: string): Promise<string> {
  const top = await gitTopLevel(cwd);
  if (top === null && !(await gitRuns(cwd)))
    throw new GitError(
      `cannot run git: ${command} reads OKR files from git history; install git, or put it on the PATH`,
    );
  if (top === null)
    throw new GitError(
      `not a git repository: ${command} reads OKR files from git history; run it inside a clone of the repository (or "git init" and commit first)`,
    );
  return top;
}

/**
 * The top folder of the work tree holding `cwd` and whether the clone is shallow, from one
 * `git rev-parse`; null outside a repository.
 */
export async function repositoryFacts(cwd: string): Promise<{ top: string; shallow: boolean } | null> {
  if (!existsSync(cwd)) return null;
  const [top, shallow] =
    (await tryRaw(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']))?.split('\n') ?? [];
  return top ? { top, shallow: shallow?.trim() === 'true' } : null;
}

/** Whether git can be started at all (it is installed and on the PATH). */
async function gitRuns(cwd: string): Promise<boolean> {
  try {
    await runGit(existsSync(cwd) ? cwd : '.', ['--version']);
    return true;
  } catch {
    return false;
  }
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await tryRaw(cwd, ['rev-parse', '--is-shallow-repository'])) === 'true';
}

/** The commit a revision names, or null. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | null> {
  if (rev.startsWith('-')) return null;
  const sha = await tryRaw(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  return sha ? sha : null;
}

/** The commit a revision names; a GitError saying why not (shallow clone, unknown name) otherwise. */
export async function requireCommit(cwd: string, rev: string): Promise<string> {
  const sha = await resolveCommit(cwd, rev);
  if (sha !== null) return sha;
  if (await isShallow(cwd))
    throw new GitError(`revision "${rev}" is not in this repository; ${SHALLOW_HINT}`);
  if (rev === 'HEAD') throw new GitError('the repository has no commits yet; commit the OKR files first');
  throw new GitError(
    `unknown revision "${rev}": no commit, branch or tag has that name; check the spelling, or "git fetch" it first`,
  );
}

/** The default branch, as a ref: origin/HEAD, else origin/main, origin/master, main, master. */
export async function defaultBranch(cwd: string): Promise<string | null> {
  const originHead = await tryRaw(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const candidates = [originHead, 'origin/main', 'origin/master', 'main', 'master'];
  for (const ref of candidates) if (ref && (await resolveCommit(cwd, ref)) !== null) return ref;
  return null;
}

/**
 * The name of the branch CI should watch: the remote's default branch (origin/HEAD), else the branch
 * checked out (even one without commits yet); null outside git or on a detached HEAD.
 */
export async function defaultBranchName(cwd: string): Promise<string | null> {
  const originHead = await tryRaw(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (originHead?.startsWith('origin/')) return originHead.slice('origin/'.length);
  return (await tryRaw(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'])) || null;
}

/**
 * The base of a pull request: the merge-base of HEAD with the default branch. Says what to do when
 * there is no default branch or the clone is too shallow to hold the merge-base.
 */
export async function defaultBase(cwd: string): Promise<{ ref: string; sha: string }> {
  const head = await requireCommit(cwd, 'HEAD');
  const branch = await defaultBranch(cwd);
  const shallow = await isShallow(cwd);
  if (branch === null)
    throw new GitError(
      shallow
        ? `cannot find the default branch to compare with (no origin/HEAD, origin/main, origin/master, main or master); ${SHALLOW_HINT}, or name the base: okr diff BASE`
        : 'cannot find the default branch to compare with (no origin/HEAD, origin/main, origin/master, main or master); name the base: okr diff BASE',
    );
  const base = await tryRaw(cwd, ['merge-base', head, branch]);
  if (!base)
    throw new GitError(
      shallow
        ? `HEAD and "${branch}" have no common commit in this clone; ${SHALLOW_HINT}`
        : `HEAD and "${branch}" have no common history; name the base: okr diff BASE`,
    );
  return { ref: branch, sha: base };
}

/**
 * The folder git runs hooks from for the repository holding `cwd`: `core.hooksPath` when set, else
 * the hooks folder of the main repository (shared by its worktrees). Null outside git.
 */
export async function hooksFolder(cwd: string): Promise<string | null> {
  if (!existsSync(cwd)) return null;
  const path = await tryRaw(cwd, ['rev-parse', '--git-path', 'hooks']);
  return path ? resolve(cwd, path) : null;
}
