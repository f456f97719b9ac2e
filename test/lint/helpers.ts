import { CONFIG_FILE, loadConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { loadProject } from '../../src/load/load.js';
import { loadTexts } from '../../src/load/texts.js';
import type { Config } from '../../src/model.js';
import { analyze } from '../../src/run/analyze.js';
import { makeProject } from '../helpers.js';

/** The date the rule tests run at, in the middle of 2026-Q4. */
export const AS_OF = '2026-11-15';

export interface LintOptions {
  /** Text of okr.config.yaml, written at the root when given. */
  config?: string;
  /** The date the analysis runs at (YYYY-MM-DD), AS_OF unless given. */
  asOf?: string;
  /** Load exactly these repository paths instead of discovering the files from include/exclude. */
  paths?: string[];
  /** Files of a base revision (path → text), for rules that compare with one (`okr check --base`). */
  baseline?: Record<string, string>;
  /** Runs on the written folder before it is read, for what text files cannot express. */
  prepare?: (root: string) => void;
}

export interface LintResult {
  root: string;
  diagnostics: Diagnostic[];
}

/**
 * Writes `files` (repository path → text) into a fresh temporary folder, reads its config with
 * loadConfig and runs the whole pipeline in process, as `okr check` does.
 */
export function lintProject(files: Record<string, string>, options: LintOptions = {}): LintResult {
  const root = makeProject(
    options.config === undefined ? files : { ...files, [CONFIG_FILE]: options.config },
  );
  options.prepare?.(root);
  const config = loadConfig(root);
  const asOf = parseDay(options.asOf ?? AS_OF);
  if (asOf === null) throw new Error(`not a date: ${options.asOf}`);
  const load = options.paths ? loadProject(config, options.paths) : undefined;
  const baseline = options.baseline && baselineGraph(config, options.baseline);
  const { diagnostics } = analyze(config, {
    asOf,
    ...(load ? { load } : {}),
    ...(baseline ? { baseline } : {}),
  });
  return { root, diagnostics };
}

/** The alignment graph of a base revision's files, read as a revision is read from git. */
function baselineGraph(config: Config, files: Record<string, string>): Graph {
  const texts = new Map(Object.entries(files).map(([path, text]) => [path, { text }]));
  return buildGraph(loadTexts(config, texts, null).files, config.rollup);
}

/** The diagnostics of `files`, sorted by file, line and column. */
export function lint(files: Record<string, string>, options: LintOptions = {}): Diagnostic[] {
  return lintProject(files, options).diagnostics;
}

/** A YAML text from its lines, so that a test can count line numbers: line N is argument N. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The fields a rule test asserts: where, what and how severe. */
export function brief(
  d: Diagnostic,
): Pick<Diagnostic, 'ruleId' | 'severity' | 'file' | 'line' | 'column' | 'target'> {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    target: d.target,
  };
}
