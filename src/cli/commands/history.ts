import { formatHistoryJson, formatHistoryText } from '../../format/history.js';
import type { History } from '../../run/history/points.js';
import { refHistory, UnknownRefError } from '../../run/history.js';
import type { CommandContext } from '../context.js';
import { FatalError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { pointedBelow } from '../view.js';

export interface HistoryOptions {
  format: string;
}

/** A KR's values (or an objective's progress) over time (see run/history.ts); a shallow clone said on stderr. */
export async function computeHistory(ctx: CommandContext, ref: string): Promise<History> {
  const { history, shallow } = await gitCommand(async () => {
    try {
      return await refHistory({ config: ctx.config, asOf: ctx.asOf, ref });
    } catch (error) {
      if (error instanceof UnknownRefError) throw new FatalError(error.message);
      throw error;
    }
  });
  if (shallow)
    ctx.io.err(
      'okr: this is a shallow clone: history before its first commit is not shown; run "git fetch --unshallow" for all of it\n',
    );
  return history;
}

export async function runHistory(ctx: CommandContext, ref: string, options: HistoryOptions): Promise<number> {
  if (pointedBelow(ctx, `history ${ref}`)) return 2;
  const history = await computeHistory(ctx, ref);
  ctx.io.out(options.format === 'json' ? formatHistoryJson(history) : formatHistoryText(history, ctx.color));
  return 0;
}
