import { withBlobReader } from '../git/cat-file.js';
import { okrLogs } from '../git/log.js';
import {
  defaultBase,
  repositoryFacts,
  requireCommit,
  requireRepository,
  resolveCommit,
} from '../git/repo.js';
import { type WorkCommit, workLog } from '../git/work.js';
import type { Graph } from '../graph/graph.js';
import type { Config } from '../model.js';
import { diffAnalyses, type OkrDiff } from './compare.js';
import { judge } from './judge.js';

export interface DiffRunOptions {
  config: Config;
  asOf: number;
  env: NodeJS.ProcessEnv;
  /** The base revision; default: the merge-base of HEAD with the default branch. */
  base?: string;
  /** The head revision; default: the working tree. */
  head?: string;
  /**
   * Whether to read which objectives the commits of BASE..HEAD claim (the markdown shows them): one
   * `git log` more, so only when asked.
   */
  claims?: boolean;
}

export interface DiffResult {
  diff: OkrDiff;
  /** How many KRs a shallow clone's cut left undated on either side (see `shallowNote`). */
  undatedByTheCut: number;
  /**
   * The objectives the commits of BASE..HEAD claim by their work trailers, in file order, with how
   * many commits; empty unless `claims` was asked.
   */
  claimed: { id: string; commits: number }[];
}

/** The objectives (of `graph`) that `commits` name, themselves or through one of their KRs. */
function claimedObjectives(graph: Graph, commits: readonly WorkCommit[]): DiffResult['claimed'] {
  const counts = new Map<string, Set<string>>();
  for (const c of commits)
    for (const ref of c.refs) {
      const objective = graph.byId.get(ref) ?? graph.krs.get(ref)?.objective;
      if (!objective) continue;
      const shas = counts.get(objective.id) ?? new Set<string>();
      shas.add(c.sha);
      counts.set(objective.id, shas);
    }
  return graph.objectives
    .filter((o) => counts.has(o.id))
    .map((o) => ({ id: o.id, commits: counts.get(o.id)!.size }));
}

/**
 * What the working tree (or the head revision) changes in the OKRs since the base. Each side's
 * problems are judged exactly as `okr check` judges that version on the same day, git staleness
 * included (from the history up to that version), from one `git log` over both and one
 * `git cat-file --batch`. A git state the user must change is a GitError.
 */
export async function diffRevisions(options: DiffRunOptions): Promise<DiffResult> {
  const { config } = options;
  const cwd = config.root;
  await requireRepository(cwd, 'okr diff');
  const baseSha =
    options.base === undefined ? (await defaultBase(cwd)).sha : await requireCommit(cwd, options.base);
  const headSha = options.head === undefined ? null : await requireCommit(cwd, options.head);
  const headTip = headSha ?? (await resolveCommit(cwd, 'HEAD'));
  const [facts, logs, work] = await Promise.all([
    repositoryFacts(cwd),
    okrLogs(config, headTip === null ? [baseSha] : [baseSha, headTip]),
    headTip === null || !options.claims
      ? []
      : workLog(cwd, { trailer: config.work.trailer, range: { base: baseSha, head: headTip } }).catch(
          () => [],
        ),
  ]);
  const shallow = facts?.shallow ?? false;
  return withBlobReader(cwd, async (reader) => {
    const common = { config, asOf: options.asOf, env: options.env, cache: new Map() };
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
      claimed: claimedObjectives(after.analysis.graph, work),
    };
  });
}
