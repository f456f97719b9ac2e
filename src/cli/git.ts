import { knownBlobs, withBlobReader } from '../git/cat-file.js';
import { GitError } from '../git/errors.js';
import { okrLog } from '../git/log.js';
import { gitTopLevel, repositoryFacts, requireCommit, requireRepository } from '../git/repo.js';
import { loadRevision } from '../git/revision.js';
import { mayBeRepository } from '../git/state.js';
import { buildGraph, type Graph } from '../graph/graph.js';
import { gitLastChanged, gitValueSeries } from '../history/last-changed.js';
import type { LoadResult } from '../load/load.js';
import type { SourceCache } from '../load/texts.js';
import type { OkrFile } from '../model.js';
import type { CommandContext } from './context.js';
import { FatalError } from './errors.js';

/** Runs a command's git work, turning a git state the user must change into exit 2 with its message. */
export async function gitCommand<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GitError) throw new FatalError(error.message);
    throw error;
  }
}

/** The OKR files of a revision, read from git (not checked out) with the working tree's config. */
export async function loadAt(ctx: CommandContext, rev: string, command: string): Promise<LoadResult> {
  return gitCommand(async () => {
    await requireRepository(ctx.root, command);
    const sha = await requireCommit(ctx.root, rev);
    return withBlobReader(ctx.root, (reader) => loadRevision(ctx.config, sha, reader));
  });
}

export interface CheckGitInputs {
  lastChanged?: Map<string, number>;
  baseline?: Graph;
}

/**
 * What `okr check` reads from git, through one `git cat-file --batch`: the day each KR's value last
 * changed (for stale-kr; nothing outside git) and, with `--base REF`, the base's graph (moved-goalpost).
 * Git starts at once and is read once the working tree is loaded: `git log` runs on another core
 * while okr parses. Call the returned function with the working tree's files.
 */
export function startCheckGitInputs(
  ctx: CommandContext,
  base: string | undefined,
): (worktree: readonly OkrFile[], cache?: SourceCache) => Promise<CheckGitInputs> {
  // None of these rejects: each answers null, [] or false when git cannot tell.
  const repository = base !== undefined || mayBeRepository(ctx.root, process.env);
  const facts = repository ? repositoryFacts(ctx.root) : Promise.resolve(null);
  const commits = repository ? okrLog(ctx.config) : Promise.resolve([]);
  return (worktree, cache) =>
    gitCommand(async () => {
      if (base !== undefined) await requireRepository(ctx.root, 'okr check --base');
      else if ((await facts) === null) return {};
      const baseSha = base === undefined ? null : await requireCommit(ctx.root, base);
      return withBlobReader(ctx.root, async (reader) => {
        const inputs: CheckGitInputs = {};
        const lastChanged = await gitLastChanged(await commits, (await facts)?.shallow ?? false, reader, {
          files: worktree,
          day: ctx.asOf,
        });
        if (lastChanged) inputs.lastChanged = lastChanged;
        if (baseSha !== null)
          inputs.baseline = buildGraph(
            (
              await loadRevision(
                ctx.config,
                baseSha,
                reader,
                cache,
                knownBlobs(worktree.map((file) => file.source.text)),
              )
            ).files,
            ctx.config.rollup,
          );
        return inputs;
      });
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
