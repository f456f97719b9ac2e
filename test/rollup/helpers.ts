import { defaultConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { loadOkrSource } from '../../src/load/load.js';
import type { Config, OkrFile } from '../../src/model.js';
import { type Rollup, rollUp } from '../../src/rollup/rollup.js';
import { expectedProgress, settledness, statusOf } from '../../src/rollup/status.js';

export interface Built {
  graph: Graph;
  rollup: Rollup;
  config: Config;
  objective(id: string): number;
  kr(fullId: string): number;
  status(id: string, asOf: string): string;
  expected(id: string, asOf: string): number;
}

/** Loads OKR files from their text (path → YAML), builds the graph and rolls it up. */
export function build(files: Record<string, string>, configure: (c: Config) => void = () => {}): Built {
  const config = defaultConfig('/nonexistent');
  configure(config);
  const loaded: OkrFile[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { file, problems } = loadOkrSource(path, text);
    if (!file || problems.length > 0)
      throw new Error(`fixture ${path} does not load: ${JSON.stringify(problems)}`);
    loaded.push(file);
  }
  const graph = buildGraph(loaded, config.rollup);
  const rollup = rollUp(graph);
  const day = (d: string) => parseDay(d)!;
  const objective = (id: string) => {
    const o = graph.byId.get(id);
    if (!o) throw new Error(`no objective ${id}`);
    return o;
  };
  return {
    graph,
    rollup,
    config,
    objective: (id) => rollup.objective.get(objective(id))!,
    kr: (fullId) => rollup.kr.get(graph.krs.get(fullId)!)!,
    status: (id, asOf) => {
      const settled = settledness(graph, rollup, config, day(asOf)).objective.get(objective(id))!;
      return statusOf(rollup.objective.get(objective(id))!, objective(id), config, day(asOf), settled);
    },
    expected: (id, asOf) => expectedProgress(objective(id), config, day(asOf)),
  };
}

/** One file with one objective holding the given KR YAML (indented as a list item under key_results). */
export function oneObjective(krs: string, extra = '', cycle = '2026-Q4'): Record<string, string> {
  return {
    'okrs/team.yaml': `owner: team\ncycle: ${cycle}\nobjectives:\n  - id: o\n    title: Make the product delightful for buyers\n${extra}    key_results:\n${krs}`,
  };
}
