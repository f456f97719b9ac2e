import { trendSeries } from '../run/history/last-changed.js';
import type { CommandContext } from './context.js';
import { gitCommand } from './git-command.js';

/** Each KR's values over the commits that changed them, for trend lines; empty outside git. */
export async function gitTrendSeries(
  ctx: CommandContext,
): Promise<Map<string, { day: number; value: number }[]>> {
  return gitCommand(() => trendSeries(ctx.config, ctx.asOf));
}
