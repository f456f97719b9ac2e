import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'orphan-objective',
    description: 'An objective with no `parent`, no `theme`, and an owner that is not in `roots`.',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    const roots = new Set(ctx.config.roots);
    for (const objective of ctx.graph.objectives) {
      const { parent, theme } = objective.data;
      if (parent !== undefined || theme !== undefined || roots.has(objective.owner)) continue;
      ctx.report({
        file: objective.file,
        path: objective.path,
        target: objective.id,
        message: `objective "${objective.id}" of "${objective.owner}" aligns to nothing; add a "parent" or a "theme", or list "${objective.owner}" under "roots" in okr.config.yaml`,
      });
    }
  },
};
