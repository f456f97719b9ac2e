import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { gitStateKey, statKey } from '../git/state.js';
import type { Config } from '../model.js';
import { buildKey } from '../source/build-key.js';
import { readStored, type StoreKind, writeStored } from '../source/store.js';

/**
 * The cache of `okr check`'s results: the diagnostics of the last check, and a hash of everything
 * they were computed from. When nothing changed, a check prints them again without loading a file.
 *
 * Files are compared as ESLint's and Prettier's caches compare them by default, by their metadata
 * rather than their content: device, inode, mode, size, and the times of the last change of the
 * content (mtime) and of the file's record (ctime), each to the nanosecond. Writing a file sets both
 * times to now; ctime cannot be set back by a program, so an edit that leaves all of them unchanged
 * would have to happen within the file system's time granularity of the previous write and keep the
 * size. The cache is a convenience, never a source of truth: anything unexpected in it and it is
 * ignored and rewritten.
 */

/** Bumped whenever what is stored or what the key covers changes. */
const FORMAT = 4;
const FILE_NAME = 'results.json';

export interface ResultInputs {
  config: Config;
  asOf: number;
  /** Every OKR file the check loads, sorted. */
  files: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * A hash of every input of a check's diagnostics, or null when they cannot all be summarised (then
 * the check runs in full). Options that only select or print diagnostics are not inputs.
 */
export function resultKey(inputs: ResultInputs): string | null {
  const build = buildKey();
  if (build === null) return null;
  const git = gitStateKey(inputs.config.root, inputs.env);
  if (git === null) return null;
  const { root } = inputs.config;
  // The rule entries as written: what the rules make of them is the build's code, in `build`.
  const config = JSON.stringify({
    ...inputs.config,
    ruleEntries: inputs.config.ruleEntries?.entries ?? null,
  });
  const hash = createHash('sha1');
  hash.update(`${FORMAT}\0${build}\0${inputs.asOf}\0${config}\0${git}\0`);
  hash.update(`strategy\0${statKey(join(root, inputs.config.strategy))}\0`);
  for (const file of inputs.files) hash.update(`${file}\0${statKey(join(root, file))}\0`);
  return hash.digest('hex');
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

function isDiagnostic(v: unknown): v is Diagnostic {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const d = v as Record<string, unknown>;
  return (
    Object.keys(d).length === 9 &&
    typeof d.ruleId === 'string' &&
    (d.severity === 'error' || d.severity === 'warning') &&
    typeof d.message === 'string' &&
    typeof d.file === 'string' &&
    (d.target === null || typeof d.target === 'string') &&
    [d.line, d.column, d.endLine, d.endColumn].every(isCount)
  );
}

/** What a check found: its diagnostics, and the notes it said on stderr (a shallow history). */
export interface StoredResults {
  diagnostics: Diagnostic[];
  notes: string[];
  /**
   * The files that `measure: { file }` names, each with whether it was there (measure-unavailable
   * depends on it, and they are not OKR files): the results hold only while each still is or is not.
   */
  measureFiles?: [string, boolean][];
}

const isMeasureFiles = (v: unknown): v is [string, boolean][] =>
  Array.isArray(v) &&
  v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'boolean');

const isResults = (v: unknown): v is StoredResults => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const { diagnostics, notes, measureFiles } = v as Record<string, unknown>;
  return (
    Array.isArray(diagnostics) &&
    diagnostics.every(isDiagnostic) &&
    Array.isArray(notes) &&
    notes.every((n) => typeof n === 'string') &&
    isMeasureFiles(measureFiles)
  );
};

const KIND: StoreKind<StoredResults> = { file: FILE_NAME, format: FORMAT, valid: isResults };

/**
 * The results stored under `key`, or null when there are none, they are not whole and ours, or a
 * measure's file has come or gone since (`exists` says whether it is there now).
 */
export function readResults(
  dir: string,
  key: string,
  exists: (file: string) => boolean = () => true,
): StoredResults | null {
  const stored = readStored(dir, KIND, key);
  if (stored === null) return null;
  if ((stored.measureFiles ?? []).some(([file, was]) => exists(file) !== was)) return null;
  return stored;
}

/** Stores the results of a check under `key`, replacing what was there; failures only cost speed. */
export function writeResults(dir: string, key: string, results: StoredResults): void {
  // Only what reads back identically is stored: the diagnostics as they are, with nothing else.
  if (!results.diagnostics.every(isDiagnostic)) return;
  writeStored(dir, KIND, key, {
    diagnostics: results.diagnostics,
    notes: results.notes,
    measureFiles: results.measureFiles ?? [],
  });
}
