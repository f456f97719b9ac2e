import type { Diagnostic } from '../diagnostics.js';
import { type FieldChange, fieldChanges } from '../graph/changes.js';
import type { Graph } from '../graph/graph.js';
import type { Analysis } from './analyze.js';

export interface DiffItem {
  id: string;
  kind: 'objective' | 'kr';
  title: string;
  /** Owner of the objective (of a KR's objective): who the change concerns. */
  owner: string;
}

export interface ProgressChange extends DiffItem {
  from: number;
  to: number;
}

export interface OkrDiff {
  /** Commit id of the base. */
  base: string;
  /** Commit id of the head, or "WORKTREE" for the working tree. */
  head: string;
  added: DiffItem[];
  removed: DiffItem[];
  changed: FieldChange[];
  progress: ProgressChange[];
  problems: { introduced: Diagnostic[]; fixed: Diagnostic[] };
}

/** Every objective, then its KRs, in file order. */
function items(graph: Graph): DiffItem[] {
  return graph.objectives.flatMap((o) => [
    { id: o.id, kind: 'objective' as const, title: o.title, owner: o.owner },
    ...o.keyResults.map((k) => ({ id: k.fullId, kind: 'kr' as const, title: k.title, owner: o.owner })),
  ]);
}

function has(graph: Graph, item: DiffItem): boolean {
  return item.kind === 'objective' ? graph.byId.has(item.id) : graph.krs.has(item.id);
}

function progressOf(analysis: Analysis, item: DiffItem): number | undefined {
  const { graph, rollup } = analysis;
  if (item.kind === 'objective') {
    const o = graph.byId.get(item.id);
    return o && rollup.objective.get(o);
  }
  const k = graph.krs.get(item.id);
  return k && rollup.kr.get(k);
}

// Progress is a ratio of user numbers; differences below this are arithmetic noise, not change.
const EPSILON = 1e-9;

function progressChanges(base: Analysis, head: Analysis): ProgressChange[] {
  const changes: ProgressChange[] = [];
  for (const item of items(head.graph)) {
    const [from, to] = [progressOf(base, item), progressOf(head, item)];
    if (from === undefined || to === undefined || Math.abs(from - to) < EPSILON) continue;
    changes.push({ ...item, from, to });
  }
  return changes;
}

/**
 * A problem's identity across two versions: lines move with every edit, so they are left out, from
 * the message too (duplicate-id names the first occurrence's file:line).
 */
function problemKey(d: Diagnostic): string {
  return [d.ruleId, d.severity, d.target ?? d.file, d.message.replace(/:\d+(?::\d+)?\b/g, '')].join('\0');
}

/** Problems of `of` that `other` does not have (as a multiset: two equal problems need two matches). */
function unmatched(of: readonly Diagnostic[], other: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of other) counts.set(problemKey(d), (counts.get(problemKey(d)) ?? 0) + 1);
  return of.filter((d) => {
    const key = problemKey(d);
    const n = counts.get(key) ?? 0;
    if (n === 0) return true;
    counts.set(key, n - 1);
    return false;
  });
}

/** What changed from `base` to `head`, by id: both analyses must share config and date. */
export function diffAnalyses(base: Analysis, head: Analysis, ids: { base: string; head: string }): OkrDiff {
  return {
    ...ids,
    added: items(head.graph).filter((i) => !has(base.graph, i)),
    removed: items(base.graph).filter((i) => !has(head.graph, i)),
    changed: fieldChanges(base.graph, head.graph, head.config, head.asOf),
    progress: progressChanges(base, head),
    problems: {
      introduced: unmatched(head.diagnostics, base.diagnostics),
      fixed: unmatched(base.diagnostics, head.diagnostics),
    },
  };
}
