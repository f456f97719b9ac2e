import { cycleWindow, formatDay } from '../dates.js';
import type { WorkCommit } from '../git/work.js';
import type { Graph } from '../graph/graph.js';
import type { Config, KeyResult, Objective } from '../model.js';

/** A commit claiming an item, as `okr work --format json` shows it (SPEC §11). */
export interface WorkCommitView {
  sha: string;
  date: string;
  author: string;
  subject: string;
  /** "." for the OKR repository, else the path as given to --repo. */
  repo: string;
}

export interface WorkItem {
  id: string;
  kind: 'kr' | 'objective';
  /** The commits naming the item itself, newest first. */
  commits: WorkCommitView[];
  /** Distinct commits naming it or anything aligned below it. */
  total: number;
  /** Date of the newest commit counted in `total`, or null. */
  last: string | null;
  quiet: boolean;
}

export interface Work {
  since: string | null;
  items: WorkItem[];
}

/** The commits read from one repository, named as the output names it. */
export interface RepoCommits {
  repo: string;
  commits: readonly WorkCommit[];
}

export interface WorkOptions {
  config: Config;
  asOf: number;
  since: string | null;
  /** Leave out commits before this day (a --since date). */
  sinceDay?: number;
}

interface Linked {
  key: string;
  day: number;
  view: WorkCommitView;
}

/** Which commits (`repo sha` keys) each id names, newest first; refs naming nothing are left out. */
function linkedByRef(
  graph: Graph,
  repos: readonly RepoCommits[],
  options: WorkOptions,
): Map<string, Linked[]> {
  const byRef = new Map<string, Linked[]>();
  for (const { repo, commits } of repos)
    for (const c of commits) {
      if (c.day > options.asOf || (options.sinceDay !== undefined && c.day < options.sinceDay)) continue;
      const view = { sha: c.sha, date: formatDay(c.day), author: c.author, subject: c.subject, repo };
      for (const ref of c.refs) {
        if (!graph.byId.has(ref) && !graph.krs.has(ref)) continue;
        const list = byRef.get(ref) ?? [];
        list.push({ key: `${repo} ${c.sha}`, day: c.day, view });
        byRef.set(ref, list);
      }
    }
  // git log lists each repository newest first; several repositories are merged by date.
  for (const list of byRef.values()) list.sort((a, b) => b.day - a.day);
  return byRef;
}

/**
 * Per objective and KR (file order: an objective, then its KRs) the commits that claim it, and the
 * distinct commits counted with everything aligned below it (SPEC §11).
 */
export function workItems(graph: Graph, repos: readonly RepoCommits[], options: WorkOptions): Work {
  const byRef = linkedByRef(graph, repos, options);
  const below = belowSets(graph, byRef);
  const items: WorkItem[] = [];
  for (const objective of graph.objectives) {
    items.push(
      itemOf(objective.id, 'objective', byRef, below.objective(objective), quietOf(objective, options)),
    );
    for (const kr of objective.keyResults)
      items.push(itemOf(kr.fullId, 'kr', byRef, below.kr(kr), () => false));
  }
  return { since: options.since, items };
}

function itemOf(
  id: string,
  kind: WorkItem['kind'],
  byRef: ReadonlyMap<string, Linked[]>,
  counted: ReadonlyMap<string, number>,
  quiet: (last: number | null) => boolean,
): WorkItem {
  let newest: number | null = null;
  for (const day of counted.values()) if (newest === null || day > newest) newest = day;
  return {
    id,
    kind,
    commits: (byRef.get(id) ?? []).map((l) => l.view),
    total: counted.size,
    last: newest === null ? null : formatDay(newest),
    quiet: quiet(newest),
  };
}

/** Quiet: of a cycle running at the as-of day, with no counted commit in `work.quietDays` days. */
function quietOf(objective: Objective, options: WorkOptions): (last: number | null) => boolean {
  const window = cycleWindow(objective.cycle, options.config.cycles);
  const running =
    window !== null &&
    objective.closed === undefined &&
    window.start <= options.asOf &&
    options.asOf <= window.end;
  return (last) => running && (last === null || options.asOf - last > options.config.work.quietDays);
}

/**
 * The commits (key → day) each objective and KR counts: its own, its KRs', and those of the
 * objectives aligned below it (a tree: rollup parents leave alignment cycles out). Walked with an
 * explicit stack, children first, so that a very deep alignment chain cannot exhaust the call stack.
 */
function belowSets(graph: Graph, byRef: ReadonlyMap<string, Linked[]>) {
  const objectives = new Map<Objective, Map<string, number>>();
  const krs = new Map<KeyResult, Map<string, number>>();
  const add = (into: Map<string, number>, from: ReadonlyMap<string, number> | undefined) => {
    for (const [key, day] of from ?? []) into.set(key, day);
  };
  const own = (id: string) => new Map((byRef.get(id) ?? []).map((l) => [l.key, l.day] as const));
  const stack: { o: Objective; expanded: boolean }[] = graph.objectives.map((o) => ({ o, expanded: false }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (objectives.has(top.o)) continue;
    const children = graph.children.get(top.o) ?? [];
    if (!top.expanded) {
      stack.push({ o: top.o, expanded: true });
      for (const child of children) if (!objectives.has(child)) stack.push({ o: child, expanded: false });
      continue;
    }
    const set = own(top.o.id);
    for (const k of top.o.keyResults) {
      const kset = own(k.fullId);
      for (const child of graph.alignedTo.get(k) ?? []) add(kset, objectives.get(child));
      krs.set(k, kset);
      add(set, kset);
    }
    for (const child of children) add(set, objectives.get(child));
    objectives.set(top.o, set);
  }
  return {
    objective: (o: Objective) => objectives.get(o) ?? new Map<string, number>(),
    kr: (k: KeyResult) => krs.get(k) ?? new Map<string, number>(),
  };
}
