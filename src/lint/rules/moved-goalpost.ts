import { formatDay } from '../../dates.js';
import type { FieldValue } from '../../graph/changes.js';
import type { NoOptions, Rule } from '../types.js';

const show = (value: FieldValue) => (value === null ? 'nothing' : JSON.stringify(value));

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'moved-goalpost',
    description:
      "With `okr check --base REF`: a key result's target, start, keep or weight, or an objective's type or weight, changed after its cycle started.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const change of ctx.changes) {
      if (!change.movedGoalpost) continue;
      const what = change.kind === 'kr' ? 'key result' : 'objective';
      const started = change.cycleStart === null ? '' : ` on ${formatDay(change.cycleStart)}`;
      ctx.report({
        file: change.file,
        path: change.path,
        target: change.id,
        message: `${what} "${change.id}" changes its ${change.field} from ${show(change.from)} to ${show(change.to)} after cycle "${change.cycle}" started${started}; keep the goal and record the miss (a check-in note), or agree the change and silence it with "# okr-disable-line moved-goalpost"`,
      });
    }
  },
};
