import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'alignment-cycle',
    description: 'Following `parent` links from an objective comes back to it.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const cycle of ctx.graph.cycles) {
      const first = cycle[0]!;
      const chain = [...cycle, first].map((o) => `"${o.id}"`).join(' -> ');
      ctx.report({
        file: first.file,
        path: [...first.path, 'parent'],
        target: first.id,
        message: `objective "${first.id}" aligns to itself through its parents: ${chain}; break the cycle by changing one "parent"`,
      });
    }
  },
};
