import type { Diagnostic } from '../diagnostics.js';
import { fieldChanges } from '../graph/changes.js';
import type { Graph } from '../graph/graph.js';
import { lint } from '../lint/engine.js';
import type { WorkTrailers } from '../lint/types.js';
import type { Config, OkrFile } from '../model.js';
import { type Standing, type StandingOptions, standing } from '../rollup/standing.js';
import { measureFileExists, namedMeasureFiles } from '../source/measure-source.js';

export interface Analysis extends Standing {
  diagnostics: Diagnostic[];
}

export interface LintOptions {
  /** Last day each KR's value changed in git (full id → day), for stale-kr. */
  lastChanged?: ReadonlyMap<string, number>;
  /** The graph of a base revision (`okr check --base REF`): changes since it feed moved-goalpost and closed-cycle-edit. */
  baseline?: Graph;
  /** The commits of BASE..HEAD and their work trailers, for unknown-work-ref. */
  workCommits?: readonly WorkTrailers[];
  /** The ids of the rules to run, for a view that shows only their verdict; default: every rule. */
  only?: ReadonlySet<string>;
  /** Whether a measure's file (root-relative) is there; default: whether it is on disk at the root. */
  measureFileExists?: (file: string) => boolean;
}

export type AnalyzeOptions = StandingOptions & LintOptions;

/**
 * The `measure: { file }` files the OKR files name that are not on disk: only whether each is
 * there is looked at; nothing is read and no measure runs.
 */
function missingMeasureFiles(files: readonly OkrFile[], exists: (file: string) => boolean): Set<string> {
  return new Set(namedMeasureFiles(files).filter((file) => !exists(file)));
}

/** Every rule over what was loaded, graphed and rolled up. */
export function lintStanding(s: Standing, options: LintOptions = {}): Diagnostic[] {
  const { config, load, graph } = s;
  return lint(
    {
      config,
      files: load.files,
      graph,
      rollup: s.rollup,
      strategy: load.strategy,
      asOf: s.asOf,
      loadProblems: load.problems,
      sources: load.sources,
      unavailableIds: load.unavailableIds,
      unavailableParents: load.unavailableParents,
      missingMeasureFiles: missingMeasureFiles(
        load.files,
        options.measureFileExists ?? ((file) => measureFileExists(config.root, file)),
      ),
      ...(options.lastChanged ? { lastChanged: options.lastChanged } : {}),
      ...(options.workCommits ? { workCommits: options.workCommits } : {}),
      ...(options.baseline
        ? { changes: fieldChanges(options.baseline, graph, config, s.asOf), baseline: options.baseline }
        : {}),
    },
    options.only,
  );
}

/** The whole pipeline: load → graph → rollup → lint. */
export function analyze(config: Config, options: AnalyzeOptions): Analysis {
  const s = standing(config, options);
  return { ...s, diagnostics: lintStanding(s, options) };
}
