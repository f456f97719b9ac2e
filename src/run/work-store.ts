import { checksum } from '../checksum.js';
import type { WorkCommit, WorkLogDelta } from '../git/work.js';
import { readStored, type StoreKind, writeStored } from '../source/store.js';

/**
 * Each repository's linked commits in the cache folder (SPEC §11), in two files under one key (what
 * can rewrite its history, and the trailer):
 * - the base: the commits of the history of one commit, all of them, as a whole log read them;
 * - the head file, small: the git state's tip and the SHA HEAD was at when they were last brought up
 *   to date, and how HEAD's linked commits differ from the base's (`added` before them, `removed`
 *   from them). A new commit rewrites only this file; the base is rewritten once the difference
 *   grows past a part of it.
 * The head file is read first, so that when HEAD has moved the `git log` of the difference starts
 * before the base is parsed. The base is written before the head file that names it: a head file
 * whose base is not there (its SHA differs) reads as nothing, and git is read again.
 */
export interface WorkPointer {
  tip: string;
  /** HEAD's SHA when they were read; null when git did not name it. */
  head: string | null;
  /** The commit whose history the base holds. */
  base: string | null;
  /** Linked commits HEAD reaches and the base does not, newest first. */
  added: WorkCommit[];
  /** SHAs of the base's commits HEAD does not reach. */
  removed: Set<string>;
}

/**
 * Commits column by column: the SHAs end to end in one string, each author and each ref once, then
 * referred to by number. Far fewer, smaller values than one object per commit: the file is half the
 * size, and reads and checks in half the time.
 */
interface Columns {
  shas: string;
  /** Committer dates, in seconds. */
  times: number[];
  authors: string[];
  author: number[];
  subjects: string[];
  refs: string[];
  /** How many refs each commit has; their numbers follow one another in `ref`. */
  refCount: number[];
  ref: number[];
}

interface StoredBase extends Columns {
  head: string | null;
}

interface StoredPointer extends Columns {
  tip: string;
  head: string | null;
  base: string | null;
  removed: string[];
}

const isIndexList = (v: unknown, below: number): v is number[] =>
  Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < below);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isSha = (v: unknown): v is string | null => v === null || typeof v === 'string';

function validColumns(v: unknown): v is Columns {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (!Array.isArray(c.times) || !c.times.every(Number.isInteger)) return false;
  const n = c.times.length;
  // Whole SHAs, of SHA-1 or SHA-256.
  if (typeof c.shas !== 'string' || !(c.shas.length === n * 40 || c.shas.length === n * 64)) return false;
  if (!isStringList(c.authors) || !isStringList(c.subjects) || !isStringList(c.refs)) return false;
  if (!isIndexList(c.author, c.authors.length) || c.author.length !== n || c.subjects.length !== n)
    return false;
  if (!isIndexList(c.refCount, Number.MAX_SAFE_INTEGER) || c.refCount.length !== n) return false;
  if (!isIndexList(c.ref, c.refs.length)) return false;
  return c.refCount.reduce((sum, k) => sum + k, 0) === c.ref.length;
}

const validBase = (v: unknown): v is StoredBase => validColumns(v) && isSha((v as StoredBase).head);

const validPointer = (v: unknown): v is StoredPointer => {
  if (!validColumns(v)) return false;
  const { tip, head, base, removed } = v as StoredPointer;
  return typeof tip === 'string' && isSha(head) && isSha(base) && isStringList(removed);
};

/** The two files of a repository: the OKR repository's `work.json`, another's named by its path. */
export interface WorkStore {
  pointer: StoreKind<StoredPointer>;
  base: StoreKind<StoredBase>;
}

export function workStore(own: boolean, path: string): WorkStore {
  const name = own ? 'work' : `work-${checksum(Buffer.from(path))}`;
  return {
    pointer: { file: `${name}-head.json`, format: 2, valid: validPointer },
    base: { file: `${name}.json`, format: 4, valid: validBase },
  };
}

/** Which tip the stored commits were read at, HEAD's SHA then, and the difference from the base. */
export function readWorkPointer(dir: string, store: WorkStore, key: string): WorkPointer | null {
  const stored = readStored(dir, store.pointer, key);
  if (stored === null) return null;
  return {
    tip: stored.tip,
    head: stored.head,
    base: stored.base,
    added: fromColumns(stored),
    removed: new Set(stored.removed),
  };
}

