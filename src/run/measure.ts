import { CheckinEditError, CheckinValueError, ClosedFileError, checkinSource } from '../edit/checkin.js';
import { loadProject } from '../load/load.js';
import type { Config, MeasureData, MeasureSourceKind } from '../model.js';
import { measureKind, readMeasure } from '../source/measure.js';

/** Sources read at the same time. */
export const MEASURE_PARALLEL = 4;

export interface MeasureTarget {
  /** objective-id/kr-id */
  ref: string;
  objectiveId: string;
  krId: string;
  /** Root-relative path of the KR's file. */
  file: string;
  measure: MeasureData;
  kind: MeasureSourceKind;
  /** The KR's `current` before, or null when unset. */
  before: number | null;
  /** The file's `closed:` date when it is closed, else null. */
  closed: string | null;
}

export interface MeasureRow {
  ref: string;
  file: string;
  source: MeasureSourceKind;
  before: number | null;
  /** The value read, or null when the measure failed. */
  value: number | null;
  /** Why it failed, or null. */
  error: string | null;
  /** The date of a later check-in that kept `current` as it was, else null. */
  later: string | null;
}

/** A REF that names no objective or KR with a measure. */
export class UnknownMeasureRefError extends Error {}

/**
 * The measured KRs of the project, or those of the objectives and KRs `refs` names (an objective
 * id, or objective-id/kr-id). Files of a closed cycle are left out unless a ref names them.
 */
export function measureTargets(config: Config, refs: readonly string[]): MeasureTarget[] {
  const load = loadProject(config);
  const all: MeasureTarget[] = [];
  for (const file of load.files)
    for (const [o, objective] of file.data.objectives.entries()) {
      if (file.invalidObjectives.has(o)) continue;
      for (const kr of objective.key_results ?? [])
        if (kr.measure)
          all.push({
            ref: `${objective.id}/${kr.id}`,
            objectiveId: objective.id,
            krId: kr.id,
            file: file.source.path,
            measure: kr.measure,
            kind: measureKind(kr.measure),
            before: kr.current ?? kr.start ?? null,
            closed: file.data.closed ?? null,
          });
    }
  if (refs.length === 0) return all.filter((t) => t.closed === null);
  const chosen = new Set<MeasureTarget>();
  for (const ref of refs) {
    const matched = all.filter((t) => t.ref === ref || t.objectiveId === ref);
    if (matched.length === 0)
      throw new UnknownMeasureRefError(
        `"${ref}" names no objective or key result with a measure: give an objective id or objective-id/kr-id whose key result has "measure:"`,
      );
    for (const t of matched) chosen.add(t);
  }
  return all.filter((t) => chosen.has(t));
}

/** Runs `work` on every item, at most `limit` at a time; results in the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface ReadOptions {
  config: Config;
  env: Readonly<Record<string, string | undefined>>;
  /** Called after each source is read, with how many are done. */
  progress?: (done: number, total: number) => void;
}

/** Reads the targets' measures, in parallel (MEASURE_PARALLEL); one row each, in order. */
export async function readTargets(
  targets: readonly MeasureTarget[],
  options: ReadOptions,
): Promise<MeasureRow[]> {
  let done = 0;
  return inParallel(targets, MEASURE_PARALLEL, async (t) => {
    const reading = await readMeasure(t.measure, {
      root: options.config.root,
      env: options.env,
      allow: options.config.measure.allow,
    });
    options.progress?.(++done, targets.length);
    return {
      ref: t.ref,
      file: t.file,
      source: t.kind,
      before: t.before,
      value: reading.ok ? reading.value : null,
      error: reading.ok ? null : reading.reason,
      later: null,
    };
  });
}

/**
 * The text of file `path` (now `text`) with a check-in (`source: measure`) for each row of it that
 * has a value, applied one after the other as okr checkin applies one. A row whose check-in cannot
 * be written gets its error and leaves the text as it was. Throws ClosedFileError for a closed file.
 */
export function applyReadings(path: string, text: string, rows: MeasureRow[], date: string): string {
  let next = text;
  for (const row of rows) {
    if (row.value === null) continue;
    const [objectiveId, krId] = [
      row.ref.slice(0, row.ref.indexOf('/')),
      row.ref.slice(row.ref.indexOf('/') + 1),
    ];
    try {
      const result = checkinSource(path, next, {
        objectiveId,
        krId,
        value: String(row.value),
        date,
        source: 'measure',
      });
      next = result.text;
      row.before = typeof result.before === 'number' ? result.before : row.before;
      row.later = result.later;
    } catch (error) {
      if (error instanceof ClosedFileError) throw error;
      if (!(error instanceof CheckinEditError || error instanceof CheckinValueError)) throw error;
      row.error = error.message;
      row.value = null;
    }
  }
  return next;
}
