import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (cycle: string) =>
  yaml(
    'owner: company',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
  );

describe('unknown-cycle', () => {
  it('valid: every built-in form, a bare year, and a cycle declared in the config do not fire', () => {
    for (const cycle of ['2026', '2026-H2', '2026-Q4', '2026-11', '"2026"'])
      expect(lint({ 'okrs/company.yaml': file(cycle) }), cycle).toEqual([]);
    const config = yaml('cycles:', '  FY27: { start: 2026-07-01, end: 2027-06-30 }');
    expect(lint({ 'okrs/company.yaml': file('FY27') }, { config })).toEqual([]);
  });

  it('invalid: a quarter that does not exist is reported at the cycle value', () => {
    const diagnostics = lintRule('unknown-cycle', { 'okrs/company.yaml': file('2026-Q5') });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unknown-cycle',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 2,
        column: 8,
        target: null,
      },
    ]);
    expect(diagnostics[0]!.message).toContain('cycle "2026-Q5" is not a known cycle');
  });

  it('invalid: a fiscal year that the config does not declare', () => {
    const diagnostics = lintRule('unknown-cycle', { 'okrs/company.yaml': file('FY27') });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[2, 8]]);
    expect(diagnostics[0]!.message).toContain('declare it under "cycles" in okr.config.yaml');
  });
});
