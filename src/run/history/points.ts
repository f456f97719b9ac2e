import { formatDay, parseDay } from '../../dates.js';
import type { LogCommit } from '../../git/log.js';
import { buildGraph, type Graph } from '../../graph/graph.js';
import { readSource } from '../../load/load.js';
import { loadCached, type SourceCache } from '../../load/texts.js';
import type { Checkin, Config, KeyResult, ObjectiveData, OkrFile, RollupMode } from '../../model.js';
import { measuredProgress, type Rollup, rollUp } from '../../rollup/rollup.js';
import { discoverFiles } from '../../source/discover.js';
import { commitTexts, type ReadBlob } from './walk.js';

export interface HistoryPoint {
  date: string;
  commit: string | null;
  /** A KR's value (current, done or judged progress); an objective's progress. */
  value: number | boolean;
  progress: number;
  source: 'git' | 'checkin';
  /** In a history that follows `continues:`, the id the point was recorded under, and its cycle. */
  ref?: string;
  cycle?: string;
}

/** One objective (or one of its KRs) in a chain of `continues:` links, with its cycle. */
export interface ChainLink {
  ref: string;
  cycle: string;
}

export interface History {
  ref: string;
  /** Present when the ref's objective continues earlier ones: the chain, oldest first, the ref last. */
  chain?: ChainLink[];
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

/** Whether an objective is one of `ids`, or aligned to one of them. */
function concerns(o: ObjectiveData, ids: ReadonlySet<string>): boolean {
  if (typeof o?.id !== 'string') return false;
  return ids.has(o.id) || (typeof o.parent === 'string' && ids.has(o.parent.split('/')[0]!));
}

/** The file with only the objectives of `ids` (and those aligned to them) left in. */
function restricted(file: OkrFile, ids: ReadonlySet<string>): OkrFile {
  const left = new Set(file.invalidObjectives);
  file.data.objectives.forEach((o, i) => {
    if (!concerns(o, ids)) left.add(i);
  });
  return { ...file, invalidObjectives: left };
}

/** The ids of an objective and of every objective that rolls up into it. */
function subtree(graph: Graph, id: string): Set<string> {
  const ids = new Set<string>([id]);
  const root = graph.byId.get(id);
  const stack = root ? [root] : [];
  while (stack.length > 0)
    for (const child of graph.children.get(stack.pop()!) ?? [])
      if (!ids.has(child.id)) {
        ids.add(child.id);
        stack.push(child);
      }
  return ids;
}

/**
 * The OKR files of one version of the repository, parsed only when needed: a file can only concern
 * an objective whose id appears in it as a word, which is told without parsing it.
 */
class LazyFiles {
  private readonly texts = new Map<string, { text: string; words: Set<string> }>();
  readonly cache: SourceCache = new Map();

  set(path: string, text: string | null): void {
    if (text === null) this.texts.delete(path);
    else this.texts.set(path, { text, words: new Set(text.match(/[a-z0-9][a-z0-9-]*/g)) });
  }

  /** Whether the text of `path` names one of `ids` (a superset of the files that concern them). */
  names(path: string, ids: ReadonlySet<string>): boolean {
    const entry = this.texts.get(path);
    if (!entry) return false;
    for (const word of entry.words) if (ids.has(word)) return true;
    return false;
  }

  /** The parsed files that concern `ids`, sorted by path, restricted to what concerns them. */
  concerning(ids: ReadonlySet<string>): OkrFile[] {
    const files: OkrFile[] = [];
    for (const path of [...this.texts.keys()].sort()) {
      if (!this.names(path, ids)) continue;
      const file = loadCached(path, this.texts.get(path)!.text, this.cache).file;
      if (file?.data.objectives.some((o) => concerns(o, ids))) files.push(restricted(file, ids));
    }
    return files;
  }
}

/**
 * The graph of the files that can matter to objective `id`: those holding it, its descendants, or
 * objectives aligned to them, grown until the subtree is whole. An objective's progress depends on
 * its subtree only, so this rolls up as the whole repository does (short of alignment cycles, which
 * are errors anyway), at a fraction of the cost.
 */
function subgraph(files: LazyFiles, id: string, known: ReadonlySet<string>, rollup: RollupMode) {
  let ids = new Set([...known, id]);
  for (;;) {
    const graph = buildGraph(files.concerning(ids), rollup);
    const reached = subtree(graph, id);
    if ([...reached].every((i) => ids.has(i))) return { graph, reached };
    ids = new Set([...ids, ...reached]);
  }
}

/** A check-in and the version of its KR that recorded it: the commit, or null for the working tree. */
interface Recorded {
  checkin: Checkin;
  commit: string | null;
  kr: KeyResult;
}

/**
 * Which version of the repository first recorded each of a KR's check-ins. A check-in is known by its
 * date and value: one whose note is edited later is still the one recorded first. A check-in once
 * recorded by a commit stays a point of the history when a later version drops it.
 */
class CheckinLedger {
  /** The check-ins of the latest version, each with the version that recorded it. */
  private entries: Recorded[] = [];
  readonly recorded: Recorded[] = [];

