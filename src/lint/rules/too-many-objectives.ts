import type { Objective } from '../../model.js';
import type { Rule } from '../types.js';

export const rule: Rule<{ max: number }> = {
  meta: {
    id: 'too-many-objectives',
    description: 'One owner has more than `max` (5) objectives in one cycle.',
    severity: 'warning',
    options: { max: 5 },
  },
  check(ctx) {
    const { max } = ctx.options;
    const groups = new Map<string, Objective[]>();
    for (const objective of ctx.graph.objectives) {
      const key = JSON.stringify([objective.owner, objective.cycle]);
      const list = groups.get(key) ?? [];
      list.push(objective);
      groups.set(key, list);
    }
    for (const list of groups.values()) {
      if (list.length <= max) continue;
      const first = list[max]!;
      ctx.report({
        file: first.file,
        path: first.path,
        target: first.id,
        message: `"${first.owner}" has ${list.length} objectives in ${first.cycle}; at most ${max} keep a team focused, and "${first.id}" is the first past the limit`,
      });
    }
  },
};
