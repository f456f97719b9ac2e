import { boundMessage, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { RuleSetting, SourceFile } from '../model.js';
import { shownPath } from '../paths.js';
import { locate } from '../yaml/locate.js';
import { covers, type Disable, disables } from './directives.js';
import { RULES } from './registry.js';
import { ruleSettings } from './settings.js';
import type { DisableUse, Rule, RuleContext, RuleOptions } from './types.js';

/** What the rules read: the rule context without the per-rule parts, git inputs optional. */
export type LintInput = Omit<
  RuleContext,
  | 'options'
  | 'report'
  | 'forward'
  | 'lastChanged'
  | 'missingMeasureFiles'
  | 'changes'
  | 'compared'
  | 'disables'
  | 'ruleIds'
  | 'baseline'
  | 'workCommits'
> &
  Partial<Pick<RuleContext, 'lastChanged' | 'missingMeasureFiles' | 'changes' | 'baseline' | 'workCommits'>>;

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** A file's disable comments, each with the names that have silenced a problem so far. */
type Silencers = { disable: Disable; silenced: Set<string> }[];

/** The disable comments of the files, read once a file and kept with what they silenced. */
class Comments {
  private readonly byFile = new Map<string, Silencers>();

  constructor(private readonly sources: ReadonlyMap<string, SourceFile>) {}

  private of(path: string, source: SourceFile): Silencers {
    let list = this.byFile.get(path);
    if (!list) {
      list = disables(source).map((disable) => ({ disable, silenced: new Set<string>() }));
      this.byFile.set(path, list);
    }
    return list;
  }

  /**
   * The problems no comment covers. Each comment that covers a problem of a rule it names (or,
   * naming none, of any rule) records that it silenced something.
   */
  unsilenced(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter((d) => {
      const source = this.sources.get(d.file);
      if (!source) return true;
      let silenced = false;
      for (const { disable, silenced: names } of this.of(d.file, source)) {
        const name = disable.rules.length === 0 ? '*' : disable.rules.includes(d.ruleId) ? d.ruleId : null;
        if (name === null || !covers(disable, d.line)) continue;
        names.add(name);
        silenced = true;
      }
      return !silenced;
    });
  }

  /** Every comment of every file, with the names that silenced a problem so far. */
  uses(): DisableUse[] {
    const uses: DisableUse[] = [];
    for (const [path, source] of this.sources)
      for (const { disable, silenced } of this.of(path, source))
        uses.push({ file: path, directive: disable, silenced });
    return uses;
  }
}

/**
 * Runs every enabled rule (or, with `only`, those of them; a view that shows one rule's verdict runs
 * that rule alone) and returns the problems with their severities, sorted by position.
 */
export function lint(input: LintInput, only?: ReadonlySet<string>): Diagnostic[] {
  const rules = only ? RULES.filter((r) => only.has(r.meta.id)) : RULES;
  const settings = ruleSettings(input.config);
  const comments = new Comments(input.sources);
  const kept = comments.unsilenced(
    run(
      input,
      settings,
      rules.filter((r) => !r.meta.readsDisables),
      [],
    ),
  );
  // unused-disable judges the comments once every other rule's problems went through them.
  const lateRules = rules.filter((r) => r.meta.readsDisables && severityOf(settings, r) !== 'off');
  const late = lateRules.length > 0 ? run(input, settings, lateRules, comments.uses()) : [];
  const all = [...kept, ...comments.unsilenced(late)].sort(compareDiagnostics);
  // The rules and the comments work on root-relative paths; what is reported names files as output does.
  return !input.config.pathPrefix ? all : all.map((d) => ({ ...d, file: shownPath(input.config, d.file) }));
}

type Settings = Readonly<Record<string, RuleSetting>>;

function severityOf(settings: Settings, rule: Rule): string {
  return (settings[rule.meta.id] ?? rule.meta).severity;
}

/** The problems of `rules` that the config leaves on, with their severities. */
function run(
  input: LintInput,
  settings: Settings,
  rules: readonly Rule[],
  uses: readonly DisableUse[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id] ?? {
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
      missingMeasureFiles: input.missingMeasureFiles ?? new Set(),
      changes: input.changes ?? [],
      compared: input.changes !== undefined,
      baseline: input.baseline ?? null,
      workCommits: input.workCommits ?? [],
      disables: uses,
      ruleIds: RULE_IDS,
      unavailableIds: input.unavailableIds,
      unavailableParents: input.unavailableParents,
      sources: input.sources,
      // The config's options were checked against the types of these defaults (settings.ts).
      options: { ...rule.meta.options, ...setting.options } as RuleOptions,
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
