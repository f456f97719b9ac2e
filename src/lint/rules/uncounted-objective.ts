import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'uncounted-objective',
    description:
      "An objective's `parent` is an objective whose progress comes from its key results only (rollup `krs`), so the child counts for nothing.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const [objective, link] of ctx.graph.rollupParents) {
      if (link.kr !== null || ctx.rollup.inputs.get(link.objective)?.mode !== 'krs') continue;
      const parent = link.objective;
      const krs = parent.keyResults.map((k) => k.fullId).join(', ');
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'parent'],
        target: objective.id,
        message: `objective "${objective.id}" aligns to "${parent.id}", whose progress comes from its key results only (rollup: krs), so "${objective.id}" counts for nothing; align it to one of the key results of "${parent.id}" (${krs}) or set the rollup of "${parent.id}" to both or children`,
      });
    }
  },
};
