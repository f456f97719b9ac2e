import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'no-key-results',
    description: 'An objective has neither key results nor objectives aligned to it.',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      if (objective.keyResults.length > 0 || (ctx.graph.children.get(objective)?.length ?? 0) > 0) continue;
      if (ctx.unavailableParents.has(objective.id)) continue;
      ctx.report({
        file: objective.file,
        path: objective.path,
        target: objective.id,
        message: `objective "${objective.id}" has no key results and nothing aligned to it, so its progress is 0; add key results that measure it`,
      });
    }
  },
};
