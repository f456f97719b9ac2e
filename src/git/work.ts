import { GitError } from './errors.js';
import { requireRepository, resolveCommit } from './repo.js';
import { runGit, streamGit } from './run.js';

/** A commit whose message has trailers naming objectives or KRs (SPEC §11). */
export interface WorkCommit {
  sha: string;
  /** Committer date, in seconds since 1970 (UTC). */
  time: number;
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
  /** Stops git: the promise then rejects, and nothing more is asked of git. */
  signal?: AbortSignal;
  /** Given each batch of commits as it is read, while git still runs; all are returned as well. */
  onCommits?: (commits: readonly WorkCommit[]) => void;
}

// Record, field and value separators: none of them can be in a subject, a name or a trailer's value.
const RECORD = '\x1e';
const RECORD_BYTE = 0x1e;
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
  return (await readWorkLog(cwd, options)).commits;
}

/** The linked commits of HEAD's history (`workLog`), with the SHA of the commit HEAD was at. */
export async function readWorkLog(
  cwd: string,
  options: WorkLogOptions,
): Promise<{ head: string | null; commits: WorkCommit[] }> {
  const revisions = options.range
    ? [`${options.range.base}..${options.range.head}`]
    : options.sinceRev !== undefined
      ? [`${options.sinceRev}..HEAD`]
      : ['HEAD'];
  const reader = new WorkLogReader(BATCH, options.onCommits);
  try {
    await streamGit(
      cwd,
      logArgs(options.trailer, revisions, false),
      (chunk) => reader.push(chunk),
      options.signal,
    );
  } catch (error) {
    if (options.signal?.aborted) throw error;
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
    if ((await resolveCommit(cwd, 'HEAD')) === null) return { head: null, commits: [] };
    throw error;
  }
  const commits = reader.end();
  return { head: reader.head, commits };
}

/** How HEAD's linked commits differ from those of an earlier commit's history (`workLogDelta`). */
export interface WorkLogDelta {
  /** HEAD's SHA; null when HEAD is in the earlier commit's history (then git does not name it). */
  head: string | null;
  /** The linked commits of HEAD's history that are not in the earlier one's, newest first. */
  added: WorkCommit[];
  /** The SHAs of the commits (linked or not) of the earlier history that are not in HEAD's. */
  removed: Set<string>;
}

/**
 * What changed in HEAD's linked commits since they were read at commit `from`, from ONE `git log`
 * of the symmetric difference `from...HEAD`: the commits only HEAD reaches are added, those only
 * `from` reaches are gone (a reset, a rebase, another branch). Set algebra on the two histories, so
 * exact for any move of HEAD, and as cheap as the difference is small. Rejects when git cannot read
 * it (`from` is no longer in the repository, HEAD has no commit): then read the whole log.
 */
export async function workLogDelta(
  cwd: string,
  from: string,
  options: Pick<WorkLogOptions, 'trailer' | 'signal'>,
): Promise<WorkLogDelta> {
  if (!/^[0-9a-f]{40,64}$/.test(from)) throw new GitError(`not a commit: ${from}`);
  const reader = new WorkLogReader(BATCH, undefined, true);
  await streamGit(
    cwd,
    logArgs(options.trailer, [`${from}...HEAD`], true),
    (chunk) => reader.push(chunk),
    options.signal,
  );
  const added = reader.end();
  return { head: reader.head, added, removed: reader.removed };
}

/** `git log`'s arguments for the records `WorkLogReader` reads; `leftRight` marks each side's commits. */
function logArgs(trailer: string, revisions: readonly string[], leftRight: boolean): string[] {
  const fields = `%H${FIELD}%ct${FIELD}%an${FIELD}%s${FIELD}%(trailers:key=${trailer},valueonly,unfold,separator=%x1d)`;
  return [
    'log',
    '--no-color',
    ...(leftRight ? ['--left-right', `--format=${RECORD}%m${fields}`] : [`--format=${RECORD}${fields}`]),
    ...revisions,
    '--',
  ];
}

/** Bytes of git's output read at once: text this long lies outside the heap's young generation. */
const BATCH = 256 * 1024;

