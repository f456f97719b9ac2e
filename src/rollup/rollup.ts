import type { Graph } from '../graph/graph.js';
import type { KeyResult, Objective, YamlPath } from '../model.js';

export interface ZeroWeight {
  file: string;
  path: YamlPath;
  target: string;
  /** What the weights were of: "key results", "children", "key results and children", "aligned objectives". */
  over: string;
}

export interface Rollup {
  objective: Map<Objective, number>;
  kr: Map<KeyResult, number>;
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

function weightedMean(items: readonly { progress: number; weight: number }[]): number | null {
  let sum = 0;
  let total = 0;
  for (const { progress, weight } of items) {
    sum += progress * weight;
    total += weight;
  }
  return total > 0 ? sum / total : null;
}

/** Objectives ordered so that every child comes before its parent (rollup links only). */
function childrenFirst(graph: Graph): Objective[] {
  const order: Objective[] = [];
  for (const root of graph.objectives) {
    if (graph.rollupParents.has(root)) continue;
    const stack: { node: Objective; expanded: boolean }[] = [{ node: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (top.expanded) {
        order.push(top.node);
        continue;
      }
      stack.push({ node: top.node, expanded: true });
      const kids = graph.children.get(top.node) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, expanded: false });
    }
  }
  return order;
}

/** Rolls progress up the alignment graph (SPEC §5). Terminates on any graph: cycle links are not used. */
export function rollUp(graph: Graph): Rollup {
  const result: Rollup = { objective: new Map(), kr: new Map(), zeroWeights: [] };
  const objectiveItems = (list: readonly Objective[]) =>
    list.map((o) => ({ progress: result.objective.get(o) ?? 0, weight: o.weight }));
  for (const objective of childrenFirst(graph)) {
    for (const kr of objective.keyResults) {
      let progress = measuredProgress(kr);
      if (progress === null) {
        const aligned = graph.alignedTo.get(kr) ?? [];
        progress = aligned.length === 0 ? 0 : weightedMean(objectiveItems(aligned));
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
    const krItems = objective.keyResults.map((k) => ({ progress: result.kr.get(k)!, weight: k.weight }));
    const childItems = objectiveItems(graph.children.get(objective) ?? []);
    let items = krItems;
    let over = 'key results';
    if (objective.rollup === 'both')
      [items, over] = [[...krItems, ...childItems], 'key results and children'];
    else if ((objective.rollup === 'children' && childItems.length > 0) || krItems.length === 0)
      [items, over] = [childItems, 'children'];
    let progress = items.length === 0 ? 0 : weightedMean(items);
    if (progress === null) {
      result.zeroWeights.push({ file: objective.file, path: objective.path, target: objective.id, over });
      progress = 0;
    }
    result.objective.set(objective, progress);
  }
  return result;
}
