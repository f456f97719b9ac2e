import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatWorkJson, formatWorkMarkdown, formatWorkText } from '../../format/work.js';
import {
  messageWork,
  startLinkedWork,
  UnknownWorkRefError,
  unknownMessageRefs,
  workOf,
} from '../../run/work.js';
import type { CommandContext } from '../context.js';
import { errorText, FatalError, UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { standingForView } from '../view.js';
import { listOption } from './status.js';

export interface WorkOptions {
  since?: string;
  repo?: string[];
  format: string;
  /** A commit message file whose trailers are checked instead (the commit-msg hook). */
  checkMessage?: string;
}

/** `okr work [REF]`: the commits linked to each objective and KR by their trailers (SPEC §11). */
export async function runWork(
  ctx: CommandContext,
  ref: string | undefined,
  options: WorkOptions,
): Promise<number> {
  if (options.checkMessage !== undefined) {
    if (ref !== undefined) throw new UsageError(`okr work --check-message takes no REF (got "${ref}")`);
    return checkMessage(ctx, options.checkMessage);
  }
  const run = {
    config: ctx.config,
    asOf: ctx.asOf,
    cwd: ctx.cwd,
    repos: listOption(options.repo),
    env: ctx.io.env,
    cacheDir: ctx.cacheDir,
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

/**
 * `okr work --check-message FILE`: a warning on stderr for each work trailer of the commit message
 * that names no objective or KR. It exits 0 all the same: the commit-msg hook that runs it must never
 * stop a commit. The OKR files are read only when the message has a work trailer.
 */
async function checkMessage(ctx: CommandContext, file: string): Promise<number> {
  const path = resolve(ctx.cwd, file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new FatalError(`--check-message: no such file "${file}"`);
  const trailers = await gitCommand(() => messageWork(ctx.config, path));
  if (trailers.length === 0) return 0;
  const s = await standingForView(ctx, undefined, 'work --check-message');
  if (s === null) return 0;
  const unknown = unknownMessageRefs(s.graph, s.load.unavailableIds, trailers);
  for (const [i, { key, ref, near }] of unknown.entries())
    ctx.io.err(
      errorText(
        `trailer "${key}: ${ref}" of the commit message names no objective or key result${near === null ? '' : ` (did you mean "${near}"?)`}`,
        i === unknown.length - 1
          ? 'a trailer names an objective id or "objective-id/kr-id"; the commit is made all the same: fix its message with "git commit --amend"'
          : undefined,
      ),
    );
  return 0;
}
