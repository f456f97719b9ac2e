import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A file's identity and times, exact to the nanosecond, or why it cannot be stat'ed. */
export function statKey(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.mode}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    return `!${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The git folder of the repository holding `root`, its common folder (differs in linked worktrees)
 * and the top folder of its working tree.
 */
function gitDirs(root: string): { gitDir: string; commonDir: string; top: string } | null | 'none' {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    let gitDir: string | null = null;
    try {
      if (statSync(dotGit).isDirectory()) gitDir = dotGit;
      else {
        const link = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
        if (!link) return null;
        gitDir = resolve(dir, link);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    }
    if (gitDir !== null) {
      const common = readText(join(gitDir, 'commondir'))?.trim();
      return {
        gitDir,
        commonDir: common ? (isAbsolute(common) ? common : resolve(gitDir, common)) : gitDir,
        top: dir,
      };
    }
    if (dirname(dir) === dir) return 'none';
  }
}

/** Git's environment variables that change neither which repository it reads nor what its history is. */
const HARMLESS_ENV =
  /^GIT_(AUTHOR_|COMMITTER_|SSL_|SSH|HTTP_|TRACE|TERMINAL_PROMPT$|ASKPASS$|EDITOR$|PAGER$|PROXY_|FLUSH$|PROGRESS_DELAY$)/;

/**
 * Git's environment variables that change what git reads without moving its folders: allowed, with
 * their values in the state's key. GIT_CONFIG_NOSYSTEM leaves out the system's config, which the
 * key does not cover in any case (nor the user's).
 */
const KEYED_ENV = /^GIT_CONFIG_NOSYSTEM$/;

/** Whether a variable of `env` moves git's folders or changes its history in ways no key covers. */
const unusualEnv = (env: NodeJS.ProcessEnv) =>
  Object.keys(env).some(
    (name) => name.startsWith('GIT_') && !HARMLESS_ENV.test(name) && !KEYED_ENV.test(name),
  );

/** Files and folders of the common git folder whose change can change the history git reports. */
const HISTORY_FILES = ['shallow', 'info/grafts', 'refs/replace', 'config', 'objects/info/alternates'];

/** The two halves of `gitStateKey`: which commit HEAD is, and what decides that commit's history. */
export interface GitStateParts {
  /** HEAD, the commit its branch points at (loose, or the packed-refs file that holds it). */
  tip: string;
  /** What can rewrite history as git sees it, and the environment variables that change what git reads. */
  history: string;
}

/**
 * A cheap summary of the git state, in two parts (`GitStateParts`), read from the git folder without
 * running git. "none" outside a repository; null when the state cannot be summarised with confidence
 * (an unusual layout, an environment variable that moves git's folders): then nothing may be reused.
 */
export function gitStateParts(root: string, env: NodeJS.ProcessEnv): GitStateParts | 'none' | null {
  if (unusualEnv(env)) return null;
  const dirs = gitDirs(root);
  if (dirs === null || dirs === 'none') return dirs;
  const { gitDir, commonDir } = dirs;
  const head = readText(join(gitDir, 'HEAD'));
  if (head === null) return null;
  const tip = [`head=${head.trim()}`];
  const ref = /^ref: (refs\/\S+)\s*$/.exec(head)?.[1];
  if (ref) {
    const loose = readText(join(commonDir, ref)) ?? readText(join(gitDir, ref));
    tip.push(`ref=${loose === null ? '-' : loose.trim()}`);
  }
  tip.push(`packed-refs=${statKey(join(commonDir, 'packed-refs'))}`);
  const history: string[] = [];
  for (const name of Object.keys(env)
    .filter((n) => KEYED_ENV.test(n))
    .sort())
    history.push(`env:${name}=${env[name]}`);
  for (const name of HISTORY_FILES) history.push(`${name}=${statKey(join(commonDir, name))}`);
  return { tip: tip.join('\n'), history: history.join('\n') };
}

/**
 * A cheap summary of the git state that the history of the OKR files depends on, read from the git
 * folder without running git: HEAD, the commit its branch points at (loose or packed), and what can
 * rewrite history as git sees it (shallow boundary, grafts, replace refs, the repository's config).
 * "none" outside a repository; null when the state cannot be summarised with confidence (an
 * unusual layout, an environment variable that moves git's folders): then nothing may be reused.
 */
export function gitStateKey(root: string, env: NodeJS.ProcessEnv): string | null {
  const parts = gitStateParts(root, env);
  return parts === null || parts === 'none' ? parts : `${parts.tip}\n${parts.history}`;
}

/**
 * False only when no repository can hold `root`: no `.git` in it or above it, and nothing in the
 * environment that points git elsewhere. Then okr knows without running git that there is no history.
 */
export function mayBeRepository(root: string, env: NodeJS.ProcessEnv): boolean {
  if (unusualEnv(env)) return true;
  return gitDirs(root) !== 'none';
}

/**
 * Whether the clone holding `root` is shallow, read from its git folder as `git rev-parse
 * --is-shallow-repository` reads it (a `shallow` file in the common git folder); null when that
 * cannot be said with confidence (no repository, an unusual layout, an environment variable that
 * moves git's folders or its shallow file): then ask git.
 */
export function shallowFromFiles(root: string, env: NodeJS.ProcessEnv): boolean | null {
  if (unusualEnv(env)) return null;
  const dirs = gitDirs(root);
  if (dirs === null || dirs === 'none') return null;
  return existsSync(join(dirs.commonDir, 'shallow'));
}

/**
 * A cache folder for the OKRs at `root` inside the git folder of the repository holding them
 * (`.git/okr-cache/<root's path in the working tree>`): git never shows or commits what is there,
 * and each working tree of a clone has its own. Null outside a repository or in an unusual layout.
 */
export function gitCacheDir(root: string): string | null {
  const dirs = gitDirs(root);
  if (dirs === null || dirs === 'none') return null;
  const inTree = relative(dirs.top, resolve(root)).split(/[\\/]/).join('/');
  // "%2E" for the top: no folder's path encodes to it (encodeURIComponent keeps dots as they are).
  return join(dirs.gitDir, 'okr-cache', inTree === '' ? '%2E' : encodeURIComponent(inTree));
}