  /** The check-ins the KR has in a new version; those not in the previous one were recorded by it. */
  update(kr: KeyResult | undefined, commit: string | null): Recorded[] {
    const previous = new Map<string, Recorded[]>();
    for (const entry of this.entries) {
      const key = checkinKey(entry.checkin);
      previous.set(key, [...(previous.get(key) ?? []), entry]);
    }
    const next: Recorded[] = [];
    const added: Recorded[] = [];
    for (const checkin of kr?.data.checkins ?? []) {
      if (parseDay(checkin?.date) === null) continue;
      const known = previous.get(checkinKey(checkin))?.shift();
      if (known) next.push(known);
      else {
        const entry = { checkin, commit, kr: kr! };
        next.push(entry);
        added.push(entry);
      }
    }
    this.entries = next;
    this.recorded.push(...added);
    return added;
  }
}

const checkinKey = (c: Checkin) => JSON.stringify([c.date, c.value]);

/** A check-in as a point: its progress measured against its KR as the recording version had it. */
function checkinPoint({ checkin, commit, kr }: Recorded): HistoryPoint {
  const data = { ...kr.data };
  if (kr.kind === 'milestone') data.done = checkin.value === true;
  else if (kr.kind === 'judged' && typeof checkin.value === 'number') data.progress = checkin.value;
  else if (typeof checkin.value === 'number') data.current = checkin.value;
  return {
    date: checkin.date,
    commit,
    value: checkin.value,
    progress: measuredProgress({ ...kr, data }) ?? 0,
    source: 'checkin',
  };
}

/**
 * The points of a ref, oldest first: the commits that changed its value or progress, and for a KR
 * its check-ins, each with the commit that recorded it (null while only in the working tree). A
 * commit that records a check-in of the value it sets is that check-in's point, not a second one.
 * A commit is rolled up again only when it touches a file that names the ref's objective, one of
 * its descendants, or an objective aligned to them: elsewhere nothing can move the ref. With
 * `worktree`, the KR as the working tree has it adds its check-ins not committed yet.
 */
export async function gitPoints(
  commits: readonly LogCommit[],
  read: ReadBlob,
  ref: string,
  rollup: RollupMode,
  worktree?: { kr: KeyResult | undefined },
): Promise<HistoryPoint[]> {
  const objectiveId = ref.split('/')[0]!;
  const isKr = ref.includes('/');
  const files = new LazyFiles();
  const points: HistoryPoint[] = [];
  const ledger = new CheckinLedger();
  let watched = new Set([objectiveId]);
  let last: string | null = null;
  for await (const { commit, texts } of commitTexts(commits, read)) {
    let relevant = false;
    for (const [path, text] of texts) {
      relevant ||= files.names(path, watched);
      files.set(path, text);
      relevant ||= files.names(path, watched);
    }
    if (!relevant) continue;
    const { graph, reached } = subgraph(files, objectiveId, watched, rollup);
    watched = reached;
    const date = formatDay(commit.day);
    const added = isKr ? ledger.update(graph.krs.get(ref), commit.sha) : [];
    const point = refPoint(graph, rollUp(graph), ref);
    if (!point) continue;
    const key = JSON.stringify(point);
    if (key === last) continue;
    last = key;
    // The value a check-in recorded by this commit sets: one recorded value, one point.
    if (added.some((r) => r.checkin.value === point.value)) continue;
    points.push({ date, commit: commit.sha, ...point, source: 'git' });
  }
  if (isKr && worktree) ledger.update(worktree.kr, null);
  return mergePoints(points, ledger.recorded.map(checkinPoint));
}

/**
 * The graph of the working tree around the objective of `ref` (for a KR's check-ins), parsing only
 * the files that name it.
 */
export function worktreeGraph(config: Config, ref: string): Graph {
  const files = new LazyFiles();
  for (const path of discoverFiles(config)) {
    const read = readSource(config, path);
    if ('text' in read) files.set(path, read.text);
  }
  return buildGraph(files.concerning(new Set([ref.split('/')[0]!])), config.rollup);
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
