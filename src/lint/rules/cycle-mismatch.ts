import { cycleWindow } from '../../dates.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'cycle-mismatch',
    description: "An objective's cycle window is not inside its parent's cycle window.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const [objective, link] of ctx.graph.parents) {
      const own = cycleWindow(objective.cycle, ctx.config.cycles);
      const parent = cycleWindow(link.objective.cycle, ctx.config.cycles);
      if (!own || !parent || (own.start >= parent.start && own.end <= parent.end)) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'parent'],
        target: objective.id,
        message: `objective "${objective.id}" (${objective.cycle}) aligns to "${objective.data.parent}" of ${link.objective.cycle}, which ends or starts outside it; align to an objective of the same or an enclosing cycle`,
      });
    }
  },
};
