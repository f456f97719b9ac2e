import { withBlobReader } from '../git/cat-file.js';
import { GitError } from '../git/errors.js';
import { requireCommit, requireRepository } from '../git/repo.js';
import { loadRevision } from '../git/revision.js';
import { buildGraph, type Graph } from '../graph/graph.js';
import type { LoadResult } from '../load/load.js';
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

/** The alignment graph of a base revision, for `okr check --base REF`. */
export async function baselineGraph(ctx: CommandContext, rev: string): Promise<Graph> {
  const load = await loadAt(ctx, rev, 'okr check --base');
  return buildGraph(load.files, ctx.config.rollup);
}
