import { checksum } from '../checksum.js';
import type { WorkCommit } from '../git/work.js';
import { readStored, type StoreKind, writeStored } from '../source/store.js';

/**
 * Each repository's linked commits in the cache folder (SPEC §11), in two files under one key (what
 * can rewrite its history, and the trailer): a small one saying which git state's tip they were read
 * at and the SHA HEAD was at then, and the commits, stored with that SHA. The small one is read
 * first, so that when HEAD has moved the `git log` of the difference starts before the commits are
 * parsed. The commits are written first and the small file last: a reader finding the new small file
 * finds its commits, and a pair that does not match (the SHAs differ) is read again from git.
 */
export interface WorkPointer {
  tip: string;
  /** HEAD's SHA when they were read; null when git did not name it. */
  head: string | null;
}

/**
 * The commits, column by column: the SHAs end to end in one string, each author and each ref once,
 * then referred to by number. Far fewer, smaller values than one object per commit: the file is half
 * the size, and reads and checks in half the time.
 */
interface StoredCommits {
  head: string | null;
  shas: string;
  days: number[];
  authors: string[];
  author: number[];
  subjects: string[];
  refs: string[];
  /** How many refs each commit has; their numbers follow one another in `ref`. */
  refCount: number[];
  ref: number[];
}

const isIndexList = (v: unknown, below: number): v is number[] =>
  Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < below);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function validCommits(v: unknown): v is StoredCommits {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (!(c.head === null || typeof c.head === 'string')) return false;
  if (!Array.isArray(c.days) || !c.days.every(Number.isInteger)) return false;
  const n = c.days.length;
  // Whole SHAs, of SHA-1 or SHA-256.
  if (typeof c.shas !== 'string' || !(c.shas.length === n * 40 || c.shas.length === n * 64)) return false;
  if (!isStringList(c.authors) || !isStringList(c.subjects) || !isStringList(c.refs)) return false;
  if (!isIndexList(c.author, c.authors.length) || c.author.length !== n || c.subjects.length !== n)
    return false;
  if (!isIndexList(c.refCount, Number.MAX_SAFE_INTEGER) || c.refCount.length !== n) return false;
  if (!isIndexList(c.ref, c.refs.length)) return false;
  return c.refCount.reduce((sum, k) => sum + k, 0) === c.ref.length;
}

const validPointer = (v: unknown): v is WorkPointer => {
  if (typeof v !== 'object' || v === null) return false;
  const { tip, head } = v as Record<string, unknown>;
  return typeof tip === 'string' && (head === null || typeof head === 'string');
};

/** The two files of a repository: the OKR repository's `work.json`, another's named by its path. */
export interface WorkStore {
  pointer: StoreKind<WorkPointer>;
  commits: StoreKind<StoredCommits>;
}

export function workStore(own: boolean, path: string): WorkStore {
  const name = own ? 'work' : `work-${checksum(Buffer.from(path))}`;
  return {
    pointer: { file: `${name}-head.json`, format: 1, valid: validPointer },
    commits: { file: `${name}.json`, format: 3, valid: validCommits },
  };
}

/** Which tip the stored commits were read at, and HEAD's SHA then; null when nothing is stored. */
export function readWorkPointer(dir: string, store: WorkStore, key: string): WorkPointer | null {
  return readStored(dir, store.pointer, key);
}

/** The stored commits when they were read at `head`, newest first; otherwise null. */
export function readWorkCommits(
  dir: string,
  store: WorkStore,
  key: string,
  head: string | null,
): WorkCommit[] | null {
  const stored = readStored(dir, store.commits, key);
  if (stored === null || stored.head !== head) return null;
  const n = stored.days.length;
  const width = n === 0 ? 0 : stored.shas.length / n;
  const commits = new Array<WorkCommit>(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const count = stored.refCount[i]!;
    const refs = new Array<string>(count);
    for (let j = 0; j < count; j++) refs[j] = stored.refs[stored.ref[next++]!]!;
    commits[i] = {
      sha: stored.shas.slice(i * width, (i + 1) * width),
      day: stored.days[i]!,
      author: stored.authors[stored.author[i]!]!,
      subject: stored.subjects[i]!,
      refs,
    };
  }
  return commits;
}

/** Stores `commits`, read at `pointer.head`, then the pointer; failures only cost speed. */
export function writeWork(
  dir: string,
  store: WorkStore,
  key: string,
  pointer: WorkPointer,
  commits: readonly WorkCommit[],
): void {
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
  const value: StoredCommits = {
    head: pointer.head,
    shas: '',
    days: [],
    authors,
    author: [],
    subjects: [],
    refs,
    refCount: [],
    ref: [],
  };
  const shas: string[] = [];
  // One width for all: a commit of another length (a mixed or corrupted log) is not stored at all.
  const width = commits[0]?.sha.length ?? 0;
  for (const c of commits) {
    if (c.sha.length !== width) return;
    shas.push(c.sha);
    value.days.push(c.day);
    value.author.push(numberOf(authors, authorNumbers, c.author));
    value.subjects.push(c.subject);
    value.refCount.push(c.refs.length);
    for (const ref of c.refs) value.ref.push(numberOf(refs, refNumbers, ref));
  }
  value.shas = shas.join('');
  writeStored(dir, store.commits, key, value);
  writeStored(dir, store.pointer, key, pointer);
}
