import { checkedKrs } from '../../graph/graph.js';
import type { Rule } from '../types.js';
import { firstWord } from '../util.js';

const OUTPUT_VERBS = [
  'launch',
  'ship',
  'build',
  'implement',
  'create',
  'write',
  'release',
  'deliver',
  'complete',
  'finish',
  'publish',
  'hold',
];

export const rule: Rule = {
  meta: {
    id: 'output-kr',
    description:
      'A milestone key result whose title starts with an output verb (launch, ship, build, …): it measures work done, not an outcome.',
    severity: 'warning',
    options: { verbs: [] },
  },
  check(ctx) {
    const verbs = new Set([...OUTPUT_VERBS, ...(ctx.options.verbs as string[])].map((v) => v.toLowerCase()));
    for (const kr of checkedKrs(ctx.graph)) {
      if (kr.kind !== 'milestone') continue;
      const first = firstWord(kr.title)?.toLowerCase();
      if (!first || !verbs.has(first)) continue;
      ctx.report({
        file: kr.file,
        path: [...kr.path, 'title'],
        target: kr.fullId,
        message: `key result "${kr.fullId}" starts with "${first}": it counts work done, not an outcome; measure what the work changes instead`,
      });
    }
  },
};
