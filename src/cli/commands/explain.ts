import { formatExplainJson, formatExplainText } from '../../format/explain.js';
import { explain, UnknownExplainRef } from '../../run/explain.js';
import type { CommandContext } from '../context.js';
import { FatalError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { standingForView } from '../view.js';

export interface ExplainOptions {
  format: string;
}

/** Why an objective or KR shows the figures `okr status` shows (SPEC §10). */
export async function runExplain(ctx: CommandContext, ref: string, options: ExplainOptions): Promise<number> {
  const analysis = await standingForView(ctx, undefined, 'explain');
  if (!analysis) return 2;
  const explanation = await gitCommand(async () => {
    try {
      return await explain(analysis, ref, ctx.io.env);
    } catch (error) {
      if (!(error instanceof UnknownExplainRef)) throw error;
      const near = error.near.map((id) => `"${id}"`).join(', ');
      throw new FatalError(
        error.message,
        near
          ? `did you mean ${error.near.length === 1 ? near : `one of ${near}`}?`
          : 'run "okr status --krs" to list the ids',
      );
    }
  });
  ctx.io.out(
    options.format === 'json' ? formatExplainJson(explanation) : formatExplainText(explanation, ctx.color),
  );
  return 0;
}
