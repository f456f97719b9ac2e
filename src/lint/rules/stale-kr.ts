import { cycleWindow, formatDay, parseDay } from '../../dates.js';
import { settledByItself } from '../../rollup/status.js';
import type { Rule } from '../types.js';

export const rule: Rule<{ days: number }> = {
  meta: {
    id: 'stale-kr',
    description:
      "In a running cycle, a key result's latest check-in (or, without check-ins, its last change in git) is older than `days` (14); never in a closed file.",
    severity: 'warning',
    options: { days: 14 },
  },
  check(ctx) {
    const { days } = ctx.options;
    for (const kr of ctx.graph.krs.values()) {
      // A closed cycle's numbers are final (okr close): there is nothing left to check in.
      if (kr.kind === 'rollup' || kr.objective.closed !== undefined) continue;
      // Done and settled: nothing left to check in. A threshold KR inside its line is not (SPEC §5).
      if ((ctx.rollup.kr.get(kr) ?? 0) >= 1 && settledByItself(kr, ctx.config, ctx.asOf)) continue;
      const window = cycleWindow(kr.objective.cycle, ctx.config.cycles);
      if (!window || ctx.asOf < window.start || ctx.asOf > window.end) continue;
      let latest: number | null = null;
      let source = 'check-in';
      for (const checkin of kr.data.checkins ?? []) {
        const day = parseDay(checkin.date);
        if (day !== null && (latest === null || day > latest)) latest = day;
      }
      // Git is the fallback for a KR without check-ins (SPEC §8): a check-in is what updates a KR.
      const changed = ctx.lastChanged.get(kr.fullId);
      if (latest === null && changed !== undefined) [latest, source] = [changed, 'change'];
      // Staleness counts from the cycle's start: a KR cannot be stale before it could be checked in.
      const since = latest === null ? null : Math.max(latest, window.start);
      if (since === null || ctx.asOf - since <= days) continue;
      ctx.report({
        file: kr.file,
        path: kr.path,
        target: kr.fullId,
        message: `key result "${kr.fullId}" was last updated ${ctx.asOf - latest!} days ago (${source} on ${formatDay(latest!)}); check in at least every ${days} days with "okr checkin ${kr.fullId} VALUE"`,
      });
    }
  },
};
