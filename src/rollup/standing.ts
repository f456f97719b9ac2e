import { buildGraph, type Graph } from '../graph/graph.js';
import { type LoadResult, loadProject } from '../load/load.js';
import type { Config } from '../model.js';
import { type Rollup, rollUp } from './rollup.js';

/** Where the OKRs stand: loaded, linked into the graph and rolled up, not yet linted. */
export interface Standing {
  config: Config;
  load: LoadResult;
  graph: Graph;
  rollup: Rollup;
  asOf: number;
}

export interface StandingOptions {
  asOf: number;
  /** Load these already read results instead of reading the working tree. */
  load?: LoadResult;
  /** Folder of the cache of loaded files, when reading the working tree; null: no cache. */
  cacheDir?: string | null;
}

/**
 * load → graph → rollup. Kept apart from the lint (`analyze`) so that the commands that only show
 * progress load no rule module at start-up.
 */
export function standing(config: Config, options: StandingOptions): Standing {
  const load = options.load ?? loadProject(config, undefined, { cacheDir: options.cacheDir ?? null });
  const graph = buildGraph(load.files, config.rollup);
  return { config, load, graph, rollup: rollUp(graph), asOf: options.asOf };
}
