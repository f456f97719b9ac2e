import { formatDay, parseDay } from '../dates.js';
import type { LogCommit } from '../git/log.js';
import { buildGraph, type Graph } from '../graph/graph.js';
import { loadOkrSource } from '../load/load.js';
import type { Checkin, KeyResult, OkrFile, RollupMode } from '../model.js';
import { measuredProgress, type Rollup, rollUp } from '../rollup/rollup.js';
import { commitTexts, type ReadBlob } from './walk.js';

export interface HistoryPoint {
  date: string;
  commit: string | null;
  /** A KR's value (current, done or judged progress); an objective's progress. */
  value: number | boolean;
  progress: number;
  source: 'git' | 'checkin';
}

export interface History {
  ref: string;
  points: HistoryPoint[];
}

/** The value and progress a ref has in a graph, or null when the graph has no such id. */
export function refPoint(
  graph: Graph,
  rollup: Rollup,
  ref: string,
): { value: number | boolean; progress: number } | null {
  if (!ref.includes('/')) {
    const objective = graph.byId.get(ref);
    if (!objective) return null;
    const progress = rollup.objective.get(objective) ?? 0;
    return { value: progress, progress };
  }
  const kr = graph.krs.get(ref);
  if (!kr) return null;
  const progress = rollup.kr.get(kr) ?? 0;
  const d = kr.data;
  switch (kr.kind) {
    case 'numeric':
      return { value: d.current ?? d.start!, progress };
    case 'threshold':
      return d.current === undefined ? { value: progress, progress } : { value: d.current, progress };
    case 'milestone':
      return { value: d.done ?? false, progress };
    default:
      return { value: progress, progress };
  }
}

/** The points of a ref in the commits that changed its value or progress, oldest first. */
export async function gitPoints(
  commits: readonly LogCommit[],
  read: ReadBlob,
  ref: string,
  rollup: RollupMode,
): Promise<HistoryPoint[]> {
  const files = new Map<string, OkrFile>();
  const points: HistoryPoint[] = [];
  let last: string | null = null;
  for await (const { commit, texts } of commitTexts(commits, read)) {
    for (const [path, text] of texts) {
      const loaded = text === null ? null : loadOkrSource(path, text).file;
      if (loaded) files.set(path, loaded);
      else files.delete(path);
    }
    // Progress of an objective (or a KR measured by its children) depends on other files: the
    // whole graph is rolled up again, from the already parsed files.
    const sorted = [...files.keys()].sort().map((p) => files.get(p)!);
    const graph = buildGraph(sorted, rollup);
    const point = refPoint(graph, rollUp(graph), ref);
    if (!point) continue;
    const key = JSON.stringify(point);
    if (key === last) continue;
    last = key;
    points.push({ date: formatDay(commit.day), commit: commit.sha, ...point, source: 'git' });
  }
  return points;
}

/** The check-ins of a KR as points, their progress measured against the KR as it is now. */
export function checkinPoints(kr: KeyResult): HistoryPoint[] {
  const asMeasured = (checkin: Checkin): number => {
    const data = { ...kr.data };
    if (kr.kind === 'milestone') data.done = checkin.value === true;
    else if (kr.kind === 'judged' && typeof checkin.value === 'number') data.progress = checkin.value;
    else if (typeof checkin.value === 'number') data.current = checkin.value;
    return measuredProgress({ ...kr, data }) ?? 0;
  };
  return (kr.data.checkins ?? [])
    .filter((c) => parseDay(c.date) !== null)
    .map((c) => ({
      date: c.date,
      commit: null,
      value: c.value,
      progress: asMeasured(c),
      source: 'checkin' as const,
    }));
}

/** Git points and check-ins together, oldest first; on one day, the commit before the check-in. */
export function mergePoints(git: readonly HistoryPoint[], checkins: readonly HistoryPoint[]): HistoryPoint[] {
  const order = (p: HistoryPoint) => (p.source === 'git' ? 0 : 1);
  return [...git, ...checkins]
    .map((p, i) => ({ p, i }))
    .sort((a, b) =>
      a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : order(a.p) - order(b.p) || a.i - b.i,
    )
    .map(({ p }) => p);
}
