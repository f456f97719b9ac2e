import type { Graph } from '../graph/graph.js';
import type { KeyResult, KrKind, Objective } from '../model.js';
import type { Rollup } from './rollup.js';

/**
 * One input of a weighted mean of the rollup (SPEC §5): an objective's KR or child, or an objective
 * aligned to a rolled-up KR. `share` is its weight over the sum of the counted weights (0 when it is
 * not counted): the part of the result it decides.
 */
export interface Contribution {
  id: string;
  kind: KrKind | 'objective';
  weight: number;
  progress: number;
  share: number;
  counted: boolean;
  /** Why it is not counted; absent when it is. */
  reason?: string;
  /** The node itself, for the chain above it. */
  node: KeyResult | Objective;
}

/** The weights' shares, as the rollup's mean divides them: 0 each when they sum to 0. */
function withShares(list: Omit<Contribution, 'share'>[]): Contribution[] {
  const total = list.reduce((sum, c) => sum + (c.counted ? c.weight : 0), 0);
  return list.map((c) => ({ ...c, share: c.counted && total > 0 ? c.weight / total : 0 }));
}

function ofKr(rollup: Rollup, kr: KeyResult, counted: boolean, reason?: string): Omit<Contribution, 'share'> {
  const progress = rollup.kr.get(kr) ?? 0;
  return {
    id: kr.fullId,
    kind: kr.kind,
    weight: kr.weight,
    progress,
    counted,
    node: kr,
    ...(reason ? { reason } : {}),
  };
}

function ofObjective(
  rollup: Rollup,
  o: Objective,
  counted: boolean,
  reason?: string,
): Omit<Contribution, 'share'> {
  const progress = rollup.objective.get(o) ?? 0;
  return {
    id: o.id,
    kind: 'objective',
    weight: o.weight,
    progress,
    counted,
    node: o,
    ...(reason ? { reason } : {}),
  };
}

/**
 * Everything an objective's progress could be taken from, as the rollup took it (rollup.inputs):
 * the counted inputs with their shares, then what was left out and why. A child aligned to one of the
 * objective's KRs counts through that KR and is listed once, as left out of the objective itself.
 */
export function objectiveContributions(graph: Graph, rollup: Rollup, objective: Objective): Contribution[] {
  const inputs = rollup.inputs.get(objective);
  if (!inputs) return [];
  const counted = [
    ...inputs.krs.map((kr) => ofKr(rollup, kr, true)),
    ...inputs.children.map((o) => ofObjective(rollup, o, true)),
  ];
  const left: Omit<Contribution, 'share'>[] = [];
  for (const kr of objective.keyResults)
    if (!inputs.krs.includes(kr))
      left.push(ofKr(rollup, kr, false, `rollup: ${inputs.mode} leaves the objective's key results out`));
  for (const child of graph.children.get(objective) ?? []) {
    if (inputs.children.includes(child)) continue;
    const via = graph.rollupParents.get(child)?.kr;
    left.push(
      ofObjective(
        rollup,
        child,
        false,
        via && inputs.krs.includes(via)
          ? `counts through key result "${via.fullId}"`
          : `rollup: ${inputs.mode} leaves the objective's children out`,
      ),
    );
  }
  return withShares([...counted, ...left]);
}

/** The objectives a rolled-up KR's progress is the weighted mean of; none for a KR measured by itself. */
export function krContributions(graph: Graph, rollup: Rollup, kr: KeyResult): Contribution[] {
  if (kr.kind !== 'rollup') return [];
  return withShares((graph.alignedTo.get(kr) ?? []).map((o) => ofObjective(rollup, o, true)));
}

/** An ancestor a KR or objective rolls into, and the part of the ancestor's progress it decides. */
export interface Ancestor {
  id: string;
  share: number;
}

/**
 * The chain a KR or objective rolls into, nearest first: its objective (a KR) or the objective or
 * KR it is aligned to, and so on up, each with the product of the shares along the way (0 from the
 * first link that does not count it). Stops at a root, or at a node seen before.
 */
export function rollsInto(graph: Graph, rollup: Rollup, start: KeyResult | Objective): Ancestor[] {
  const chain: Ancestor[] = [];
  const seen = new Set<KeyResult | Objective>([start]);
  let node: KeyResult | Objective = start;
  let share = 1;
  for (;;) {
    let parent: KeyResult | Objective | undefined;
    let list: Contribution[];
    if ('fullId' in node) {
      parent = node.objective;
      list = objectiveContributions(graph, rollup, parent);
    } else {
      const link = graph.rollupParents.get(node);
      if (!link) break;
      parent = link.kr ?? link.objective;
      list = link.kr
        ? krContributions(graph, rollup, link.kr)
        : objectiveContributions(graph, rollup, parent as Objective);
    }
    if (seen.has(parent)) break;
    seen.add(parent);
    const here: KeyResult | Objective = node;
    share *= list.find((c) => c.node === here)?.share ?? 0;
    chain.push({ id: 'fullId' in parent ? parent.fullId : parent.id, share });
    node = parent;
  }
  return chain;
}
