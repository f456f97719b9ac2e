import { formatWorkJson, formatWorkMarkdown, formatWorkText } from '../../format/work.js';
import { linkedWork, UnknownWorkRefError, workOf } from '../../run/work.js';
import type { CommandContext } from '../context.js';
import { FatalError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { standingForView } from '../view.js';
import { listOption } from './status.js';

export interface WorkOptions {
  since?: string;
  repo?: string[];
  format: string;
}

/** `okr work [REF]`: the commits linked to each objective and KR by their trailers (SPEC §11). */
export async function runWork(
  ctx: CommandContext,
  ref: string | undefined,
  options: WorkOptions,
): Promise<number> {
  const s = await standingForView(ctx, undefined, 'work');
  if (s === null) return 2;
  const all = await gitCommand(() =>
    linkedWork(s.graph, {
      config: ctx.config,
      asOf: ctx.asOf,
      cwd: ctx.cwd,
      repos: listOption(options.repo),
      ...(options.since !== undefined ? { since: options.since } : {}),
    }),
  );
  let work = all;
  if (ref !== undefined)
    try {
      work = workOf(all, s.graph, ref);
    } catch (error) {
      if (error instanceof UnknownWorkRefError) throw new FatalError(error.message);
      throw error;
    }
  ctx.io.out(
    options.format === 'json'
      ? formatWorkJson(work)
      : options.format === 'markdown'
        ? formatWorkMarkdown(work)
        : formatWorkText(work, ctx.color),
  );
  return 0;
}
