import { blobId, knownBlobId } from '../blob-id.js';
import type { Problem } from '../diagnostics.js';
import type { LoadedSource, OkrFileData } from '../model.js';
import { buildKey } from '../source/build-key.js';
import { readStored, type StoreKind, writeStored } from '../source/store.js';
import { lazySource, withoutBom } from '../yaml/parse.js';
import { type ItemSpan, ItemSpans } from '../yaml/plain-yaml.js';

/**
 * A cache of loaded OKR files: for each file, by path, what loading it gave (its data and its
 * problems, positions included) with the hash of the text it was loaded from, so that an unchanged
 * file is neither parsed nor validated again. A file whose metadata (`stat`: inode, size, times) is
 * the one stored is known unchanged without hashing its text, as git's index and ESLint's cache
 * know theirs. The cache is a convenience, never a source of truth: one written by another
 * version of okr or against another schema, or that fails its checksum or its structure, is ignored
 * and rewritten; one that cannot be read or written is ignored silently.
 */
export interface LoadCache {
  /**
   * What loading this file gave before, when its text is unchanged: its metadata `stat` is the one
   * stored, or its text hashes as the stored one did.
   */
  get(path: string, rawText: string, stat?: string, kind?: FileKind): LoadedSource | null;
  set(path: string, rawText: string, loaded: LoadedSource, stat?: string, kind?: FileKind): void;
  /** Writes the entries of this run (and drops the others), when anything changed. */
  save(): void;
}

/**
 * An OKR file, or the strategy file (kept apart: a strategy loads as data with its problems, never as
 * an OKR file).
 */
export type FileKind = 'okr' | 'strategy';

/** An entry's name in the cache: the path, led by the kind for the strategy file. */
const slotOf = (path: string, kind: FileKind) => (kind === 'okr' ? path : `${kind}\0${path}`);

/** Bumped whenever the layout of an entry changes. */
const FORMAT = 7;
const FILE_NAME = 'files.json';

