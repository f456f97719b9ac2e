import type { Rule } from '../types.js';

export const rule: Rule<{ max: number }> = {
  meta: {
    id: 'too-many-krs',
    description: 'An objective has more than `max` (5) key results.',
    severity: 'warning',
    options: { max: 5 },
  },
  check(ctx) {
    const { max } = ctx.options;
    for (const objective of ctx.graph.objectives) {
      const count = objective.data.key_results?.length ?? 0;
      if (count <= max) continue;
      ctx.report({
        file: objective.file,
        path: objective.path,
        target: objective.id,
        message: `objective "${objective.id}" has ${count} key results; at most ${max} keep a team focused`,
      });
    }
  },
};
