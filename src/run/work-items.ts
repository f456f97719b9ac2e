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
  /** The commit's number, one for each repository name and SHA: what `total` counts distinct. */
  index: number;
  /** The committer date, in seconds: what orders commits, newest first. */
  time: number;
  /** The repository's place in the list read, and the commit's in its repository's log. */
  repo: number;
  order: number;
  view: WorkCommitView;
}

/** The commits each id names (newest first), and what every commit's number stands for. */
interface LinkedCommits {
  byRef: Map<string, Linked[]>;
  /** Each commit's committer day, by its number. */
  days: number[];
  /** Each day's text, made once: thousands of commits fall on a few hundred days. */
  dateOf(day: number): string;
}

/**
 * The commits that name objectives and KRs, taken in as they are read (a batch of a repository's
 * log at a time, the repositories' batches in any order), then made into the items of SPEC §11.
 * Refs naming nothing are left out.
 */
export class WorkLinks {
  private readonly byRef = new Map<string, Linked[]>();
  private readonly days: number[] = [];
  private readonly dates = new Map<number, string>();
  /**
   * A repository given twice (--repo . names the OKR repository again) must not count its commits
   * twice: they are then numbered by repository name and SHA, not one number a commit read.
   */
  private readonly numbers: Map<string, number> | null;
  /** How many commits of each repository were taken in. */
  private readonly counts: number[];

  constructor(
    private readonly graph: Graph,
    private readonly options: WorkOptions,
    private readonly repos: readonly string[],
  ) {
    this.numbers = new Set(repos).size < repos.length ? new Map() : null;
    this.counts = repos.map(() => 0);
  }

  /** Takes in the next commits of the `repo`th repository's log. */
  add(repo: number, commits: readonly WorkCommit[]): void {
    const { graph, options, numbers } = this;
    const name = this.repos[repo]!;
    for (const c of commits) {
      const order = this.counts[repo]!++;
      const day = Math.floor(c.time / 86_400);
      if (day > options.asOf || (options.sinceDay !== undefined && day < options.sinceDay)) continue;
      let linked: Linked | undefined;
      for (const ref of c.refs) {
        if (!graph.byId.has(ref) && !graph.krs.has(ref)) continue;
        if (linked === undefined) {
          const key = numbers === null ? '' : `${name} ${c.sha}`;
          let index = numbers?.get(key);
          if (index === undefined) {
            index = this.days.push(day) - 1;
            numbers?.set(key, index);
          }
          const view = {
            sha: c.sha,
            date: this.dateOf(day),
            author: c.author,
            subject: c.subject,
            repo: name,
          };
          linked = { index, time: c.time, repo, order, view };
        }
        const list = this.byRef.get(ref);
        if (list) list.push(linked);
        else this.byRef.set(ref, [linked]);
      }
    }
  }

  /**
   * Per objective and KR (file order: an objective, then its KRs) the commits that claim it, and
   * the distinct commits counted with everything aligned below it.
   */
  work(): Work {
    const { graph, options, days } = this;
    // Newest first by committer date to the second: git log's walk can list a commit before an
    // older one's newer parent (skewed clocks), and a log brought up to date lists the new commits
    // before the stored ones; to the second, the order is the same either way. Ties: the
    // repositories in the order given, each in its log's order.
    for (const list of this.byRef.values())
      list.sort((a, b) => b.time - a.time || a.repo - b.repo || a.order - b.order);
    const linked: LinkedCommits = { byRef: this.byRef, days, dateOf: (day) => this.dateOf(day) };
    const below = belowSets(graph, linked);
    const items: WorkItem[] = [];
    for (const objective of graph.objectives) {
      items.push(
        itemOf(objective.id, 'objective', linked, below.objective(objective), quietOf(objective, options)),
      );
      for (const kr of objective.keyResults)
        items.push(itemOf(kr.fullId, 'kr', linked, below.kr(kr), () => false));
    }
    return { since: options.since, items };
  }

  private dateOf(day: number): string {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = formatDay(day);
      this.dates.set(day, date);
    }
    return date;
  }
}

/**
 * Per objective and KR (file order: an objective, then its KRs) the commits that claim it, and the
 * distinct commits counted with everything aligned below it (SPEC §11).
 */
export function workItems(graph: Graph, repos: readonly RepoCommits[], options: WorkOptions): Work {
  const links = new WorkLinks(
    graph,
    options,
    repos.map((r) => r.repo),
  );
  repos.forEach(({ commits }, repo) => {
    links.add(repo, commits);
  });
  return links.work();
}

function itemOf(
  id: string,
  kind: WorkItem['kind'],
  linked: LinkedCommits,
  counted: readonly number[],
  quiet: (last: number | null) => boolean,
): WorkItem {
  let newest: number | null = null;
  for (const index of counted) {
    const day = linked.days[index]!;
    if (newest === null || day > newest) newest = day;
  }
  return {
    id,
    kind,
    commits: (linked.byRef.get(id) ?? []).map((l) => l.view),
    total: counted.length,
    last: newest === null ? null : linked.dateOf(newest),
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
 * The commits (their numbers) each objective and KR counts: its own, its KRs', and those of the
 * objectives aligned below it (a tree: rollup parents leave alignment cycles out). Walked with an
 * explicit stack, children first, so that a very deep alignment chain cannot exhaust the call stack.
 */
function belowSets(graph: Graph, linked: LinkedCommits) {
  const objectives = new Map<Objective, number[]>();
  const krs = new Map<KeyResult, number[]>();
  const distinct = distinctCommits(linked.days.length);
  const own = (id: string) => (linked.byRef.get(id) ?? []).map((l) => l.index);
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
    const parts = [own(top.o.id)];
    for (const k of top.o.keyResults) {
      const kset = distinct([own(k.fullId), ...(graph.alignedTo.get(k) ?? []).map((c) => objectives.get(c))]);
      krs.set(k, kset);
      parts.push(kset);
    }
    for (const child of children) parts.push(objectives.get(child) ?? []);
    objectives.set(top.o, distinct(parts));
  }
  return {
    objective: (o: Objective) => objectives.get(o) ?? [],
    kr: (k: KeyResult) => krs.get(k) ?? [],
  };
}

/**
 * The union of lists of commit numbers, each number once: a number is marked with the union's
 * generation when first met, which takes no hashing and no set per union.
 */
function distinctCommits(count: number) {
  const marks = new Uint32Array(count);
  let generation = 0;
  return (lists: readonly (readonly number[] | undefined)[]): number[] => {
    generation++;
    const union: number[] = [];
    for (const list of lists)
      for (const index of list ?? [])
        if (marks[index] !== generation) {
          marks[index] = generation;
          union.push(index);
        }
    return union;
  };
}
