import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (title: string) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: win-europe',
    `    title: ${title}`,
    '    key_results:',
    '      - { id: buyers, title: Buyers in Europe in thousands, start: 10, target: 14 }',
  );

describe('metric-in-objective', () => {
  it('valid: a qualitative title, even with digits inside words, does not fire', () => {
    expect(lint({ 'okrs/company.yaml': file('Win B2B buyers across Europe with p95 speed') })).toEqual([]);
  });

  it('invalid: a title with a percentage is reported at the title value', () => {
    const diagnostics = lintRule('metric-in-objective', {
      'okrs/company.yaml': file('Grow European buyers by 40% this year'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'metric-in-objective',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 5,
        column: 12,
        target: 'win-europe',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('contains the number "40%"');
  });

  it('invalid: a quoted title with a plain number points at the opening quote', () => {
    const diagnostics = lintRule('metric-in-objective', {
      'okrs/company.yaml': file('"Sign 3 new partners in Europe"'),
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[5, 12, 'win-europe']]);
    expect(diagnostics[0]!.message).toContain('"3"');
  });
});
