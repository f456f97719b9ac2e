import type { LoadResult } from '../load/load.js';
import { trendSeries } from '../run/history/last-changed.js';
import { loadAtRevision } from '../run/revision.js';
import type { CommandContext } from './context.js';
import { gitCommand } from './git-command.js';

/** The OKR files of a revision, read from git (not checked out) with the working tree's config. */
export async function loadAt(ctx: CommandContext, rev: string, command: string): Promise<LoadResult> {
  return gitCommand(() => loadAtRevision(ctx.config, rev, command));
}

/** Each KR's values over the commits that changed them, for trend lines; empty outside git. */
export async function gitTrendSeries(
  ctx: CommandContext,
): Promise<Map<string, { day: number; value: number }[]>> {
  return gitCommand(() => trendSeries(ctx.config, ctx.asOf));
}
