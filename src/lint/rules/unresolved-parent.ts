import type { NoOptions, Rule } from '../types.js';
import { describeMissingRef } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unresolved-parent',
    description: '`parent` names no objective or key result.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      const ref = objective.data.parent;
      if (ref === undefined || ctx.graph.parents.has(objective) || ctx.unavailableIds.has(ref)) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'parent'],
        target: objective.id,
        message: `objective "${objective.id}" has parent "${ref}" ${describeMissingRef(ctx, ref)}`,
      });
    }
  },
};
