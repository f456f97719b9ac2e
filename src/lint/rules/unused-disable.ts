import type { NoOptions, Rule } from '../types.js';

/** Rules that only look for problems with `okr check --base REF`: without one, a comment naming them is not judged. */
const BASE_ONLY = new Set(['moved-goalpost']);

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unused-disable',
    description:
      'An `okr-disable-line` or `okr-disable-next-line` comment silences no problem: the rules it names report nothing where it points, or are turned off.',
    severity: 'warning',
    options: {},
    readsDisables: true,
  },
  check(ctx) {
    // In a file that did not load whole, the rules skip what failed: its comments cannot be judged.
    const broken = new Set(
      ctx.loadProblems.filter((p) => p.ruleId === 'yaml-syntax' || p.ruleId === 'schema').map((p) => p.file),
    );
    for (const { file, directive, silenced } of ctx.disables) {
      if (broken.has(file)) continue;
      const kind = directive.silences === directive.line ? 'okr-disable-line' : 'okr-disable-next-line';
      // Names that are no rule are unknown-disabled-rule's to report; this rule's own problems come after it.
      const judged = directive.rules.filter(
        (name) =>
          ctx.ruleIds.has(name) && name !== 'unused-disable' && (ctx.compared || !BASE_ONLY.has(name)),
      );
      const unused = [...new Set(judged)].filter((name) => !silenced.has(name));
      let message: string | null = null;
      if (directive.rules.length === 0 && !silenced.has('*'))
        message = `the ${kind} comment silences no problem: no rule reports one where it points; remove the comment`;
      else if (unused.length > 0 && unused.length === directive.rules.length)
        message = `the ${kind} comment names ${quoted(unused)}, which ${unused.length === 1 ? 'reports' : 'report'} no problem where it points (or ${unused.length === 1 ? 'is' : 'are'} turned off), so it silences nothing; remove the comment`;
      else if (unused.length > 0)
        message = `the ${kind} comment names ${quoted(unused)}, which ${unused.length === 1 ? 'reports' : 'report'} no problem where it points (or ${unused.length === 1 ? 'is' : 'are'} turned off); remove ${unused.length === 1 ? 'that name' : 'those names'} from it`;
      if (message === null) continue;
      ctx.forward({
        ruleId: 'unused-disable',
        message,
        file,
        target: null,
        line: directive.line,
        column: directive.column,
        endLine: directive.line,
        endColumn: directive.endColumn,
      });
    }
  },
};
