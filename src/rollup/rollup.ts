import type { Graph } from '../graph/graph.js';
import type { KeyResult, Objective, RollupMode, YamlPath } from '../model.js';

export interface ZeroWeight {
  file: string;
  path: YamlPath;
  target: string;
  /** What the weights were of: "key results", "children", "key results and children", "aligned objectives". */
  over: string;
}

/** What an objective's progress is taken from, as its rollup mode says (SPEC §5). */
export interface Inputs {
  /** The mode applied: `krs` without KRs falls back to `children`, `children` without children to `krs`. */
  mode: RollupMode;
  krs: readonly KeyResult[];
  children: readonly Objective[];
}

export interface Rollup {
  objective: Map<Objective, number>;
  kr: Map<KeyResult, number>;
  /** What each objective's progress is taken from. */
  inputs: Map<Objective, Inputs>;
  /** Objectives ordered so that every child comes before its parent (rollup links only). */
  order: readonly Objective[];
  /** Weighted means whose weights summed to 0 (progress 0, reported as invalid-metric). */
  zeroWeights: ZeroWeight[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Progress of a KR measured by itself; null for a KR measured by the objectives aligned to it. */
export function measuredProgress(kr: KeyResult): number | null {
  const d = kr.data;
  switch (kr.kind) {
    case 'numeric': {
      const start = d.start!;
      const target = d.target!;
      if (start === target) return 0;
      return clamp01(((d.current ?? start) - start) / (target - start));
    }
    case 'threshold':
      if (d.current === undefined) return 0;
      return (d.keep === 'below' ? d.current <= d.target! : d.current >= d.target!) ? 1 : 0;
    case 'milestone':
      return d.done ? 1 : 0;
    case 'judged':
      return clamp01(d.progress!);
    default:
      return null;
  }
}

/** A running weighted mean, without an object per item. */
class Mean {
  private sum = 0;
  private total = 0;
  count = 0;
  add(progress: number, weight: number): void {
    this.sum += progress * weight;
    this.total += weight;
    this.count++;
  }
  /** 0 with no items; null when the weights sum to 0. */
  value(): number | null {
    if (this.count === 0) return 0;
    return this.total > 0 ? this.sum / this.total : null;
  }
}

/** Objectives ordered so that every child comes before its parent (rollup links only). */
function childrenFirst(graph: Graph): Objective[] {
  const order: Objective[] = [];
  // A depth-first walk: `expanded` says whether a node's children are already on the stack.
  const nodes: Objective[] = [];
  const expanded: boolean[] = [];
  for (const root of graph.objectives) {
    if (graph.rollupParents.has(root)) continue;
    nodes.push(root);
    expanded.push(false);
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      if (expanded.pop()) {
        order.push(node);
        continue;
      }
      nodes.push(node);
      expanded.push(true);
      const kids = graph.children.get(node);
      if (kids)
        for (let i = kids.length - 1; i >= 0; i--) {
          nodes.push(kids[i]!);
          expanded.push(false);
        }
    }
  }
  return order;
}

/**
 * What an objective's progress is taken from. `both` takes its KRs and its direct children only: an
 * objective aligned to one of its KRs counts through that KR, never a second time as a child.
 */
export function inputsOf(graph: Graph, objective: Objective): Inputs {
  const children = graph.children.get(objective) ?? [];
  const krs = objective.keyResults;
  if (objective.rollup === 'both') {
    const direct = children.filter((c) => graph.rollupParents.get(c)?.kr === null);
    return { mode: 'both', krs, children: direct };
  }
  if ((objective.rollup === 'children' && children.length > 0) || krs.length === 0)
    return { mode: 'children', krs: [], children };
  return { mode: 'krs', krs, children: [] };
}

const OVER: Record<RollupMode, string> = {
  krs: 'key results',
  children: 'children',
  both: 'key results and children',
};

/** Rolls progress up the alignment graph (SPEC §5). Terminates on any graph: cycle links are not used. */
export function rollUp(graph: Graph): Rollup {
  const order = childrenFirst(graph);
  const result: Rollup = { objective: new Map(), kr: new Map(), inputs: new Map(), order, zeroWeights: [] };
  const addObjectives = (mean: Mean, list: readonly Objective[]) => {
    for (const o of list) mean.add(result.objective.get(o) ?? 0, o.weight);
  };
  for (const objective of order) {
    for (const kr of objective.keyResults) {
      let progress = measuredProgress(kr);
      if (progress === null) {
        const mean = new Mean();
        addObjectives(mean, graph.alignedTo.get(kr) ?? []);
        progress = mean.value();
        if (progress === null) {
          result.zeroWeights.push({
            file: kr.file,
            path: kr.path,
            target: kr.fullId,
            over: 'aligned objectives',
          });
          progress = 0;
        }
      }
      result.kr.set(kr, progress);
    }
    const inputs = inputsOf(graph, objective);
    result.inputs.set(objective, inputs);
    const mean = new Mean();
    for (const k of inputs.krs) mean.add(result.kr.get(k)!, k.weight);
    addObjectives(mean, inputs.children);
    let progress = mean.value();
    if (progress === null) {
      result.zeroWeights.push({
        file: objective.file,
        path: objective.path,
        target: objective.id,
        over: OVER[inputs.mode],
      });
      progress = 0;
    }
    result.objective.set(objective, progress);
  }
  return result;
}
