import type { Standing } from '../rollup/standing.js';
import type { KrFreshness } from '../run/views/status.js';
import type { CommandContext } from './context.js';
import { gitCommand } from './git-command.js';

/**
 * Which KRs are stale, judged as `okr check` judges them (run/freshness.ts). With `fromGit` false
 * (a view of another revision) staleness counts check-ins only.
 */
export async function krFreshness(
  ctx: CommandContext,
  standing: Standing,
  options: { fromGit: boolean } = { fromGit: true },
): Promise<KrFreshness> {
  const { krFreshness: judgeFreshness } = await import('../run/freshness.js');
  const { config, asOf } = ctx;
  return gitCommand(() =>
    judgeFreshness(standing, { config, asOf, env: ctx.io.env, cacheDir: ctx.cacheDir, ...options }),
  );
}
