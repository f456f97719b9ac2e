import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'uncounted-kr',
    description:
      "An objective's progress comes from its children only (rollup `children`), so its own measured key results count for nothing.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      if (ctx.rollup.inputs.get(objective)?.mode !== 'children') continue;
      // A KR measured by the objectives aligned to it counts through them: they are children too.
      for (const kr of objective.keyResults) {
        if (kr.kind === 'rollup') continue;
        ctx.report({
          file: kr.file,
          path: kr.path,
          target: kr.fullId,
          message: `key result "${kr.fullId}" counts for nothing: objective "${objective.id}" takes its progress from its children only (rollup: children); set "rollup: both" on "${objective.id}" to count it, or drop the key result or move it to a child objective`,
        });
      }
    }
  },
};
