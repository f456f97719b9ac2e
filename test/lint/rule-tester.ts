import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, configFromText, defaultConfig } from '../../src/config/config.js';
import { parseDay } from '../../src/dates.js';
import type { Diagnostic, Severity } from '../../src/diagnostics.js';
import { buildGraph } from '../../src/graph/graph.js';
import { RULES } from '../../src/lint/registry.js';
import { ruleSettings } from '../../src/lint/settings.js';
import { loadFromTexts, loadTexts } from '../../src/load/texts.js';
import type { Config } from '../../src/model.js';
import { standing } from '../../src/rollup/standing.js';
import { lintStanding } from '../../src/run/analyze.js';

/** The date the rule tests run at, in the middle of 2026-Q4. */
export const AS_OF = '2026-11-15';

/** The folder the texts of a case stand for; nothing is read from or written to it. */
const ROOT = '/okr-rule-tester';

export interface RuleCase {
  /** What the case shows; the test is named after it. */
  name: string;
  /** The project's files, root-relative path → text (okr.config.yaml may be one of them). */
  files: Record<string, string>;
  /** Text of okr.config.yaml. */
  config?: string;
  /** The date the analysis runs at (YYYY-MM-DD), AS_OF unless given. */
  asOf?: string;
  /** Options of the rule under test, over its defaults and the config's; checked against their declared types. */
  options?: Record<string, unknown>;
  /** Load exactly these paths instead of those include/exclude select; a path without a text is missing. */
  paths?: string[];
  /** Last day each KR's value changed in git (full id → YYYY-MM-DD), as `okr check` reads it from history. */
  lastChanged?: Record<string, string>;
  /** Files of the base revision (path → text), as `okr check --base REF` reads them. */
  baseline?: Record<string, string>;
  /** Commits of BASE..HEAD and the ids their work trailers name, as `okr check --base REF` reads them. */
  workCommits?: { sha: string; refs: string[] }[];
  /** Run every rule and expect no problem of any other rule: the files are wrong only as the case says. */
  clean?: true;
  /**
   * Exactly the problems of other rules the case draws (every rule runs, as for `clean`): what the files
   * do wrong is reported by the rule it belongs to, not by the rule under test.
   */
  others?: (ExpectedProblem & { ruleId: string })[];
}

export interface ExpectedProblem {
  line: number;
  column: number;
  /** Where the problem's span ends, when the test is about its extent. */
  endLine?: number;
  endColumn?: number;
  /** The whole message, or a pattern it matches. */
  message?: string | RegExp;
  /** A part of the message (its data: ids, numbers, names). */
  messageIncludes?: string | string[];
  /** The full id the problem is about, or null for a file-level problem. */
  target?: string | null;
  /** The file, when the case has more than one. */
  file?: string;
  severity?: Severity;
}

export interface InvalidCase extends RuleCase {
  /** Exactly the problems the rule reports, in order of position. */
  errors: ExpectedProblem[];
}

