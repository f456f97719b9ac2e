import { formatWorkJson, formatWorkMarkdown, formatWorkText } from '../../format/work.js';
import { startLinkedWork, UnknownWorkRefError, workOf } from '../../run/work.js';
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
  const run = {
    config: ctx.config,
    asOf: ctx.asOf,
    cwd: ctx.cwd,
    repos: listOption(options.repo),
    ...(options.since !== undefined ? { since: options.since } : {}),
  };
  // Git runs while the OKR files load; what it says is heard after them, as if it ran second.
  const stop = new AbortController();
  const linked = startLinkedWork(run, stop.signal);
  const s = await standingForView(ctx, undefined, 'work').catch((error: unknown) => {
    stop.abort();
    throw error;
  });
  if (s === null) {
    stop.abort();
    return 2;
  }
  const all = await gitCommand(() => linked(s.graph));
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
