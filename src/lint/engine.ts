import { boundMessage, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { locate } from '../locate.js';
import type { SourceFile } from '../model.js';
import { shownPath } from '../paths.js';
import { directives } from './directives.js';
import { RULES } from './registry.js';
import type { RuleContext } from './types.js';

/** What the rules read: the rule context without the per-rule parts, git inputs optional. */
export type LintInput = Omit<RuleContext, 'options' | 'report' | 'forward' | 'lastChanged' | 'changes'> &
  Partial<Pick<RuleContext, 'lastChanged' | 'changes'>>;

/** Lines on which rules are silenced by `# okr-disable-line` / `# okr-disable-next-line` comments. */
function disabledLines(source: SourceFile): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  for (const directive of directives(source)) {
    const set = result.get(directive.silences) ?? new Set<string>();
    for (const r of directive.rules.length ? directive.rules : ['*']) set.add(r);
    result.set(directive.silences, set);
  }
  return result;
}

/** Runs every enabled rule and returns the problems with their severities, sorted by position. */
export function lint(input: LintInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
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
  const directives = new Map<string, Map<number, Set<string>>>();
  const kept = diagnostics.filter((d) => {
    const source = input.sources.get(d.file);
    if (!source) return true;
    let lines = directives.get(d.file);
    if (!lines) {
      lines = disabledLines(source);
      directives.set(d.file, lines);
    }
    const rules = lines.get(d.line);
    return !(rules && (rules.has('*') || rules.has(d.ruleId)));
  });
  kept.sort(compareDiagnostics);
  // The rules and the directives work on root-relative paths; what is reported names files as output does.
  return !input.config.pathPrefix ? kept : kept.map((d) => ({ ...d, file: shownPath(input.config, d.file) }));
}
