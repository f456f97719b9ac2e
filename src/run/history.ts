import { formatDay } from '../dates.js';
import { withBlobReader } from '../git/cat-file.js';
import { okrLog } from '../git/log.js';
import { isShallow, requireCommit, requireRepository } from '../git/repo.js';
import type { Config } from '../model.js';
import { gitPoints, type History, worktreeGraph } from './history/points.js';

/** The ref names no objective or KR, in the working tree or in git history: the user must fix it. */
export class UnknownRefError extends Error {}

export interface HistoryRunOptions {
  config: Config;
  /** Points after this day are left out: they were not known on it. */
  asOf: number;
  /** An objective id or a KR's full id. */
  ref: string;
}

/**
 * A KR's values (or an objective's progress) over time, from the commits that changed it and its
 * check-ins, one point a recorded value; and whether the clone is shallow (its history cut short).
 * A git state the user must change is a GitError; a ref that names nothing, an UnknownRefError.
 */
export async function refHistory(
  options: HistoryRunOptions,
): Promise<{ history: History; shallow: boolean }> {
  const { config, ref } = options;
  const cwd = config.root;
  await requireRepository(cwd, 'okr history');
  await requireCommit(cwd, 'HEAD');
  const commits = await okrLog(config);
  const worktree = worktreeGraph(config, ref);
  const kr = worktree.krs.get(ref);
  const points = await withBlobReader(cwd, (reader) =>
    gitPoints(commits, (blob) => reader.read(blob), ref, config.rollup, { kr }),
  );
  const known = points.length > 0 || (ref.includes('/') ? kr !== undefined : worktree.byId.has(ref));
  if (!known)
    throw new UnknownRefError(
      `no objective or key result "${ref}" in the working tree or in git history; use an objective id or "objective-id/kr-id" (see "okr status --krs")`,
    );
  const until = formatDay(options.asOf);
  return { history: { ref, points: points.filter((p) => p.date <= until) }, shallow: await isShallow(cwd) };
}
