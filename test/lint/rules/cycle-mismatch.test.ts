import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const company = (cycle: string) =>
  yaml(
    'owner: company',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    rollup: both',
    '    key_results:',
    '      - id: new-markets',
    '        title: Revenue from new markets in millions',
    '        start: 0',
    '        target: 4',
  );

const team = (cycle: string, parent = 'grow-revenue') =>
  yaml(
    'owner: sales',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    `    parent: ${parent}`,
    '    key_results:',
    '      - id: deals',
    '        title: Signed deals in the Nordics',
    '        start: 0',
    '        target: 10',
  );

describe('cycle-mismatch', () => {
  it('valid: a quarter aligned to an objective of its year does not fire', () => {
    expect(lint({ 'okrs/company.yaml': company('2026'), 'okrs/sales.yaml': team('2026-Q4') })).toEqual([]);
  });

  it('valid: a quarter inside a fiscal year declared in the config', () => {
    const diagnostics = lint(
      {
        'okrs/company.yaml': company('FY27'),
        'okrs/sales.yaml': team('2027-Q2', 'grow-revenue/new-markets'),
      },
      { config: yaml('cycles:', '  FY27: { start: 2026-07-01, end: 2027-06-30 }') },
    );
    expect(diagnostics).toEqual([]);
  });

  it('invalid: a quarter of the next year aligned to this year is reported at the parent value', () => {
    const diagnostics = lintRule('cycle-mismatch', {
      'okrs/company.yaml': company('2026'),
      'okrs/sales.yaml': team('2027-Q1'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'cycle-mismatch',
        severity: 'warning',
        file: 'okrs/sales.yaml',
        line: 6,
        column: 13,
        target: 'open-nordics',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"open-nordics" (2027-Q1) aligns to "grow-revenue" of 2026');
  });

  it('invalid: a quarter that ends after the declared fiscal year, aligned to one of its KRs', () => {
    const diagnostics = lintRule(
      'cycle-mismatch',
      {
        'okrs/company.yaml': company('FY27'),
        'okrs/sales.yaml': team('2027-Q3', 'grow-revenue/new-markets'),
      },
      { config: yaml('cycles:', '  FY27: { start: 2026-07-01, end: 2027-06-30 }') },
    );
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'cycle-mismatch',
        severity: 'warning',
        file: 'okrs/sales.yaml',
        line: 6,
        column: 13,
        target: 'open-nordics',
      },
    ]);
  });

  it('invalid: raised to an error by the config', () => {
    const diagnostics = lintRule(
      'cycle-mismatch',
      { 'okrs/company.yaml': company('2026-Q4'), 'okrs/sales.yaml': team('2026') },
      { config: yaml('rules:', '  cycle-mismatch: error') },
    );
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([['error', 6]]);
  });
});
