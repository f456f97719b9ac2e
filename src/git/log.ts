import { globBase } from '../load/glob.js';
import { selectOkrPaths } from '../load/texts.js';
import type { Config } from '../model.js';
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
      changes,
    });
  }
  return commits;
}

/**
 * The commits of the first-parent history of `revision` (HEAD by default) that change OKR files,
 * oldest first, from ONE `git log` run. A merge is compared with its first parent, so a branch's
 * changes count from the day they landed. Renames show as a deletion plus an addition: callers
 * follow ids, not paths.
 */
export async function okrLog(config: Config, revision = 'HEAD'): Promise<LogCommit[]> {
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
      '--format=%x1e%H%x1f%ct%x1f%P',
      revision,
      '--',
      ...pathspecs,
    ]);
  } catch {
    // A repository without commits has no history yet.
    return [];
  }
  return parseRawLog(out, (paths) => selectOkrPaths(config, paths));
}
