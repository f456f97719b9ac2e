import type { Config } from '../model.js';
import { selectOkrPaths } from '../source/discover.js';
import { globBase } from '../source/glob.js';
import { runGit } from './run.js';

export interface FileChange {
  /** Path relative to the config's root. */
  path: string;
  /** Blob id of the new content, or null when the commit deletes the file. */
  blob: string | null;
}

export interface LogCommit {
  sha: string;
  /** Committer date, as a UTC day number. */
  day: number;
  /** True for a commit whose parents are not in the clone (a shallow boundary) or a root commit. */
  parentless: boolean;
  /** Its first parent, when the log says (`okrLogs`). */
  firstParent?: string | null;
  changes: FileChange[];
}

const ZERO_ID = /^0+$/;

/** Parses `git log -z --raw --format=%x1e%H%x1f%ct%x1f%P` output. */
function parseRawLog(out: string, keep: (paths: string[]) => string[]): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of out.split('\x1e')) {
    const headerEnd = chunk.indexOf('\0');
    if (headerEnd === -1) continue;
    const [sha, seconds, parents] = chunk.slice(0, headerEnd).split('\x1f');
    const fields = chunk
      .slice(headerEnd + 1)
      .replace(/^\n/, '')
      .split('\0');
    const blobs = new Map<string, string | null>();
    for (let i = 0; i + 1 < fields.length; i += 2) {
      // ":oldmode newmode oldblob newblob status"
      const meta = fields[i]!.split(' ');
      const blob = meta[3]!;
      blobs.set(fields[i + 1]!, ZERO_ID.test(blob) ? null : blob);
    }
    const changes = keep([...blobs.keys()]).map((path) => ({ path, blob: blobs.get(path)! }));
    commits.push({
      sha: sha!,
      day: Math.floor(Number(seconds) / 86_400),
      parentless: !parents,
      firstParent: parents ? parents.split(' ')[0]! : null,
      changes,
    });
  }
  return commits;
}

/** `git log` of the OKR files' changes along first parents, oldest first, from `revisions`. */
async function rawLog(
  config: Config,
  revisions: readonly string[],
  extra: readonly string[],
): Promise<LogCommit[]> {
  const bases = [...new Set(config.include.map(globBase))];
  const pathspecs = bases.includes('') ? [] : bases;
  let out: string;
  try {
    out = await runGit(config.root, [
      'log',
      '-z',
      '--reverse',
      '--first-parent',
      '-m',
      '--raw',
      '--no-renames',
      '--no-abbrev',
      '--relative',
      ...extra,
      '--format=%x1e%H%x1f%ct%x1f%P',
      ...revisions,
      '--',
      ...pathspecs,
    ]);
  } catch {
    // A repository without commits has no history yet.
    return [];
  }
  return parseRawLog(out, (paths) => selectOkrPaths(config, paths));
}

/**
 * The commits of the first-parent history of `revision` (HEAD by default) that change OKR files,
 * oldest first, from ONE `git log` run. A merge is compared with its first parent, so a branch's
 * changes count from the day they landed. Renames show as a deletion plus an addition: callers
 * follow ids, not paths.
 */
export async function okrLog(config: Config, revision = 'HEAD'): Promise<LogCommit[]> {
  return rawLog(config, [revision], []);
}

/**
 * What `okrLog` gives for each of several commits (full ids), from ONE `git log` run over them all:
 * every commit of their first-parent histories is listed (`--sparse`), so that each history is told
 * apart by following first parents from its tip; those that change no OKR file are then left out.
 */
export async function okrLogs(config: Config, tips: readonly string[]): Promise<Map<string, LogCommit[]>> {
  const unique = [...new Set(tips)];
  const all = unique.length === 0 ? [] : await rawLog(config, unique, ['--sparse']);
  const bySha = new Map(all.map((commit) => [commit.sha, commit]));
  const histories = new Map<string, LogCommit[]>();
  for (const tip of unique) {
    const chain: LogCommit[] = [];
    const seen = new Set<string>();
    for (let commit = bySha.get(tip); commit && !seen.has(commit.sha); ) {
      seen.add(commit.sha);
      if (commit.changes.length > 0) chain.push(commit);
      commit = commit.firstParent ? bySha.get(commit.firstParent) : undefined;
    }
    histories.set(tip, chain.reverse());
  }
  return histories;
}
