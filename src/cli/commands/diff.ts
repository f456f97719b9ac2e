import { diffAnalyses, type OkrDiff } from '../../diff/diff.js';
import { formatDiffJson } from '../../format/diff-json.js';
import { formatDiffMarkdown } from '../../format/diff-markdown.js';
import { formatDiffText } from '../../format/diff-text.js';
import { withBlobReader } from '../../git/cat-file.js';
import { okrLogs } from '../../git/log.js';
import {
  defaultBase,
  repositoryFacts,
  requireCommit,
  requireRepository,
  resolveCommit,
} from '../../git/repo.js';
import { judge, shallowNote } from '../../run/judge.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { gitCommand } from '../git-command.js';
import { appendStepSummary } from '../summary.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

export interface DiffOptions {
  format: string;
}

/**
 * What the working tree (or HEAD revision) changes in the OKRs since BASE. Each side's problems are
 * judged exactly as `okr check` judges that version on the same day, git staleness included (from
 * the history up to that version). Also the number of KRs a shallow clone's cut left undated.
 */
export async function computeDiff(
  ctx: CommandContext,
  base?: string,
  head?: string,
): Promise<{ diff: OkrDiff; undatedByTheCut: number }> {
  return gitCommand(async () => {
    const cwd = ctx.root;
    await requireRepository(cwd, 'okr diff');
    const baseSha = base === undefined ? (await defaultBase(cwd)).sha : await requireCommit(cwd, base);
    const headSha = head === undefined ? null : await requireCommit(cwd, head);
    const headTip = headSha ?? (await resolveCommit(cwd, 'HEAD'));
    const [facts, logs] = await Promise.all([
      repositoryFacts(cwd),
      okrLogs(ctx.config, headTip === null ? [baseSha] : [baseSha, headTip]),
    ]);
    const shallow = facts?.shallow ?? false;
    return withBlobReader(cwd, async (reader) => {
      const common = { config: ctx.config, asOf: ctx.asOf, env: ctx.io.env, cache: new Map() };
      const history = (tip: string | null) => ({ reader, shallow, commits: (tip && logs.get(tip)) || [] });
      // The head first: the base's files it has too are neither read from git nor parsed again.
      const after = await judge({
        ...common,
        ...(headSha === null ? {} : { revision: headSha }),
        git: history(headTip),
      });
      const before = await judge({
        ...common,
        revision: baseSha,
        known: after.analysis.load.files.map((file) => file.source.text),
        git: history(baseSha),
      });
      return {
        diff: diffAnalyses(before.analysis, after.analysis, { base: baseSha, head: headSha ?? 'WORKTREE' }),
        undatedByTheCut: Math.max(before.undatedByTheCut, after.undatedByTheCut),
      };
    });
  });
}

export async function runDiff(
  ctx: CommandContext,
  base: string | undefined,
  head: string | undefined,
  options: DiffOptions,
): Promise<number> {
  if (!(DIFF_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}, not "${options.format}"`);
  const { diff, undatedByTheCut } = await computeDiff(ctx, base, head);
  for (const note of shallowNote(undatedByTheCut)) ctx.io.err(note);
  const output =
    options.format === 'json'
      ? formatDiffJson(diff)
      : options.format === 'markdown'
        ? formatDiffMarkdown(diff)
        : formatDiffText(diff, ctx.color);
  ctx.io.out(output);
  appendStepSummary(ctx.io.env, options.format === 'markdown' ? output : formatDiffMarkdown(diff));
  return 0;
}
