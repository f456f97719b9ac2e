import type { Problem, Severity } from '../diagnostics.js';
import type { FieldChange } from '../graph/changes.js';
import type { Graph } from '../graph/graph.js';
import type { Config, OkrFile, SourceFile, StrategyData, YamlPath } from '../model.js';
import type { Rollup } from '../rollup/rollup.js';
import type { Directive } from './directives.js';

/** The value of a rule option: a number (>= 0) or a list of strings. */
export type OptionValue = number | string[];

/** A rule's options by name. */
export type RuleOptions = Record<string, OptionValue>;

/** No options. */
export type NoOptions = Record<never, OptionValue>;

export interface RuleMeta<Options extends RuleOptions = RuleOptions> {
  id: string;
  description: string;
  severity: Severity;
  /**
   * Options with their defaults: the type of each default is the type of the option, which the
   * config's value is checked against, so the rule reads `ctx.options` typed as declared here.
   */
  options: Options;
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

/** A commit and the ids its work trailers name (SPEC §11). */
export interface WorkTrailers {
  sha: string;
  refs: readonly string[];
}

export interface RuleContext<Options extends RuleOptions = RuleOptions> {
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
  /** Root-relative paths of the `measure: { file }` files that are not in the working tree (nothing read). */
  missingMeasureFiles: ReadonlySet<string>;
  /** Changes from the baseline of `okr check --base REF`; empty without one. */
  changes: readonly FieldChange[];
  /** Whether a base revision was given (`okr check --base REF`), so that `changes` was looked for. */
  compared: boolean;
  /** The id of every rule there is, run or not: what a disable comment may name. */
  ruleIds: ReadonlySet<string>;
  /** The commits of BASE..HEAD with their work trailers' values (`okr check --base REF`); empty without one. */
  workCommits: readonly WorkTrailers[];
  /** The graph of the base revision of `okr check --base REF`, or null without one. */
  baseline: Graph | null;
  /** The disable comments and what they silenced, for a rule that `readsDisables`; empty for the others. */
  disables: readonly DisableUse[];
  /** Ids declared in files that failed to load: links to them are not reported again. */
  unavailableIds: ReadonlySet<string>;
  /** Parents named by objectives that failed to load: they may well have children. */
  unavailableParents: ReadonlySet<string>;
  /** The rule's options: its defaults, overridden by the config's (checked against their types). */
  options: Options;
  report(report: Report): void;
  /** Forward an already located problem. */
  forward(problem: Problem): void;
  sources: ReadonlyMap<string, SourceFile>;
}

export interface Rule<Options extends RuleOptions = RuleOptions> {
  meta: RuleMeta<Options>;
  check(ctx: RuleContext<Options>): void;
}
