import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, Pair, type ParsedNode, Scalar, type YAMLMap } from 'yaml';
import { krKind } from '../graph/graph.js';
import type { KeyResultData, ObjectiveData } from '../model.js';
import { CheckinEditError, parse } from './checkin.js';

/*
 * A rolled-over file is the old file edited, not printed anew: the yaml Document of the old file
 * has the objectives that are not carried taken out and the carried ones changed in place, so that
 * the comments of the file, of each objective and of each KR stay where they were. The result is
 * parsed again and must hold exactly the data `rolledData` computes from the old data.
 */

export interface RolloverEdit {
  /** The cycle of the new file. */
  cycle: string;
  /** Index in the old file's `objectives` → the carried objective's new id, for each carried one. */
  carried: ReadonlyMap<number, string>;
  /** Every carried objective of the repository: old id → new id, to map parents and dependencies. */
  renamed: ReadonlyMap<string, string>;
}

/** Keys about the cycle that ended, which a new cycle starts without. */
const OBJECTIVE_DROPPED = ['retro'];
const KR_DROPPED = ['checkins', 'confidence', 'retro'];

/** A reference (`objective-id` or `objective-id/kr-id`) to a carried objective, pointed at its new id. */
export function mapRef(ref: string, renamed: ReadonlyMap<string, string>): string {
  const [objective, ...rest] = ref.split('/');
  const to = renamed.get(objective!);
  return to === undefined ? ref : [to, ...rest].join('/');
}

/** A numeric KR's progress from its values (the rollup's formula). */
function numericProgress(kr: KeyResultData): number {
  const start = kr.start!;
  const target = kr.target!;
  if (start === target) return 0;
  return ((kr.current ?? start) - start) / (target - start);
}

/**
 * How a KR starts the new cycle: a numeric KR not reached yet from its final value (start and
 * current both the final `current`), a reached one as it ended (restarting it would make start
 * equal its target, or turn the direction of the metric round); threshold, milestone and judged KRs
 * unmet; a KR rolled up from aligned objectives as it was. Nothing of the old cycle's check-ins.
 */
export function restartedKr(kr: KeyResultData): KeyResultData {
  const next: Record<string, unknown> = { ...kr };
  for (const key of KR_DROPPED) delete next[key];
  switch (krKind(kr)) {
    case 'numeric':
      if (numericProgress(kr) < 1) {
        const final = kr.current ?? kr.start!;
        next.start = final;
        next.current = final;
      }
      break;
    case 'threshold':
      delete next.current;
      break;
    case 'milestone':
      next.done = false;
      break;
    case 'judged':
      next.progress = 0;
      break;
    default:
      break;
  }
  return next as unknown as KeyResultData;
}

/** The data of a carried objective: new id, `continues`, parent and dependencies mapped, KRs restarted. */
export function carriedObjective(
  objective: ObjectiveData,
  id: string,
  renamed: ReadonlyMap<string, string>,
): ObjectiveData {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(objective)) {
    if (OBJECTIVE_DROPPED.includes(key) || key === 'continues') continue;
    next[key] = value;
    if (key === 'id') {
      next.id = id;
      next.continues = objective.id;
    }
  }
  if (objective.parent !== undefined) next.parent = mapRef(objective.parent, renamed);
  if (objective.depends_on) next.depends_on = objective.depends_on.map((r) => mapRef(r, renamed));
  if (objective.key_results) next.key_results = objective.key_results.map(restartedKr);
  return next as unknown as ObjectiveData;
}

/** The data of the new file: the old file's, with the new cycle, not closed, only the carried objectives. */
export function rolledData(data: Record<string, unknown>, edit: RolloverEdit): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data, cycle: cycleValue(edit.cycle, data.cycle) };
  delete next.closed;
  const objectives = (data.objectives as ObjectiveData[]) ?? [];
  next.objectives = objectives.flatMap((o, i) => {
    const id = edit.carried.get(i);
    return id === undefined ? [] : [carriedObjective(o, id, edit.renamed)];
  });
  return next;
}

/** A bare year stays a bare year, as the old file wrote it. */
function cycleValue(cycle: string, old: unknown): string | number {
  return typeof old === 'number' && /^\d+$/.test(cycle) ? Number(cycle) : cycle;
}

function pair(map: YAMLMap, key: string): Pair<ParsedNode, ParsedNode> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as
    | Pair<ParsedNode, ParsedNode>
    | undefined;
}

