import { analyze } from '../../analyze.js';
import { diffAnalyses, type OkrDiff } from '../../diff/diff.js';
import { formatDiffJson } from '../../format/diff-json.js';
import { formatDiffMarkdown } from '../../format/diff-markdown.js';
import { formatDiffText } from '../../format/diff-text.js';
import { knownBlobs, withBlobReader } from '../../git/cat-file.js';
import { defaultBase, requireCommit, requireRepository } from '../../git/repo.js';
import { loadRevision } from '../../git/revision.js';
import { loadWorktree, type SourceCache } from '../../load/texts.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { gitCommand } from '../git.js';
import { appendStepSummary } from '../summary.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

export interface DiffOptions {
  format: string;
}

/** What the working tree (or HEAD revision) changes in the OKRs since BASE. */
export async function computeDiff(ctx: CommandContext, base?: string, head?: string): Promise<OkrDiff> {
  return gitCommand(async () => {
    const cwd = ctx.root;
    await requireRepository(cwd, 'okr diff');
    const baseSha = base === undefined ? (await defaultBase(cwd)).sha : await requireCommit(cwd, base);
    const headSha = head === undefined ? null : await requireCommit(cwd, head);
    const cache: SourceCache = new Map();
    const [baseLoad, headLoad] = await withBlobReader(cwd, async (reader) => {
      if (headSha !== null)
        return [
          await loadRevision(ctx.config, baseSha, reader, cache),
          await loadRevision(ctx.config, headSha, reader, cache),
        ];
      // The working tree first: the base's files it still has are not read from git again.
      const worktree = loadWorktree(ctx.config, cache);
      const known = knownBlobs([...worktree.sources.values()].map((source) => source.text));
      return [await loadRevision(ctx.config, baseSha, reader, cache, known), worktree];
    });
    return diffAnalyses(
      analyze(ctx.config, { asOf: ctx.asOf, load: baseLoad }),
      analyze(ctx.config, { asOf: ctx.asOf, load: headLoad }),
      { base: baseSha, head: headSha ?? 'WORKTREE' },
    );
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
  const diff = await computeDiff(ctx, base, head);
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