/** The base's commits, or null when the base stored is not the one `pointer` names. */
export function readWorkBase(
  dir: string,
  store: WorkStore,
  key: string,
  pointer: WorkPointer,
): WorkCommit[] | null {
  const stored = readStored(dir, store.base, key);
  return stored === null || stored.head !== pointer.base ? null : fromColumns(stored);
}

/** The linked commits of HEAD's history as `pointer` had them with its `base`, newest first. */
export function pointedCommits(pointer: WorkPointer, base: WorkCommit[]): WorkCommit[] {
  return combine(pointer.added, base, pointer.removed);
}

/** `added`, then the commits of `base` not in `removed`. */
function combine(added: WorkCommit[], base: WorkCommit[], removed: ReadonlySet<string>): WorkCommit[] {
  const kept = removed.size === 0 ? base : base.filter((c) => !removed.has(c.sha));
  return added.length === 0 ? kept : [...added, ...kept];
}

/** Stores the commits of HEAD's history, read whole at `head`, as a new base. */
export function writeWork(
  dir: string,
  store: WorkStore,
  key: string,
  tip: string,
  head: string | null,
  commits: readonly WorkCommit[],
): void {
  const base = toColumns(commits);
  if (base === null) return;
  writeStored(dir, store.base, key, { head, ...base });
  writeStored(dir, store.pointer, key, { tip, head, base: head, ...toColumns([])!, removed: [] });
}

/**
 * The commits of HEAD's history at `tip`, from what `pointer` had with its `base` and the
 * difference git read since (`workLogDelta` from `pointer.head`), stored: in the head file alone
 * while the difference from the base stays small, else as a new base.
 */
export function advanceWork(
  dir: string,
  store: WorkStore,
  key: string,
  tip: string,
  pointer: WorkPointer & { head: string },
  base: WorkCommit[],
  difference: WorkLogDelta,
): WorkCommit[] {
  // An empty difference: HEAD is the commit they were read at; git names HEAD when it added one.
  const head = difference.head ?? (difference.removed.size === 0 ? pointer.head : null);
  const added = [
    ...difference.added,
    ...(difference.removed.size === 0
      ? pointer.added
      : pointer.added.filter((c) => !difference.removed.has(c.sha))),
  ];
  const removed = new Set(pointer.removed);
  if (difference.removed.size > 0)
    for (const c of base) if (difference.removed.has(c.sha)) removed.add(c.sha);
  const commits = combine(added, base, removed);
  const columns = toColumns(added);
  if (columns !== null && added.length + removed.size <= Math.max(64, base.length / 16))
    writeStored(dir, store.pointer, key, {
      tip,
      head,
      base: pointer.base,
      ...columns,
      removed: [...removed],
    });
  else writeWork(dir, store, key, tip, head, commits);
  return commits;
}

function fromColumns(stored: Columns): WorkCommit[] {
  const n = stored.times.length;
  const width = n === 0 ? 0 : stored.shas.length / n;
  const commits = new Array<WorkCommit>(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const count = stored.refCount[i]!;
    const refs = new Array<string>(count);
    for (let j = 0; j < count; j++) refs[j] = stored.refs[stored.ref[next++]!]!;
    commits[i] = {
      sha: stored.shas.slice(i * width, (i + 1) * width),
      time: stored.times[i]!,
      author: stored.authors[stored.author[i]!]!,
      subject: stored.subjects[i]!,
      refs,
    };
  }
  return commits;
}

/** The columns of `commits`; null when their SHAs are not all of one length (nothing is stored then). */
function toColumns(commits: readonly WorkCommit[]): Columns | null {
  const authors: string[] = [];
  const authorNumbers = new Map<string, number>();
  const refs: string[] = [];
  const refNumbers = new Map<string, number>();
  const numberOf = (list: string[], numbers: Map<string, number>, value: string) => {
    let n = numbers.get(value);
    if (n === undefined) {
      n = list.push(value) - 1;
      numbers.set(value, n);
    }
    return n;
  };
  const columns: Columns = {
    shas: '',
    times: [],
    authors,
    author: [],
    subjects: [],
    refs,
    refCount: [],
    ref: [],
  };
  const shas: string[] = [];
  const width = commits[0]?.sha.length ?? 0;
  for (const c of commits) {
    if (c.sha.length !== width) return null;
    shas.push(c.sha);
    columns.times.push(c.time);
    columns.author.push(numberOf(authors, authorNumbers, c.author));
    columns.subjects.push(c.subject);
    columns.refCount.push(c.refs.length);
    for (const ref of c.refs) columns.ref.push(numberOf(refs, refNumbers, ref));
  }
  columns.shas = shas.join('');
  return columns;
}
