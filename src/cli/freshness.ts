import type { Diagnostic } from '../diagnostics.js';
import type { Standing } from '../rollup/standing.js';
import type { KrFreshness } from '../run/views/status.js';
import type { CommandContext } from './context.js';
import { gitCommand } from './git-command.js';

const STALE_KR: ReadonlySet<string> = new Set(['stale-kr']);

/**
 * Which KRs are stale, judged as `okr check` judges them (the same rules over the same git history:
 * `gitDates` of run/judge.ts), and the day git last saw each KR's value change. With `fromGit` false
 * (a view of another revision) staleness counts check-ins only.
 */
export async function krFreshness(
  ctx: CommandContext,
  standing: Standing,
  options: { fromGit: boolean } = { fromGit: true },
): Promise<KrFreshness> {
  const [{ lintStanding }, { mayBeRepository }] = await Promise.all([
    import('../run/analyze.js'),
    import('../git/state.js'),
  ]);
  // Outside a repository okr's git modules are not even loaded.
  const lastChanged =
    options.fromGit && mayBeRepository(ctx.root, ctx.io.env)
      ? (
          await gitCommand(async () =>
            (
              await import('../run/judge.js')
            ).gitDates({ config: ctx.config, asOf: ctx.asOf, env: ctx.io.env }, standing.load),
          )
        )?.days
      : undefined;
  // stale-kr alone: its verdict, its disable comments and its severity are those of okr check.
  const problems = lintStanding(standing, { ...(lastChanged ? { lastChanged } : {}), only: STALE_KR });
  return freshnessOf(problems, lastChanged);
}

/** The KRs' freshness from judged problems (their stale-kr ones) and the dates git gave the judgement. */
export function freshnessOf(
  problems: readonly Diagnostic[],
  lastChanged: ReadonlyMap<string, number> | undefined,
): KrFreshness {
  const stale = new Set<string>();
  for (const d of problems) if (d.ruleId === 'stale-kr' && d.target !== null) stale.add(d.target);
  return { ...(lastChanged ? { lastChanged } : {}), stale };
}
