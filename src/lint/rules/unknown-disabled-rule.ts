import { directives } from '../directives.js';
import type { NoOptions, Rule } from '../types.js';

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'unknown-disabled-rule',
    description:
      'An `okr-disable-line` or `okr-disable-next-line` comment names a rule that does not exist, so it silences nothing.',
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const source of ctx.sources.values())
      for (const directive of directives(source))
        for (const name of directive.rules) {
          if (ctx.ruleIds.has(name)) continue;
          ctx.forward({
            ruleId: 'unknown-disabled-rule',
            message: `the okr-disable comment names "${name}", which is no rule, so it silences nothing; check the spelling ("okr rules" lists the rules)`,
            file: source.path,
            target: null,
            line: directive.line,
            column: directive.column,
            endLine: directive.line,
            endColumn: directive.endColumn,
          });
        }
  },
};
