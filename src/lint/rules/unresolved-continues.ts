import { cycleWindow, formatDay } from '../../dates.js';
import type { NoOptions, Rule } from '../types.js';
import { describeMissingRef } from '../util.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unresolved-continues',
    description:
      '`continues` names no objective, or one of a cycle that does not end before this one starts.',
    severity: 'error',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      const ref = objective.data.continues;
      if (ref === undefined || ctx.unavailableIds.has(ref)) continue;
      const path = [...objective.path, 'continues'];
      const earlier = ctx.graph.byId.get(ref);
      if (!earlier) {
        ctx.report({
          file: objective.file,
          path,
          target: objective.id,
          message: `objective "${objective.id}" continues "${ref}" ${describeMissingRef(ctx, ref)}`,
        });
        continue;
      }
      // A cycle unknown on either side is unknown-cycle's to report: it cannot be ordered here.
      const [own, theirs] = [objective.cycle, earlier.cycle].map((c) => cycleWindow(c, ctx.config.cycles));
      if (!own || !theirs || theirs.end < own.start) continue;
      ctx.report({
        file: objective.file,
        path,
        target: objective.id,
        message: `objective "${objective.id}" (${objective.cycle}, from ${formatDay(own.start)}) continues "${ref}" of ${earlier.cycle}, which does not end before it starts (${formatDay(theirs.end)}); "continues" names the objective of an earlier cycle that this one carries on`,
      });
    }
  },
};
