import { cycleWindow } from '../../dates.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unknown-cycle',
    description:
      '`cycle` is neither a built-in form (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM) nor declared in the config.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const { source, data } of ctx.files) {
      if (cycleWindow(data.cycle, ctx.config.cycles)) continue;
      ctx.report({
        file: source.path,
        path: ['cycle'],
        target: null,
        message: `cycle "${data.cycle}" is not a known cycle; use YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM, or declare it under "cycles" in okr.config.yaml`,
      });
    }
  },
};
