import { formatDay } from '../../dates.js';
import { formatHistoryJson, formatHistoryText } from '../../format/history.js';
import { withBlobReader } from '../../git/cat-file.js';
import { okrLog } from '../../git/log.js';
import { isShallow, requireCommit, requireRepository } from '../../git/repo.js';
import { gitPoints, type History, worktreeGraph } from '../../history/history.js';
import type { CommandContext } from '../context.js';
import { FatalError, UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';

export const HISTORY_FORMATS = ['text', 'json'] as const;

export interface HistoryOptions {
  format: string;
}

/** A KR's values (or an objective's progress) over time: commits that changed it, and its check-ins. */
export async function computeHistory(ctx: CommandContext, ref: string): Promise<History> {
  return gitCommand(async () => {
    const cwd = ctx.root;
    await requireRepository(cwd, 'okr history');
    await requireCommit(cwd, 'HEAD');
    const commits = await okrLog(ctx.config);
    const worktree = worktreeGraph(ctx.config, ref);
    const kr = worktree.krs.get(ref);
    const points = await withBlobReader(cwd, (reader) =>
      gitPoints(commits, (blob) => reader.read(blob), ref, ctx.config.rollup, { kr }),
    );
    const known = points.length > 0 || (ref.includes('/') ? kr !== undefined : worktree.byId.has(ref));
    if (!known)
      throw new FatalError(
        `no objective or key result "${ref}" in the working tree or in git history; use an objective id or "objective-id/kr-id" (see "okr status --krs")`,
      );
    if (await isShallow(cwd))
      ctx.io.err(
        'okr: this is a shallow clone: history before its first commit is not shown; run "git fetch --unshallow" for all of it\n',
      );
    // What happened after the day asked about (`--as-of`) is not known yet on that day.
    const until = formatDay(ctx.asOf);
    return { ref, points: points.filter((p) => p.date <= until) };
  });
}

export async function runHistory(ctx: CommandContext, ref: string, options: HistoryOptions): Promise<number> {
  if (!(HISTORY_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format must be one of ${HISTORY_FORMATS.join(', ')}, not "${options.format}"`);
  const history = await computeHistory(ctx, ref);
  ctx.io.out(options.format === 'json' ? formatHistoryJson(history) : formatHistoryText(history, ctx.color));
  return 0;
}
