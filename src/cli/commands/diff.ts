import { formatDiffJson } from '../../format/diff-json.js';
import { formatDiffMarkdown } from '../../format/diff-markdown.js';
import { formatDiffText } from '../../format/diff-text.js';
import { type DiffResult, diffRevisions } from '../../run/diff.js';
import { shallowNote } from '../../run/judge.js';
import type { CommandContext } from '../context.js';
import { gitCommand } from '../git-command.js';
import { appendStepSummary } from '../summary.js';
import { pointedBelow } from '../view.js';

export interface DiffOptions {
  format: string;
}

/** What the working tree (or HEAD revision) changes in the OKRs since BASE (see run/diff.ts). */
export async function computeDiff(
  ctx: CommandContext,
  base: string | undefined,
  head: string | undefined,
  claims: boolean,
): Promise<DiffResult> {
  return gitCommand(() =>
    diffRevisions({
      config: ctx.config,
      asOf: ctx.asOf,
      env: ctx.io.env,
      claims,
      ...(base === undefined ? {} : { base }),
      ...(head === undefined ? {} : { head }),
    }),
  );
}

export async function runDiff(
  ctx: CommandContext,
  base: string | undefined,
  head: string | undefined,
  options: DiffOptions,
): Promise<number> {
  if (pointedBelow(ctx, 'diff')) return 2;
  // The markdown (printed, or appended as the job summary) shows what the commits claim.
  const markdown = options.format === 'markdown' || Boolean(ctx.io.env.GITHUB_STEP_SUMMARY);
  const { diff, undatedByTheCut, claimed } = await computeDiff(ctx, base, head, markdown);
  for (const note of shallowNote(undatedByTheCut)) ctx.io.err(note);
  const output =
    options.format === 'json'
      ? formatDiffJson(diff)
      : options.format === 'markdown'
        ? formatDiffMarkdown(diff, claimed)
        : formatDiffText(diff, ctx.color);
  ctx.io.out(output);
  appendStepSummary(ctx.io.env, options.format === 'markdown' ? output : formatDiffMarkdown(diff, claimed));
  return 0;
}
