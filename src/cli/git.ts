import { withBlobReader } from '../git/cat-file.js';
import { gitTopLevel, requireCommit, requireRepository } from '../git/repo.js';
import type { LoadResult } from '../load/load.js';
import { gitValueSeries } from '../run/history/last-changed.js';
import { loadRevision } from '../run/revision.js';
import type { CommandContext } from './context.js';
import { gitCommand } from './git-command.js';

/** The OKR files of a revision, read from git (not checked out) with the working tree's config. */
export async function loadAt(ctx: CommandContext, rev: string, command: string): Promise<LoadResult> {
  return gitCommand(async () => {
    await requireRepository(ctx.root, command);
    const sha = await requireCommit(ctx.root, rev);
    return withBlobReader(ctx.root, (reader) => loadRevision(ctx.config, sha, reader));
  });
}

/** Each KR's values over the commits that changed them, for trend lines; empty outside git. */
export async function gitTrendSeries(
  ctx: CommandContext,
): Promise<Map<string, { day: number; value: number }[]>> {
  return gitCommand(async () => {
    if ((await gitTopLevel(ctx.root)) === null) return new Map();
    return withBlobReader(ctx.root, (reader) => gitValueSeries(ctx.config, reader, ctx.asOf));
  });
}
