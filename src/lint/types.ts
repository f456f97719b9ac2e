import type { Problem, Severity } from '../diagnostics.js';
import type { FieldChange } from '../diff/changes.js';
import type { Graph } from '../graph/graph.js';
import type { Config, OkrFile, SourceFile, StrategyData, YamlPath } from '../model.js';
import type { Rollup } from '../rollup/rollup.js';
import type { Directive } from './directives.js';

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  /** Options with their defaults; a config's options are checked against these types. */
  options: Record<string, number | string[]>;
  /** Reads `disables`: runs once the other rules' problems have gone through the disable comments. */
  readsDisables?: true;
}

/** A disable comment and the rule names in it that silenced a problem (`*` for a comment naming none). */
export interface DisableUse {
  file: string;
  directive: Directive;
  silenced: ReadonlySet<string>;
}

/** What a rule reports: a path in a file; the engine turns it into line and column. */
export interface Report {
  file: string;
  path: YamlPath;
  /** Point at the key of the last path segment rather than its value. */
  key?: boolean;
  message: string;
  target: string | null;
}

export interface RuleContext {
  config: Config;
  files: readonly OkrFile[];
  graph: Graph;
  rollup: Rollup;
  strategy: StrategyData | null;
  /** Day number of the date the status is computed for. */
  asOf: number;
  /** Problems found while loading (YAML syntax, schema), already located. */
  loadProblems: readonly Problem[];
  /** Last day each KR's value changed, from git history, when known (full id → day). */
  lastChanged: ReadonlyMap<string, number>;
  /** Changes from the baseline of `okr check --base REF`; empty without one. */
  changes: readonly FieldChange[];
  /** Whether a base revision was given (`okr check --base REF`), so that `changes` was looked for. */
  compared: boolean;
  /** The disable comments and what they silenced, for a rule that `readsDisables`; empty for the others. */
  disables: readonly DisableUse[];
  /** Ids declared in files that failed to load: links to them are not reported again. */
  unavailableIds: ReadonlySet<string>;
  /** Parents named by objectives that failed to load: they may well have children. */
  unavailableParents: ReadonlySet<string>;
  options: Record<string, unknown>;
  report(report: Report): void;
  /** Forward an already located problem. */
  forward(problem: Problem): void;
  sources: ReadonlyMap<string, SourceFile>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
