import { formatDay } from '../dates.js';
import { type BlobReader, withBlobReader } from '../git/cat-file.js';
import { okrLog } from '../git/log.js';
import { isShallow, requireCommit, requireRepository } from '../git/repo.js';
import type { Graph } from '../graph/graph.js';
import type { Config } from '../model.js';
import {
  type ChainLink,
  gitPoints,
  type History,
  type HistoryPoint,
  worktreeGraph,
} from './history/points.js';

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
  const chain = continuesChain(config, ref, worktree);
  const until = formatDay(options.asOf);
  const pointsOf = (link: string, graph: Graph, reader: BlobReader) =>
    gitPoints(commits, (blob) => reader.read(blob), link, config.rollup, { kr: graph.krs.get(link) }).then(
      (points) => points.filter((p) => p.date <= until),
    );
  if (chain.length > 1) {
    const points = await withBlobReader(cwd, async (reader) => {
      const all: HistoryPoint[] = [];
      for (const link of chain)
        for (const p of await pointsOf(link.ref, link.graph, reader))
          all.push({ ...p, ref: link.ref, cycle: link.cycle });
      return all;
    });
    const links = chain.map((link) => ({ ref: link.ref, cycle: link.cycle }));
    return { history: { ref, chain: links, points }, shallow: await isShallow(cwd) };
  }
  const points = await withBlobReader(cwd, (reader) => pointsOf(ref, worktree, reader));
  const known = points.length > 0 || (ref.includes('/') ? kr !== undefined : worktree.byId.has(ref));
  if (!known)
    throw new UnknownRefError(
      `no objective or key result "${ref}" in the working tree or in git history; use an objective id or "objective-id/kr-id" (see "okr status --krs")`,
    );
  return { history: { ref, points }, shallow: await isShallow(cwd) };
}

/**
 * The ref and the refs it continues (its objective's `continues:`, then that one's…), oldest first,
 * each with its cycle and the working-tree graph around it. A KR is followed while the objective
 * continued has a KR of the same id (okr rollover keeps KR ids). Just the ref when nothing is continued.
 */
function continuesChain(config: Config, ref: string, graph: Graph): (ChainLink & { graph: Graph })[] {
  const [objectiveId, krId] = ref.split('/') as [string, string | undefined];
  const refOf = (id: string) => (krId === undefined ? id : `${id}/${krId}`);
  let objective = graph.byId.get(objectiveId);
  if (!objective) return [];
  const chain = [{ ref, cycle: objective.cycle, graph }];
  const seen = new Set([objectiveId]);
  for (let id = objective.data.continues; id !== undefined && !seen.has(id); id = objective.data.continues) {
    seen.add(id);
    const earlier = worktreeGraph(config, id);
    const found = earlier.byId.get(id);
    if (!found || (krId !== undefined && !earlier.krs.has(refOf(id)))) break;
    objective = found;
    chain.unshift({ ref: refOf(id), cycle: found.cycle, graph: earlier });
  }
  return chain;
}
