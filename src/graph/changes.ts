import { cycleWindow } from '../dates.js';
import type { Config, KeyResult, Objective, YamlPath } from '../model.js';
import type { Graph } from './graph.js';

/** The fields `okr diff` compares (SPEC §9), in the order it lists them. */
export type ChangedField =
  | 'title'
  | 'description'
  | 'parent'
  | 'theme'
  | 'depends_on'
  | 'target'
  | 'start'
  | 'keep'
  | 'unit'
  | 'weight'
  | 'type'
  | 'owner'
  | 'cycle'
  | 'rollup'
  | 'retro';

/** A field's value; `depends_on` is a list of references. */
export type FieldValue = string | number | readonly string[] | null;

export interface FieldChange {
  /** Objective id or KR full id. */
  id: string;
  kind: 'objective' | 'kr';
  field: ChangedField;
  from: FieldValue;
  to: FieldValue;
  /** A goalpost field changed after the cycle had started (at the date the change is judged). */
  movedGoalpost: boolean;
  /** Where the new value is, in the head's files. */
  file: string;
  path: YamlPath;
  /** The cycle and its first day, for messages about moved goalposts. */
  cycle: string;
  cycleStart: number | null;
}

const OBJECTIVE_FIELDS = [
  'title',
  'description',
  'parent',
  'theme',
  'depends_on',
  'type',
  'owner',
  'cycle',
  'weight',
  'rollup',
  'retro',
] as const;
const KR_FIELDS = ['title', 'description', 'start', 'target', 'keep', 'unit', 'weight', 'retro'] as const;
/**
 * Fields that decide what counts as success: changing them once the cycle runs moves the goalposts.
 * An objective's weight decides how much it counts in its parent's progress, as a KR's does in its
 * objective's.
 */
const GOALPOSTS: Record<FieldChange['kind'], ReadonlySet<ChangedField>> = {
  objective: new Set(['type', 'weight']),
  kr: new Set(['target', 'start', 'keep', 'weight']),
};

function objectiveField(o: Objective, field: (typeof OBJECTIVE_FIELDS)[number]): FieldValue {
  switch (field) {
    case 'description':
    case 'retro':
    case 'parent':
    case 'theme':
      return o.data[field] ?? null;
    case 'depends_on':
      return o.data.depends_on ?? null;
    default:
      return o[field];
  }
}

function krField(k: KeyResult, field: (typeof KR_FIELDS)[number]): FieldValue {
  if (field === 'title') return k.title;
  if (field === 'weight') return k.weight;
  return k.data[field] ?? null;
}

/** Whether two values of a field are the same: lists by their entries, in order. */
function same(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Where a field lives in the head's file: the key of the objective or KR, or its mapping when absent. */
function fieldPath(base: YamlPath, field: ChangedField, present: boolean, objective: Objective): YamlPath {
  if (field === 'cycle') return ['cycle'];
  if (field === 'owner' && objective.data.owner === undefined) return ['owner'];
  return present ? [...base, field] : base;
}

/**
 * The fields of objectives and KRs present on both sides (by id, wherever their files are) whose
 * value differs; goalpost fields changed while the head's cycle had started at `asOf` are flagged.
 * Order: the head's file order, each objective before its KRs.
 */
export function fieldChanges(base: Graph, head: Graph, config: Config, asOf: number): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const objective of head.objectives) {
    const window = cycleWindow(objective.cycle, config.cycles);
    const started = window !== null && asOf >= window.start;
    const push = (
      id: string,
      kind: FieldChange['kind'],
      field: ChangedField,
      from: FieldValue,
      to: FieldValue,
      path: YamlPath,
    ) =>
      changes.push({
        id,
        kind,
        field,
        from,
        to,
        movedGoalpost: started && GOALPOSTS[kind].has(field),
        file: objective.file,
        path,
        cycle: objective.cycle,
        cycleStart: window?.start ?? null,
      });
    const before = base.byId.get(objective.id);
    if (before)
      for (const field of OBJECTIVE_FIELDS) {
        const [from, to] = [objectiveField(before, field), objectiveField(objective, field)];
        if (same(from, to)) continue;
        const present = field in objective.data;
        push(
          objective.id,
          'objective',
          field,
          from,
          to,
          fieldPath(objective.path, field, present, objective),
        );
      }
    for (const kr of objective.keyResults) {
      const old = base.krs.get(kr.fullId);
      if (!old) continue;
      for (const field of KR_FIELDS) {
        const [from, to] = [krField(old, field), krField(kr, field)];
        if (same(from, to)) continue;
        push(kr.fullId, 'kr', field, from, to, fieldPath(kr.path, field, field in kr.data, objective));
      }
    }
  }
  return changes;
}
