import { checkedKrs } from '../../graph/graph.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unmeasured-kr',
    description: 'A key result has no measure and no objective aligned to it.',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const kr of checkedKrs(ctx.graph)) {
      if (kr.kind !== 'rollup' || (ctx.graph.alignedTo.get(kr)?.length ?? 0) > 0) continue;
      if (ctx.graph.krs.get(kr.fullId) === kr && ctx.unavailableParents.has(kr.fullId)) continue;
      ctx.report({
        file: kr.file,
        path: kr.path,
        target: kr.fullId,
        message: `key result "${kr.fullId}" has no measure and no objective aligned to it; add start+target, target+keep, done or progress`,
      });
    }
  },
};
