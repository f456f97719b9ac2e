import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (count: number) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    key_results:',
    ...Array.from(
      { length: count },
      (_, i) => `      - { id: kr-${i + 1}, title: Result number ${i + 1} judged, progress: 0.5 }`,
    ),
  );

describe('too-many-krs', () => {
  it('valid: five KRs do not fire', () => {
    expect(lint({ 'okrs/company.yaml': file(5) })).toEqual([]);
  });

  it('invalid: six KRs are reported at the objective mapping', () => {
    const diagnostics = lintRule('too-many-krs', { 'okrs/company.yaml': file(6) });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'too-many-krs',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 4,
        column: 5,
        target: 'grow-revenue',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('objective "grow-revenue" has 6 key results; at most 5');
  });

  it('invalid: option max 3 fires at four KRs, as an error when configured so', () => {
    const config = yaml('rules:', '  too-many-krs: [error, { max: 3 }]');
    expect(lintRule('too-many-krs', { 'okrs/company.yaml': file(3) }, { config })).toEqual([]);
    const diagnostics = lintRule('too-many-krs', { 'okrs/company.yaml': file(4) }, { config });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'too-many-krs',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 4,
        column: 5,
        target: 'grow-revenue',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('has 4 key results; at most 3');
  });
});
