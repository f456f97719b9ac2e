import { boundMessage, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { locate } from '../locate.js';
import type { SourceFile } from '../model.js';
import { covers, type Disable, disables } from './directives.js';
import { RULES } from './registry.js';
import type { DisableUse, Rule, RuleContext } from './types.js';

/** What the rules read: the rule context without the per-rule parts, git inputs optional. */
export type LintInput = Omit<
  RuleContext,
  'options' | 'report' | 'forward' | 'lastChanged' | 'changes' | 'compared' | 'disables'
> &
  Partial<Pick<RuleContext, 'lastChanged' | 'changes'>>;

/** A file's disable comments, each with the names that have silenced a problem so far. */
type Silencers = { disable: Disable; silenced: Set<string> }[];

/**
 * The problems no disable comment covers. Each comment that covers a problem of a rule it names
 * (or, naming none, of any rule) records that it silenced something.
 */
function unsilenced(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceFile>,
  silencers: Map<string, Silencers>,
): Diagnostic[] {
  return diagnostics.filter((d) => {
    const source = sources.get(d.file);
    if (!source) return true;
    let list = silencers.get(d.file);
    if (!list) {
      list = disables(source).map((disable) => ({ disable, silenced: new Set<string>() }));
      silencers.set(d.file, list);
    }
    let silenced = false;
    for (const { disable, silenced: names } of list) {
      const name = disable.rules.length === 0 ? '*' : disable.rules.includes(d.ruleId) ? d.ruleId : null;
      if (name === null || !covers(disable, d.line)) continue;
      names.add(name);
      silenced = true;
    }
    return !silenced;
  });
}

/** Every disable comment of every file, with the names that silenced a problem. */
function disableUses(
  sources: ReadonlyMap<string, SourceFile>,
  silencers: Map<string, Silencers>,
): DisableUse[] {
  const uses: DisableUse[] = [];
  for (const [path, source] of sources) {
    const list =
      silencers.get(path) ?? disables(source).map((disable) => ({ disable, silenced: new Set<string>() }));
    for (const { disable, silenced } of list) uses.push({ file: path, directive: disable, silenced });
  }
  return uses;
}

/** Runs every enabled rule and returns the problems with their severities, sorted by position. */
export function lint(input: LintInput): Diagnostic[] {
  const silencers = new Map<string, Silencers>();
  // unused-disable judges the comments once every other rule's problems went through them.
  const kept = unsilenced(
    run(
      input,
      RULES.filter((r) => !r.meta.readsDisables),
      [],
    ),
    input.sources,
    silencers,
  );
  const lateRules = RULES.filter((r) => r.meta.readsDisables && severityOf(input, r) !== 'off');
  const uses = lateRules.length > 0 ? disableUses(input.sources, silencers) : [];
  const late = run(input, lateRules, uses);
  return [...kept, ...unsilenced(late, input.sources, silencers)].sort(compareDiagnostics);
}

function severityOf(input: LintInput, rule: Rule): string {
  return (input.config.rules[rule.meta.id] ?? rule.meta).severity;
}

/** The problems of `rules` that the config leaves on, with their severities. */
function run(input: LintInput, rules: readonly Rule[], uses: readonly DisableUse[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = input.config.rules[rule.meta.id] ?? {
      severity: rule.meta.severity,
      options: rule.meta.options,
    };
    if (setting.severity === 'off') continue;
    const severity = setting.severity;
    const ctx: RuleContext = {
      config: input.config,
      files: input.files,
      graph: input.graph,
      rollup: input.rollup,
      strategy: input.strategy,
      asOf: input.asOf,
      loadProblems: input.loadProblems,
      lastChanged: input.lastChanged ?? new Map(),
      changes: input.changes ?? [],
      compared: input.changes !== undefined,
      disables: uses,
      unavailableIds: input.unavailableIds,
      unavailableParents: input.unavailableParents,
      sources: input.sources,
      options: { ...rule.meta.options, ...setting.options },
      forward: (problem) =>
        diagnostics.push({
          ...problem,
          message: boundMessage(problem.message),
          ruleId: rule.meta.id,
          severity,
        }),
      report(report) {
        const source = input.sources.get(report.file);
        const position = source
          ? locate(source, report.path, { key: report.key ?? false })
          : { line: 1, column: 1, endLine: 1, endColumn: 1 };
        diagnostics.push({
          ruleId: rule.meta.id,
          severity,
          message: boundMessage(report.message),
          file: report.file,
          target: report.target,
          ...position,
        });
      },
    };
    rule.check(ctx);
  }
  return diagnostics;
}
