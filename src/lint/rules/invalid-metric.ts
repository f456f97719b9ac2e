import { checkedKrs } from '../../graph/graph.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'invalid-metric',
    description:
      'A numeric key result with start equal to target, or weights that sum to 0 where a mean is taken.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const kr of checkedKrs(ctx.graph)) {
      if (kr.kind !== 'numeric' || kr.data.start !== kr.data.target) continue;
      ctx.report({
        file: kr.file,
        path: kr.path,
        target: kr.fullId,
        message: `key result "${kr.fullId}" has start and target both ${kr.data.start}, so no progress can be measured; set the target to the value to reach`,
      });
    }
    for (const zero of ctx.rollup.zeroWeights) {
      ctx.report({
        file: zero.file,
        path: zero.path,
        target: zero.target,
        message: `the weights of the ${zero.over} of "${zero.target}" sum to 0, so its progress cannot be computed; give at least one a weight above 0`,
      });
    }
  },
};
