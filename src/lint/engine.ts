import { boundMessage, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { yaml } from '../load/yaml.js';
import { locate } from '../locate.js';
import type { SourceFile } from '../model.js';
import { RULES } from './registry.js';
import type { RuleContext } from './types.js';

/** What the rules read: the rule context without the per-rule parts, git inputs optional. */
export type LintInput = Omit<RuleContext, 'options' | 'report' | 'forward' | 'lastChanged' | 'changes'> &
  Partial<Pick<RuleContext, 'lastChanged' | 'changes'>>;

const DIRECTIVE = /^#\s*okr-disable-(next-)?line\b(.*)$/s;
// The lexer marks documents, scalars and flow errors with control characters that are not in the text.
const MARKER_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** The comments of a YAML text with their 1-based lines; a `#` inside a quoted or block scalar is none. */
function comments(text: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  let line = 1;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (MARKER_TOKENS.has(token)) continue;
    if (token.startsWith('#')) result.push({ line, text: token });
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++;
  }
  return result;
}

/** Lines on which rules are silenced by `# okr-disable-line` / `# okr-disable-next-line` comments. */
function disabledLines(source: SourceFile): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  if (!source.text.includes('okr-disable')) return result;
  for (const comment of comments(source.text)) {
    const m = DIRECTIVE.exec(comment.text.trimEnd());
    if (!m) continue;
    const line = comment.line + (m[1] ? 1 : 0);
    const rules = m[2]!
      .replace(/\s--\s.*$/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const set = result.get(line) ?? new Set<string>();
    for (const r of rules.length ? rules : ['*']) set.add(r);
    result.set(line, set);
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
  return kept.sort(compareDiagnostics);
}