export interface RuleTests {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

function day(date: string): number {
  const parsed = parseDay(date);
  if (parsed === null) throw new Error(`not a date: ${date}`);
  return parsed;
}

const SEVERITY_WORDS = { off: 'off', warning: 'warn', error: 'error' } as const;

function configOf(ruleId: string, c: RuleCase): Config {
  const { [CONFIG_FILE]: fileConfig } = c.files;
  const text = c.config ?? fileConfig;
  const config =
    text === undefined ? defaultConfig(ROOT) : configFromText(defaultConfig(ROOT), CONFIG_FILE, text);
  if (!c.options) return config;
  // The options are checked as the config's are: a name the rule does not declare, or a value of
  // another type than its default, is refused (ConfigError).
  const checked = configFromText(
    defaultConfig(ROOT),
    CONFIG_FILE,
    JSON.stringify({ rules: { [ruleId]: ['warn', c.options] } }),
  );
  ruleSettings(checked);
  const { severity, options } = ruleSettings(config)[ruleId]!;
  const entry = [SEVERITY_WORDS[severity], { ...options, ...c.options }];
  const source = config.ruleEntries?.source ?? checked.ruleEntries!.source;
  return { ...config, ruleEntries: { source, entries: { ...config.ruleEntries?.entries, [ruleId]: entry } } };
}

/**
 * The problems found on a case in memory, through the path `okr check` takes (load from texts → graph
 * → rollup → lint): those of `ruleId`, run alone, or those of every rule for a `clean` case or one with
 * `others`. A rule that reads the disable comments judges them after every other rule's problems went
 * through them, so every rule runs for it.
 */
export function runRule(ruleId: string, c: RuleCase): Diagnostic[] {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule "${ruleId}"`);
  const config = configOf(ruleId, c);
  const { [CONFIG_FILE]: _config, ...texts } = c.files;
  const load = loadFromTexts(config, texts, c.paths);
  const s = standing(config, { asOf: day(c.asOf ?? AS_OF), load });
  const baseline =
    c.baseline &&
    buildGraph(
      loadTexts(config, new Map(Object.entries(c.baseline).map(([path, text]) => [path, { text }])), null)
        .files,
      config.rollup,
    );
  const diagnostics = lintStanding(s, {
    ...(rule.meta.readsDisables || c.clean || c.others ? {} : { only: new Set([ruleId]) }),
    ...(c.lastChanged
      ? { lastChanged: new Map(Object.entries(c.lastChanged).map(([id, date]) => [id, day(date)])) }
      : {}),
    ...(baseline ? { baseline } : {}),
    // A measure's file is there when the case has it among its files; nothing is read from disk.
    measureFileExists: (file) => Object.hasOwn(c.files, file),
    ...(c.workCommits ? { workCommits: c.workCommits } : {}),
  });
  return c.clean || c.others ? diagnostics : diagnostics.filter((d) => d.ruleId === ruleId);
}

/** What a test expects of a problem, with the same fields taken from the problem found. */
function compared(
  found: Diagnostic | undefined,
  expected: ExpectedProblem & { ruleId?: string },
): [Record<string, unknown>, Record<string, unknown>] {
  const want: Record<string, unknown> = { line: expected.line, column: expected.column };
  const got: Record<string, unknown> = { line: found?.line, column: found?.column };
  if (expected.message !== undefined)
    want.message =
      typeof expected.message === 'string' ? expected.message : expect.stringMatching(expected.message);
  const parts =
    expected.messageIncludes === undefined
      ? []
      : Array.isArray(expected.messageIncludes)
        ? expected.messageIncludes
        : [expected.messageIncludes];
  if (want.message !== undefined) got.message = found?.message;
  if (parts.length > 0) {
    want.messageIncludes = parts;
    got.messageIncludes = parts.filter((part) => found?.message.includes(part));
  }
  for (const key of ['ruleId', 'target', 'file', 'severity', 'endLine', 'endColumn'] as const)
    if (expected[key] !== undefined) {
      want[key] = expected[key];
      got[key] = found?.[key];
    }
  return [got, want];
}

/** Asserts that `found` are exactly the `expected` problems, in order. */
function same(
  found: readonly Diagnostic[],
  expected: readonly (ExpectedProblem & { ruleId?: string })[],
): void {
  const pairs = expected.map((e, i) => compared(found[i], e));
  expect(
    pairs.map(([got]) => got),
    found.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'),
  ).toEqual(pairs.map(([, want]) => want));
  expect(found).toHaveLength(expected.length);
}

/** Asserts the problems of a case: `errors` of the rule, and `others` (or none) of the rest when asked. */
function check(ruleId: string, c: RuleCase, errors: readonly ExpectedProblem[]): void {
  const found = runRule(ruleId, c);
  same(
    found.filter((d) => d.ruleId === ruleId),
    errors,
  );
  if (c.clean || c.others)
    same(
      found.filter((d) => d.ruleId !== ruleId),
      c.others ?? [],
    );
}

/**
 * ESLint's RuleTester for one rule: each valid case must draw no problem of the rule, each invalid case
 * exactly its `errors` (line and column, and message, target, file and severity where given), in order;
 * with `clean` or `others`, the other rules' problems are asserted too.
 */
export function ruleTester(ruleId: string): { run(tests: RuleTests): void } {
  return {
    run({ valid, invalid }) {
      describe(`${ruleId} (rule tester)`, () => {
        for (const c of valid) it(`valid: ${c.name}`, () => check(ruleId, c, []));
        for (const c of invalid) it(`invalid: ${c.name}`, () => check(ruleId, c, c.errors));
      });
    },
  };
}

/** A YAML text from its lines, so that a test can count line numbers: line N is argument N. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