interface Entry {
  /** The hash of the text it was loaded from: git's blob id, which history reading shares. */
  blob: string;
  /** The file's metadata when it was read (`ReadFile.stat`), or null. */
  stat: string | null;
  data: unknown;
  /** Whether the file loaded (in whole or in part). */
  ok: boolean;
  invalid: number[];
  problems: Problem[];
  dropped: { ids: string[]; parent: string | null }[];
  /**
   * The fast path's spans of sequence items, when it read the file: their start and end offsets (-1
   * for an end it does not know), in the order it records them, paths left out (see `itemSpansOf`).
   * The file's position index is built again from its text, which the cache is given with the key.
   */
  itemSpans: number[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** An item's end offset, or -1 where the fast path does not know it. */
const isEnd = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= -1;
const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isProblem(v: unknown, path: string): boolean {
  return (
    isObject(v) &&
    typeof v.ruleId === 'string' &&
    typeof v.message === 'string' &&
    v.file === path &&
    (v.target === null || typeof v.target === 'string') &&
    [v.line, v.column, v.endLine, v.endColumn].every((n) => isCount(n) && (n as number) > 0)
  );
}

/** Whether a stored entry has the shape okr writes; anything else is not used. */
function isEntry(v: unknown, path: string): v is Entry {
  if (!isObject(v) || typeof v.ok !== 'boolean' || !Object.hasOwn(v, 'data')) return false;
  if (typeof v.blob !== 'string' || (v.stat !== null && typeof v.stat !== 'string')) return false;
  if (!Array.isArray(v.invalid) || !v.invalid.every(isCount)) return false;
  if (!Array.isArray(v.problems) || !v.problems.every((p) => isProblem(p, path))) return false;
  if (
    !Array.isArray(v.dropped) ||
    !v.dropped.every(
      (d) => isObject(d) && isStringList(d.ids) && (d.parent === null || typeof d.parent === 'string'),
    )
  )
    return false;
  if (
    v.itemSpans !== null &&
    !(
      Array.isArray(v.itemSpans) &&
      v.itemSpans.length % 2 === 0 &&
      v.itemSpans.every((n, i) => (i % 2 === 0 ? isCount(n) : isEnd(n)))
    )
  )
    return false;
  if (v.ok) return isObject(v.data) && Array.isArray(v.data.objectives);
  return true;
}

/** The load cache's file: its key is okr's build key (`buildKey`), its value the entries by path. */
const KIND: StoreKind<Record<string, unknown>> = {
  file: FILE_NAME,
  format: FORMAT,
  // Each entry is checked when it is asked for (`isEntry`): most runs ask for all, some for a few.
  valid: (v): v is Record<string, unknown> => isObject(v),
};

/** Whether JSON carries a value exactly: not so `.inf`, `.nan` and `-0`. */
export function jsonExact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(jsonExact);
  for (const key in value) if (!jsonExact((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** What loading a file gave, as a cache entry; null when JSON cannot carry its data exactly. */
function entryOf(rawText: string, loaded: LoadedSource, stat: string | undefined): Entry | null {
  const data = loaded.file ? loaded.file.data : loaded.source.data;
  if (!jsonExact(data)) return null;
  return {
    blob: blobId(rawText),
    stat: stat ?? null,
    data,
    ok: loaded.file !== null,
    invalid: [...(loaded.file?.invalidObjectives ?? [])],
    problems: loaded.problems,
    dropped: loaded.dropped,
    itemSpans: loaded.source.itemSpans ? flatSpans(loaded.source.itemSpans) : null,
  };
}

function flatSpans(spans: ReadonlyMap<string, ItemSpan>): number[] {
  if (spans instanceof ItemSpans) return spans.flat();
  const flat: number[] = [];
  for (const span of spans.values()) flat.push(span[0], span[1]);
  return flat;
}

/**
 * The item spans of a cached entry, by path. The fast path records the mappings that are items of
 * block sequences, each after the items inside it; walking the data in that order, every mapping
 * that is an item of any sequence, gives their paths, and more when a flow collection holds such
 * items. So when the walk finds as many items as were stored, they are the same, in the same order;
 * otherwise the spans are not used (positions then cost a parse).
 */
function itemSpansOf(
  data: unknown,
  flat: readonly number[],
  textLength: number,
): ReadonlyMap<string, ItemSpan> | undefined {
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value))
      value.forEach((item, i) => {
        walk(item, `${path}/${i}`);
        if (isObject(item)) paths.push(`${path}/${i}`.slice(1));
      });
    else if (isObject(value)) for (const key of Object.keys(value)) walk(value[key], `${path}/${key}`);
  };
  walk(data, '');
  if (paths.length * 2 !== flat.length || flat.some((offset) => offset > textLength)) return undefined;
  const spans = new Map<string, ItemSpan>();
  for (let i = 0; i < paths.length; i++) spans.set(paths[i]!, [flat[i * 2]!, flat[i * 2 + 1]!]);
  return spans;
}

/** The loaded file an entry stands for, when it has the shape okr writes; otherwise null. */
function fromEntry(path: string, rawText: string, entry: unknown): LoadedSource | null {
  if (!isEntry(entry, path)) return null;
  const flat = entry.itemSpans;
  const text = withoutBom(rawText);
  const itemSpans = flat ? () => itemSpansOf(entry.data, flat, text.length) : undefined;
  const source = lazySource(path, text, entry.data, itemSpans);
  return {
    source,
    file: entry.ok
      ? { source, data: entry.data as OkrFileData, invalidObjectives: new Set(entry.invalid) }
      : null,
    problems: entry.problems,
    dropped: entry.dropped,
  };
}

/** Opens the cache kept in `dir` (created when first written). */
export function openCache(dir: string): LoadCache {
  // What the entries depend on besides the files: okr's code and schemas. Without it, nothing is reused.
  const key = buildKey();
  const stored = new Map(Object.entries((key !== null && readStored(dir, KIND, key)) || {}));
  // Entries of this run, stored ones as read: written as JSON in one go when saved (what a file's
  // data is made of is never changed after loading).
  const kept = new Map<string, unknown>();
  let changed = false;
  return {
    get(path, rawText, stat, kind = 'okr') {
      const slot = slotOf(path, kind);
      const entry = stored.get(slot);
      if (!isObject(entry) || typeof entry.blob !== 'string') return null;
      if (stat !== undefined && entry.stat === stat) knownBlobId(rawText, entry.blob);
      else if (entry.blob !== blobId(rawText)) return null;
      const loaded = fromEntry(path, rawText, entry);
      if (!loaded) return null;
      // Metadata that now stands for the content is kept for the next run.
      if ((stat ?? null) !== entry.stat) {
        kept.set(slot, { ...entry, stat: stat ?? null });
        changed = true;
      } else kept.set(slot, entry);
      return loaded;
    },
    set(path, rawText, loaded, stat, kind = 'okr') {
      const entry = entryOf(rawText, loaded, stat);
      changed = true;
      if (entry !== null) kept.set(slotOf(path, kind), entry);
    },
    save() {
      if (key === null || (!changed && kept.size === stored.size)) return;
      writeStored(dir, KIND, key, Object.fromEntries(kept));
    },
  };
}
