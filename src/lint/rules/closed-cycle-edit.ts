import type { KeyResult, Objective, YamlPath } from '../../model.js';
import type { NoOptions, Rule } from '../types.js';

/** The fields that make a KR's score: frozen once its cycle is closed. */
const KR_FIELDS = ['current', 'start', 'target', 'keep', 'done', 'progress', 'weight'] as const;

type Value = string | number | boolean | null;

const show = (value: Value) => (value === null ? 'nothing' : JSON.stringify(value));

function krValue(kr: KeyResult, field: (typeof KR_FIELDS)[number]): Value {
  return field === 'weight' ? kr.weight : (kr.data[field] ?? null);
}

interface Edit {
  what: 'objective' | 'key result';
  id: string;
  field: string;
  from: Value;
  to: Value;
  /** Where the field is in the head: its value, or the mapping that no longer has it. */
  path: YamlPath;
}

/** The score fields of `objective` and its KRs that differ from the base's objective `before`. */
function edits(objective: Objective, before: Objective, base: ReadonlyMap<string, KeyResult>): Edit[] {
  const at = (path: YamlPath, field: string, data: object) => (field in data ? [...path, field] : path);
  const found: Edit[] = [];
  if (before.weight !== objective.weight)
    found.push({
      what: 'objective',
      id: objective.id,
      field: 'weight',
      from: before.weight,
      to: objective.weight,
      path: at(objective.path, 'weight', objective.data),
    });
  for (const kr of objective.keyResults) {
    const old = base.get(kr.fullId);
    if (!old) continue;
    for (const field of KR_FIELDS) {
      const [from, to] = [krValue(old, field), krValue(kr, field)];
      if (from !== to)
        found.push({ what: 'key result', id: kr.fullId, field, from, to, path: at(kr.path, field, kr.data) });
    }
  }
  return found;
}

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'closed-cycle-edit',
    description:
      'With `okr check --base REF`: a value, start, target, keep, done, progress or weight changed in a file that was closed (`closed:`) at REF.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    const base = ctx.baseline;
    if (!base) return;
    for (const objective of ctx.graph.objectives) {
      // Closed at the base: a change that closes a cycle may still record its last values.
      const before = base.byId.get(objective.id);
      if (before?.closed === undefined) continue;
      for (const edit of edits(objective, before, base.krs))
        ctx.report({
          file: objective.file,
          path: edit.path,
          target: edit.id,
          message: `${edit.what} "${edit.id}" changes its ${edit.field} from ${show(edit.from)} to ${show(edit.to)}, but cycle "${before.cycle}" was closed on ${before.closed}: a closed cycle's numbers are final; undo the change, or reopen the cycle by removing "closed:" in a change of its own`,
        });
    }
  },
};
