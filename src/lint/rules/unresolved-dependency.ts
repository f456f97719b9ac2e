import { resolveRef } from '../../graph/graph.js';
import type { NoOptions, Rule } from '../types.js';
import { describeMissingRef } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unresolved-dependency',
    description: 'A `depends_on` entry names no objective or key result.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      objective.data.depends_on?.forEach((ref, i) => {
        if (resolveRef(ctx.graph, ref) || ctx.unavailableIds.has(ref)) return;
        ctx.report({
          file: objective.file,
          path: [...objective.path, 'depends_on', i],
          target: objective.id,
          message: `objective "${objective.id}" depends on "${ref}" ${describeMissingRef(ctx, ref)}`,
        });
      });
    }
  },
};
