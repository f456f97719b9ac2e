import type { KeyResult, KeyResultData, KrKind, Objective, OkrFile, RollupMode, YamlPath } from '../model.js';

export interface Duplicate {
  kind: 'objective' | 'kr';
  id: string;
  file: string;
  /** Path of the repeated object's mapping; its `id` is reported. */
  path: YamlPath;
  first: { file: string; path: YamlPath };
}

export interface ParentLink {
  objective: Objective;
  kr: KeyResult | null;
}

export interface Graph {
  /** Objectives in file order (files sorted by path), duplicates left out. */
  objectives: Objective[];
  byId: Map<string, Objective>;
  krs: Map<string, KeyResult>;
  /**
   * The KRs of objectives left out as duplicates: in no rollup and nothing aligns to them, but the
   * rules about a KR's own fields still check them.
   */
  detachedKrs: KeyResult[];
  duplicates: Duplicate[];
  /** Every resolved parent link, including those in cycles. */
  parents: Map<Objective, ParentLink>;
  /** Parent links used for rollup and trees: those of cycles left out. */
  rollupParents: Map<Objective, ParentLink>;
  /** Children of an objective: objectives aligned to it or one of its KRs (rollup links only). */
  children: Map<Objective, Objective[]>;
  /** Objectives aligned to a KR (rollup links only). */
  alignedTo: Map<KeyResult, Objective[]>;
  /** Each alignment cycle once, starting at its first member in file order. */
  cycles: Objective[][];
}

export function krKind(kr: KeyResultData): KrKind {
  if (kr.start !== undefined) return 'numeric';
  if (kr.keep !== undefined) return 'threshold';
  if (kr.done !== undefined) return 'milestone';
  if (kr.progress !== undefined) return 'judged';
  return 'rollup';
}

function buildObjectives(files: readonly OkrFile[], defaultRollup: RollupMode) {
  const objectives: Objective[] = [];
  const byId = new Map<string, Objective>();
  const krs = new Map<string, KeyResult>();
  const detachedKrs: KeyResult[] = [];
  const duplicates: Duplicate[] = [];
  for (const { source, data, invalidObjectives } of files) {
    data.objectives.forEach((o, oi) => {
      if (invalidObjectives.has(oi)) return;
      const path: YamlPath = ['objectives', oi];
      const first = byId.get(o.id);
      if (first)
        duplicates.push({
          kind: 'objective',
          id: o.id,
          file: source.path,
          path,
          first: { file: first.file, path: first.path },
        });
      const objective: Objective = {
        id: o.id,
        title: o.title,
        data: o,
        owner: o.owner ?? data.owner,
        cycle: data.cycle,
        ...(data.closed === undefined ? {} : { closed: data.closed }),
        type: o.type ?? 'aspirational',
        weight: o.weight ?? 1,
        rollup: o.rollup ?? defaultRollup,
        keyResults: [],
        file: source.path,
        path,
      };
      const own = new Map<string, KeyResult>();
      o.key_results?.forEach((k, ki) => {
        const fullId = `${o.id}/${k.id}`;
        const krPath: YamlPath = ['objectives', oi, 'key_results', ki];
        const firstKr = own.get(k.id);
        if (firstKr) {
          duplicates.push({
            kind: 'kr',
            id: fullId,
            file: source.path,
            path: krPath,
            first: { file: firstKr.file, path: firstKr.path },
          });
          return;
        }
        const kr: KeyResult = {
          id: k.id,
          fullId,
          title: k.title,
          kind: krKind(k),
          data: k,
          weight: k.weight ?? 1,
          objective,
          file: source.path,
          path: krPath,
        };
        objective.keyResults.push(kr);
        own.set(k.id, kr);
      });
      if (first) {
        detachedKrs.push(...objective.keyResults);
        return;
      }
      for (const kr of objective.keyResults) krs.set(kr.fullId, kr);
      objectives.push(objective);
      byId.set(o.id, objective);
    });
  }
  return { objectives, byId, krs, detachedKrs, duplicates };
}

/** Every KR whose own fields the rules check: those of the graph, then those of duplicate objectives. */
export function checkedKrs(graph: Pick<Graph, 'krs' | 'detachedKrs'>): KeyResult[] {
  return [...graph.krs.values(), ...graph.detachedKrs];
}

/** Resolves `objective-id` or `objective-id/kr-id` to an objective and maybe one of its KRs. */
export function resolveRef(graph: Pick<Graph, 'byId' | 'krs'>, ref: string): ParentLink | null {
  const slash = ref.indexOf('/');
  if (slash === -1) {
    const objective = graph.byId.get(ref);
    return objective ? { objective, kr: null } : null;
  }
  const kr = graph.krs.get(ref);
  return kr ? { objective: kr.objective, kr } : null;
}

/** Finds each cycle of the parent function once; every objective has at most one parent. */
function findCycles(
  objectives: readonly Objective[],
  parents: ReadonlyMap<Objective, ParentLink>,
): Objective[][] {
  const state = new Map<Objective, number>(); // 1: on the current walk, 2: done
  const cycles: Objective[][] = [];
  const order = new Map(objectives.map((o, i) => [o, i]));
  for (const start of objectives) {
    const walk: Objective[] = [];
    let node: Objective | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, 1);
      walk.push(node);
      node = parents.get(node)?.objective;
    }
    if (node && state.get(node) === 1) {
      const members = walk.slice(walk.indexOf(node));
      // Start the cycle at its first member in file order, then follow the parent links.
      let first = members[0]!;
      for (const m of members) if (order.get(m)! < order.get(first)!) first = m;
      const cycle: Objective[] = [first];
      for (let next = parents.get(first)!.objective; next !== first; next = parents.get(next)!.objective)
        cycle.push(next);
      cycles.push(cycle);
    }
    for (const o of walk) state.set(o, 2);
  }
  return cycles.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Builds the alignment graph of loaded files: ids, parent links, children, cycles. */
export function buildGraph(files: readonly OkrFile[], defaultRollup: RollupMode): Graph {
  const base = buildObjectives(files, defaultRollup);
  const parents = new Map<Objective, ParentLink>();
  for (const objective of base.objectives) {
    const ref = objective.data.parent;
    const link = ref === undefined ? null : resolveRef(base, ref);
    if (link) parents.set(objective, link);
  }
  const cycles = findCycles(base.objectives, parents);
  const inCycle = new Set(cycles.flat());
  const rollupParents = new Map([...parents].filter(([o]) => !inCycle.has(o)));
  const children = new Map<Objective, Objective[]>();
  const alignedTo = new Map<KeyResult, Objective[]>();
  for (const [child, link] of rollupParents) {
    const list = children.get(link.objective) ?? [];
    list.push(child);
    children.set(link.objective, list);
    if (link.kr) {
      const aligned = alignedTo.get(link.kr) ?? [];
      aligned.push(child);
      alignedTo.set(link.kr, aligned);
    }
  }
  return { ...base, parents, rollupParents, children, alignedTo, cycles };
}