/**
 * Reads `git log`'s records (the format of `workLog`) as they come, piece by piece. A piece may end
 * anywhere, inside a record or a UTF-8 character; the record separator is one byte that no UTF-8
 * character contains, so the bytes up to the last one are whole records and whole characters, and
 * what follows it waits for the next pieces. Pieces are read a batch of bytes at a time, each record
 * where it lies in the batch's text, with no split into arrays of fields. Records without a trailer
 * value are left out.
 */
export class WorkLogReader {
  private readonly commits: WorkCommit[] = [];
  /** Bytes not read yet: after the last record separator read, a record not known to be whole. */
  private pending: Buffer[] = [];
  private size = 0;
  /** The SHA of the first commit listed (of the right side's, when sides are marked): HEAD's. */
  head: string | null = null;
  /** When sides are marked: the SHAs of the left side's commits, linked or not. */
  readonly removed = new Set<string>();

  /**
   * `batch`: how many bytes wait before they are read (fewer in tests, to read in many batches);
   * `onCommits` is given the commits of each batch read; `sides`: each record starts with git's
   * `%m` mark, "<" for the left side of a symmetric difference (kept in `removed`), ">" for the right.
   */
  constructor(
    private readonly batch = BATCH,
    private readonly onCommits?: (commits: readonly WorkCommit[]) => void,
    private readonly sides = false,
  ) {}

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= this.batch) this.read(false);
  }

  /** The commits read, newest first, once git's output has ended. */
  end(): WorkCommit[] {
    this.read(true);
    return this.commits;
  }

  /** Reads the whole records of the pending bytes, or all of them at the end of the output. */
  private read(atEnd: boolean): void {
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.size);
    const cut = atEnd ? bytes.length : bytes.lastIndexOf(RECORD_BYTE);
    if (cut <= 0) {
      this.pending = [bytes];
      return;
    }
    const before = this.commits.length;
    const text = bytes.toString('utf8', 0, cut);
    // Anything before the first separator is no record (git prints none).
    for (let start = text.indexOf(RECORD); start !== -1; ) {
      const next = text.indexOf(RECORD, start + 1);
      this.record(text, start + 1, next === -1 ? text.length : next);
      start = next;
    }
    if (this.onCommits && this.commits.length > before) this.onCommits(this.commits.slice(before));
    const rest = bytes.subarray(cut);
    this.pending = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }

  /** The record in `text` from `start` to `end`: SHA, seconds, author, subject, then the values. */
  private record(text: string, from: number, end: number): void {
    let start = from;
    if (this.sides) {
      start++;
      if (text[from] === '<') {
        this.removed.add(text.slice(start, fieldEnd(text, start, end)));
        return;
      }
    }
    const afterSha = fieldEnd(text, start, end);
    const afterSeconds = fieldEnd(text, afterSha + 1, end);
    const afterAuthor = fieldEnd(text, afterSeconds + 1, end);
    const afterSubject = fieldEnd(text, afterAuthor + 1, end);
    this.head ??= text.slice(start, afterSha);
    if (afterSubject === end) return;
    const refs = trailerValues(text, afterSubject + 1, end);
    if (refs.length === 0) return;
    this.commits.push({
      sha: text.slice(start, afterSha),
      time: Number(text.slice(afterSha + 1, afterSeconds)),
      author: text.slice(afterSeconds + 1, afterAuthor),
      subject: text.slice(afterAuthor + 1, afterSubject),
      refs,
    });
  }
}

/** Where the field starting at `from` ends: its FIELD separator, or `end` when it has none. */
function fieldEnd(text: string, from: number, end: number): number {
  if (from >= end) return end;
  const at = text.indexOf(FIELD, from);
  return at === -1 || at > end ? end : at;
}

/**
 * The trailer values between `start` and `end` (separated by VALUE; any FIELD there is part of a
 * value), trimmed, empty ones and repeats left out, in message order.
 */
function trailerValues(text: string, start: number, end: number): string[] {
  const values: string[] = [];
  let seen: Set<string> | null = null;
  for (let from = start; from <= end; ) {
    let to = text.indexOf(VALUE, from);
    if (to === -1 || to > end) to = end;
    const value = text.slice(from, to).trim();
    from = to + 1;
    if (value === '') continue;
    // A handful of values is searched faster than hashed; many (a generated message) are hashed.
    if (values.length >= 8) seen ??= new Set(values);
    if (seen ? seen.has(value) : values.includes(value)) continue;
    values.push(value);
    seen?.add(value);
  }
  return values;
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
