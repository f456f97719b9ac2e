import type { Diagnostic } from '../../src/diagnostics.js';
import type { RuleMeta } from '../../src/lint/types.js';

/** A problem with defaults for what a test does not care about. */
export function problem(fields: Partial<Diagnostic> & Pick<Diagnostic, 'ruleId' | 'message'>): Diagnostic {
  return {
    severity: 'error',
    file: 'okrs/2026-Q4/checkout.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    target: null,
    ...fields,
  };
}

/** Rules as the formatters see them: a fixed set, so the golden files do not follow the registry. */
export const RULES: RuleMeta[] = [
  { id: 'schema', description: 'The file does not match the JSON Schema.', severity: 'error', options: {} },
  {
    id: 'too-many-krs',
    description: 'An objective has more than `max` (5) key results.',
    severity: 'warning',
    options: { max: 5 },
  },
  {
    id: 'unresolved-parent',
    description: '`parent` names no objective or key result.',
    severity: 'error',
    options: {},
  },
  {
    id: 'vague-objective',
    description: 'The title is too short or uses filler words.',
    severity: 'warning',
    options: { minWords: 4, words: [] },
  },
];

/** Problems in two files, sorted as `okr check` sorts them; a third file has none. */
export const PROBLEMS: Diagnostic[] = [
  problem({
    ruleId: 'schema',
    message: 'unknown key "titel"; did you mean "title"?',
    line: 4,
    column: 5,
    endLine: 4,
    endColumn: 10,
  }),
  problem({
    ruleId: 'too-many-krs',
    severity: 'warning',
    message: 'objective "effortless-checkout" has 7 key results; at most 5 keep a team focused',
    target: 'effortless-checkout',
    line: 6,
    column: 5,
    endLine: 30,
    endColumn: 1,
  }),
  problem({
    ruleId: 'unresolved-parent',
    message: 'objective "effortless-checkout" has parent "grow-revenue/new-buyers" which does not exist',
    target: 'effortless-checkout',
    line: 9,
    column: 13,
    endLine: 9,
    endColumn: 36,
  }),
  problem({
    ruleId: 'vague-objective',
    severity: 'warning',
    file: 'okrs/2026-Q4/payments.yaml',
    message: 'the title of objective "pay-o1" uses "stuff" <and> & "etc", which says nothing',
    target: 'pay-o1',
    line: 5,
    column: 12,
    endLine: 5,
    endColumn: 40,
  }),
  problem({
    ruleId: 'vague-objective',
    severity: 'warning',
    file: 'okrs/2026-Q4/payments.yaml',
    message: 'the title of objective "pay-o1" uses "stuff" <and> & "etc", which says nothing',
    target: 'pay-o1',
    line: 5,
    column: 40,
    endLine: 5,
    endColumn: 45,
  }),
];

export const FILES = ['okrs/2026-Q4/checkout.yaml', 'okrs/2026-Q4/growth.yaml', 'okrs/2026-Q4/payments.yaml'];

/** Text that tries every trick against line-based and markup formats. */
export const HOSTILE =
  'Grow, then: win\n::error file=x.yaml,line=1::forged\r\n%0A::warning::also forged %25 | <b>&amp;</b> `code` \u0007 end';
