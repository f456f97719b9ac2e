import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const company = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results:',
  '      - id: nordics',
  '        title: The Nordic market is open for business',
);

describe('unmeasured-kr', () => {
  it('valid: a KR without a measure that an objective aligns to does not fire', () => {
    const diagnostics = lint({
      'okrs/company.yaml': company,
      'okrs/sales.yaml': yaml(
        'owner: sales',
        'cycle: 2026-Q4',
        'objectives:',
        '  - id: open-nordics',
        '    title: Open the Nordic market for our product',
        '    parent: grow-revenue/nordics',
        '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: a KR with no measure and nothing aligned to it is reported at the KR mapping', () => {
    const diagnostics = lintRule('unmeasured-kr', { 'okrs/company.yaml': company });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unmeasured-kr',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 7,
        column: 9,
        target: 'grow-revenue/nordics',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('key result "grow-revenue/nordics" has no measure');
  });
});