/** Sets the value of `key`, keeping its node (and the comments on it) when there is one. */
function setValue(map: YAMLMap, key: string, value: unknown): void {
  const existing = pair(map, key);
  if (existing && isScalar(existing.value)) {
    existing.value.value = value;
    // A number or boolean is written plain; a string keeps its quotes (the printer adds them if needed).
    if (typeof value !== 'string') existing.value.type = Scalar.PLAIN;
  } else map.set(key, value);
}

/** Sets `key` right after the last of `after` present (or at the end), keeping an existing node. */
function setAfter(map: YAMLMap, key: string, value: unknown, after: readonly string[]): void {
  if (pair(map, key)) {
    setValue(map, key, value);
    return;
  }
  const index = Math.max(
    -1,
    ...after.map((k) => map.items.findIndex((p) => isScalar(p.key) && p.key.value === k)),
  );
  const entry = new Pair(new Scalar(key), new Scalar(value));
  if (index === -1) map.items.push(entry);
  else map.items.splice(index + 1, 0, entry);
}

/** The fields whose values say how far a KR is. */
const VALUE_KEYS = ['start', 'current', 'done', 'progress'] as const;

function editKr(kr: Node | null, data: KeyResultData): void {
  if (!isMap(kr)) throw new CheckinEditError('a key result is not a mapping');
  const next = restartedKr(data);
  for (const key of KR_DROPPED) kr.delete(key);
  for (const key of VALUE_KEYS) {
    if (next[key] === data[key]) continue;
    if (next[key] === undefined) kr.delete(key);
    else setAfter(kr, key, next[key], ['start', 'target', 'keep']);
  }
}

function editObjective(objective: Node | null, data: ObjectiveData, id: string, edit: RolloverEdit): void {
  if (!isMap(objective)) throw new CheckinEditError('an objective is not a mapping');
  const next = carriedObjective(data, id, edit.renamed);
  for (const key of [...OBJECTIVE_DROPPED, 'continues']) objective.delete(key);
  setValue(objective, 'id', id);
  setAfter(objective, 'continues', data.id, ['id']);
  if (next.parent !== undefined) setValue(objective, 'parent', next.parent);
  const depends = pair(objective, 'depends_on')?.value;
  if (isSeq(depends))
    depends.items.forEach((item, i) => {
      if (isScalar(item)) {
        item.value = next.depends_on![i];
        item.type = Scalar.PLAIN;
      }
    });
  const krs = pair(objective, 'key_results')?.value;
  if (isSeq(krs))
    krs.items.forEach((kr, i) => {
      editKr(kr, data.key_results![i]!);
    });
}

/** Whether the file writes `{ a: 1 }` rather than `{a: 1}`, by the majority of its flow collections. */
function paddedFlows(text: string): boolean {
  const padded = text.match(/[[{] +[^\s\]}]/g)?.length ?? 0;
  const tight = text.match(/[[{][^\s\]}]/g)?.length ?? 0;
  return padded >= tight;
}

/**
 * The text of the new cycle's file made from the old file's text: cycle set, `closed` removed,
 * the objectives not carried taken out, the carried ones edited (see `rolledData`), comments kept
 * with what they belong to. Throws CheckinEditError when the result would not hold that data.
 */
export function applyRollover(text: string, edit: RolloverEdit): string {
  const doc = parse(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0)
    throw new CheckinEditError('the file is not valid YAML; run "okr check" and fix it first');
  const data = doc.toJS() as Record<string, unknown>;
  const top = doc.contents;
  if (!isMap(top)) throw new CheckinEditError('the file is not a mapping');
  setValue(top, 'cycle', cycleValue(edit.cycle, data.cycle));
  top.delete('closed');
  const objectives = pair(top, 'objectives')?.value;
  if (isSeq(objectives)) {
    const old = data.objectives as ObjectiveData[];
    const kept: typeof objectives.items = [];
    objectives.items.forEach((item, i) => {
      const id = edit.carried.get(i);
      if (id === undefined) return;
      editObjective(item, old[i]!, id, edit);
      kept.push(item);
    });
    // The parser gives the comment above the first objective to the list: it goes with that objective.
    if (!edit.carried.has(0)) objectives.commentBefore = undefined;
    objectives.items = kept;
    // An empty list is written `[]`, which a block list cannot show.
    if (kept.length === 0) objectives.flow = true;
  }
  const result = doc.toString({ lineWidth: 0, flowCollectionPadding: paddedFlows(text) });
  const after = parse(result);
  if (
    after.errors.length > 0 ||
    after.warnings.length > 0 ||
    !isDeepStrictEqual(after.toJS(), rolledData(data, edit))
  )
    throw new CheckinEditError(
      'the carried objectives cannot be written from this file as it is laid out (an anchor or a tag); copy them by hand',
    );
  return result;
}
