import { type BlobReader, knownBlobs, withBlobReader } from '../../git/cat-file.js';
import { type LogCommit, okrLog } from '../../git/log.js';
import { gitTopLevel } from '../../git/repo.js';
import type { Config, KeyResultData, OkrFile } from '../../model.js';
import { parseSourceLazily } from '../../yaml/parse.js';
import { commitTexts, type ReadBlob } from './walk.js';

/** What counts as a KR's value for staleness: what `okr checkin` and people edit. */
function valueKey(kr: KeyResultData): string {
  return `[${json(kr.current)},${json(kr.done)},${json(kr.progress)}]`;
}

/** A value as JSON.stringify writes it in an array; numbers and booleans without its array. */
function json(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? 'null';
}

const valuesOfData = new WeakMap<object, Map<string, string>>();

/**
 * KR full id → value key of every KR in a file's data (any shape: only well-formed KRs count).
 * Remembered per data object: the working tree's files are asked for more than once.
 */
function krValues(data: unknown): Map<string, string> {
  if (data === null || typeof data !== 'object') return new Map();
  let values = valuesOfData.get(data);
  if (!values) {
    values = readKrValues(data);
    valuesOfData.set(data, values);
  }
  return values;
}

function readKrValues(data: object): Map<string, string> {
  const values = new Map<string, string>();
  const objectives = (data as { objectives?: unknown } | null)?.objectives;
  if (!Array.isArray(objectives)) return values;
  for (const objective of objectives as { id?: unknown; key_results?: unknown }[]) {
    if (typeof objective?.id !== 'string' || !Array.isArray(objective.key_results)) continue;
    for (const kr of objective.key_results as KeyResultData[])
      if (typeof kr?.id === 'string') values.set(`${objective.id}/${kr.id}`, valueKey(kr));
  }
  return values;
}

function textValues(
  path: string,
  text: string | null,
  parsed: ReadonlyMap<string, unknown>,
): Map<string, string> {
  if (text === null) return new Map();
  if (parsed.has(text)) return krValues(parsed.get(text));
  const { source, problems } = parseSourceLazily(path, text);
  return problems.length > 0 ? new Map() : krValues(source.data);
}

export interface LastChangedOptions {
  /** The clone is shallow: its parentless commits are a cut in history, not the day files were added. */
  shallow: boolean;
  /** Changes after this day are not known yet at it (`--as-of` in the past). */
  until?: number;
  /** The working tree's files and the day to date a value edited but not yet committed. */
  worktree?: { files: readonly OkrFile[]; day: number };
}

/** What git tells of when each KR's value last changed. */
export interface LastChanged {
  /** KR full id → the day its value last changed. */
  days: Map<string, number>;
  /**
   * The KRs whose value has not changed since the cut of a shallow clone: their last change lies
   * beyond it, on a day the clone cannot tell.
   */
  beyondCut: Set<string>;
  /** KR full id → the commit that last changed its value; absent when the change is not committed yet. */
  shas: Map<string, string>;
}

/**
 * The day each KR's value (current, done or progress) last changed in git, following ids across files:
 * moving a KR to another file is not a change. A value edited in the working tree counts as changed today.
 */
export async function lastChangedDays(
  commits: readonly LogCommit[],
  read: ReadBlob,
  options: LastChangedOptions,
): Promise<LastChanged> {
  const days = new Map<string, number>();
  const beyondCut = new Set<string>();
  const shas = new Map<string, string>();
  const current = await walkValues(commits, read, options.worktree?.files ?? [], (commit, id) => {
    if (options.shallow && commit.parentless) {
      // The first commit of a shallow clone holds every value as it was at the cut.
      beyondCut.add(id);
      days.delete(id);
      shas.delete(id);
    } else if (options.until === undefined || commit.day <= options.until) {
      beyondCut.delete(id);
      days.set(id, commit.day);
      shas.set(id, commit.sha);
    }
  });
  // forEach rather than for…of over entries: no pair is made for each of thousands of KRs.
  if (options.worktree) {
    const { day } = options.worktree;
    for (const file of options.worktree.files)
      krValues(file.data).forEach((key, id) => {
        if (current.get(id) === key) return;
        beyondCut.delete(id);
        days.set(id, day);
        shas.delete(id);
      });
  }
  return { days, beyondCut, shas };
}

