import type { Rule } from '../types.js';

// A digit that starts a number: not one inside a word such as "B2B" or "p95".
const NUMBER = /(?<![\p{L}\p{N}])[+-]?\p{Nd}[\p{Nd}.,]*\s*(%|x\b|k\b|m\b)?/u;

export const rule: Rule = {
  meta: {
    id: 'metric-in-objective',
    description: "The objective's title contains a number: numbers belong in key results.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      const match = NUMBER.exec(objective.title);
      if (!match) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'title'],
        target: objective.id,
        message: `the title of objective "${objective.id}" contains the number "${match[0].trim()}"; keep the objective qualitative and move the number into a key result`,
      });
    }
  },
};
