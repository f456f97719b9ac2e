import type { Diagnostic } from './diagnostics.js';
import { fieldChanges } from './diff/changes.js';
import { buildGraph, type Graph } from './graph/graph.js';
import { lint } from './lint/engine.js';
import { type LoadResult, loadProject } from './load/load.js';
import type { Config } from './model.js';
import { type Rollup, rollUp } from './rollup/rollup.js';

export interface Analysis {
  config: Config;
  load: LoadResult;
  graph: Graph;
  rollup: Rollup;
  diagnostics: Diagnostic[];
  asOf: number;
}

export interface AnalyzeOptions {
  asOf: number;
  /** Last day each KR's value changed in git (full id → day), for stale-kr. */
  lastChanged?: ReadonlyMap<string, number>;
  /** Load these already read results instead of reading the working tree. */
  load?: LoadResult;
  /** Folder of the cache of loaded files, when reading the working tree; null: no cache. */
  cacheDir?: string | null;
  /** The graph of a base revision (`okr check --base REF`): changes since it feed moved-goalpost. */
  baseline?: Graph;
}

/** The whole pipeline: load → graph → rollup → lint. */
export function analyze(config: Config, options: AnalyzeOptions): Analysis {
  const load = options.load ?? loadProject(config, undefined, { cacheDir: options.cacheDir ?? null });
  const graph = buildGraph(load.files, config.rollup);
  const rollup = rollUp(graph);
  const diagnostics = lint({
    config,
    files: load.files,
    graph,
    rollup,
    strategy: load.strategy,
    asOf: options.asOf,
    loadProblems: load.problems,
    sources: load.sources,
    unavailableIds: load.unavailableIds,
    unavailableParents: load.unavailableParents,
    ...(options.lastChanged ? { lastChanged: options.lastChanged } : {}),
    ...(options.baseline ? { changes: fieldChanges(options.baseline, graph, config, options.asOf) } : {}),
  });
  return { config, load, graph, rollup, diagnostics, asOf: options.asOf };
}