/**
 * Walks the commits oldest first and calls `onChange` for every KR whose value (current, done or
 * progress) a commit changes, following ids across files. Returns the value keys after the last commit.
 */
async function walkValues(
  commits: readonly LogCommit[],
  read: ReadBlob,
  known: readonly OkrFile[],
  onChange: (commit: LogCommit, id: string, key: string) => void,
): Promise<Map<string, string>> {
  const byFile = new Map<string, Map<string, string>>();
  const current = new Map<string, string>();
  // Most files of the history's older commits are the working tree's files, already parsed.
  const parsed = new Map<string, unknown>();
  for (const file of known) parsed.set(file.source.text, file.data);
  const blobs = knownBlobs(known.map((file) => file.source.text));
  for await (const { commit, texts } of commitTexts(commits, read, blobs)) {
    const before = new Set<string>();
    const after = new Map<string, string>();
    texts.forEach((text, path) => {
      byFile.get(path)?.forEach((_key, id) => {
        before.add(id);
      });
      const values = textValues(path, text, parsed);
      byFile.set(path, values);
      values.forEach((key, id) => {
        after.set(id, key);
      });
    });
    after.forEach((key, id) => {
      if (current.get(id) !== key) onChange(commit, id, key);
      current.set(id, key);
    });
    before.forEach((id) => {
      if (!after.has(id)) current.delete(id);
    });
  }
  return current;
}

/** The value of a KR as a number for a trend: current, done as 0/1, or progress. */
function trendValue(key: string): number | null {
  const [current, done, progress] = JSON.parse(key) as [unknown, unknown, unknown];
  const value = typeof current === 'number' ? current : typeof done === 'boolean' ? Number(done) : progress;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Each KR's value at the commits that changed it, up to day `until`: one point a day (the day's last
 * value), oldest first. From one `git log` and the caller's `git cat-file --batch` reader.
 */
export async function gitValueSeries(
  config: Config,
  reader: BlobReader,
  until: number,
): Promise<Map<string, { day: number; value: number }[]>> {
  const commits = (await okrLog(config)).filter((c) => c.day <= until);
  const byDay = new Map<string, Map<number, number>>();
  await walkValues(
    commits,
    (blob) => reader.read(blob),
    [],
    (commit, id, key) => {
      const value = trendValue(key);
      if (value === null) return;
      const days = byDay.get(id) ?? new Map<number, number>();
      days.set(commit.day, value);
      byDay.set(id, days);
    },
  );
  return new Map([...byDay].map(([id, days]) => [id, [...days].map(([day, value]) => ({ day, value }))]));
}

/**
 * The last-change days of the working tree's (or a revision's) KRs from the commits of `okrLog`,
 * contents through the caller's `git cat-file --batch` reader. Undefined when there is no history yet.
 */
export async function gitLastChanged(
  commits: readonly LogCommit[],
  shallow: boolean,
  reader: BlobReader,
  worktree: { files: readonly OkrFile[]; day: number },
): Promise<LastChanged | undefined> {
  if (commits.length === 0) return undefined;
  return lastChangedDays(commits, (blob) => reader.read(blob), { shallow, until: worktree.day, worktree });
}

/** Each KR's values over the commits that changed them, for trend lines; empty outside git. */
export async function trendSeries(
  config: Config,
  asOf: number,
): Promise<Map<string, { day: number; value: number }[]>> {
  if ((await gitTopLevel(config.root)) === null) return new Map();
  return withBlobReader(config.root, (reader) => gitValueSeries(config, reader, asOf));
}
