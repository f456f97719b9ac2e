import { GitError } from './errors.js';
import { requireRepository, resolveCommit } from './repo.js';
import { runGit } from './run.js';

/** A commit whose message has trailers naming objectives or KRs (SPEC §11). */
export interface WorkCommit {
  sha: string;
  /** Committer date, as a UTC day number. */
  day: number;
  author: string;
  subject: string;
  /** The trailers' values, in message order, duplicates dropped. */
  refs: string[];
}

export interface WorkLogOptions {
  /** The trailer's key; git matches it case-insensitively. */
  trailer: string;
  /** Only the commits of `rev..HEAD` when set. */
  sinceRev?: string;
  /** Only the commits of `base..head` when set (okr check --base). */
  range?: { base: string; head: string };
  /** The command named when `cwd` is no repository (a GitError then); without it, none is looked for. */
  command?: string;
}

// Record, field and value separators: none of them can be in a subject, a name or a trailer's value.
const RECORD = '\x1e';
const FIELD = '\x1f';
const VALUE = '\x1d';

/**
 * The commits of HEAD's history (every parent, merges included, each commit once) whose messages
 * carry a `trailer` trailer, newest first, from ONE `git log` run. Git's own trailer parsing decides
 * what a trailer is: only the message's last paragraph of `Key: value` lines counts, so a line that
 * looks like one in the middle of a body does not. A repository without commits has none; a
 * `sinceRev` or range git does not know is a GitError.
 */
export async function workLog(cwd: string, options: WorkLogOptions): Promise<WorkCommit[]> {
  const key = options.trailer;
  const revisions = options.range
    ? [`${options.range.base}..${options.range.head}`]
    : options.sinceRev !== undefined
      ? [`${options.sinceRev}..HEAD`]
      : ['HEAD'];
  let out: string;
  try {
    out = await runGit(cwd, [
      'log',
      '--no-color',
      `--format=${RECORD}%H${FIELD}%ct${FIELD}%an${FIELD}%s${FIELD}%(trailers:key=${key},valueonly,unfold,separator=%x1d)`,
      ...revisions,
      '--',
    ]);
  } catch (error) {
    // Whether it is a repository at all is asked only when git log failed: one process less.
    if (options.command !== undefined) await requireRepository(cwd, options.command);
    const named = options.range
      ? [options.range.base, options.range.head]
      : options.sinceRev
        ? [options.sinceRev]
        : [];
    for (const rev of named)
      if (rev.startsWith('-') || (await resolveCommit(cwd, rev)) === null)
        throw new GitError(
          `unknown revision "${rev}" in ${cwd}: no commit, branch or tag has that name; check the spelling, or "git fetch" it first`,
        );
    if ((await resolveCommit(cwd, 'HEAD')) === null) return [];
    throw error;
  }
  return parseWorkLog(out);
}

function parseWorkLog(out: string): WorkCommit[] {
  const commits: WorkCommit[] = [];
  for (const record of out.split(RECORD)) {
    const fields = record.split(FIELD);
    if (fields.length < 5) continue;
    const [sha, seconds, author, subject] = fields as [string, string, string, string];
    const refs = [
      ...new Set(
        fields
          .slice(4)
          .join(FIELD)
          .split(VALUE)
          .map((value) => value.trim())
          .filter((value) => value !== ''),
      ),
    ];
    if (refs.length === 0) continue;
    commits.push({ sha, day: Math.floor(Number(seconds) / 86_400), author, subject, refs });
  }
  return commits;
}

/** A trailer of a commit message: its key as written, and its value. */
export interface MessageTrailer {
  key: string;
  value: string;
}

// git's own test for a trailer line: a token of letters, digits and dashes, maybe spaces, then a
// separator. `--parse` prints every trailer with the first of `trailer.separators`.
const TRAILER_LINE = /^([A-Za-z0-9-]+)[ \t]*[^A-Za-z0-9 \t-][ \t]*(.*)$/;

/**
 * The trailers keyed `key` (case-insensitively, as `git log` matches them) of the commit message in
 * `file`, as git parses them: the message's last paragraph only, comments and what lies below a
 * scissors line left out, continuation lines unfolded. `--no-divider` because `git log` reads a
 * "---" line as part of the message too.
 */
export async function messageTrailers(cwd: string, file: string, key: string): Promise<MessageTrailer[]> {
  const out = await runGit(cwd, ['interpret-trailers', '--parse', '--no-divider', file]);
  const trailers: MessageTrailer[] = [];
  for (const line of out.split('\n')) {
    const match = TRAILER_LINE.exec(line);
    if (!match || match[1]!.toLowerCase() !== key.toLowerCase()) continue;
    const value = match[2]!.trim();
    if (value !== '') trailers.push({ key: match[1]!, value });
  }
  return trailers;
}
