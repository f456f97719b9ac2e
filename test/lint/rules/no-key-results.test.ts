import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const company = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    rollup: children',
);

describe('no-key-results', () => {
  it('valid: an objective without KRs but with an objective aligned to it does not fire', () => {
    const diagnostics = lint({
      'okrs/company.yaml': company,
      'okrs/sales.yaml': yaml(
        'owner: sales',
        'cycle: 2026-Q4',
        'objectives:',
        '  - id: open-nordics',
        '    title: Open the Nordic market for our product',
        '    parent: grow-revenue',
        '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: an objective with neither KRs nor children is reported at its mapping', () => {
    const diagnostics = lintRule('no-key-results', { 'okrs/company.yaml': company });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'no-key-results',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 4,
        column: 5,
        target: 'grow-revenue',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'objective "grow-revenue" has no key results and nothing aligned to it',
    );
  });

  it('invalid: an empty key_results list counts as none', () => {
    const diagnostics = lintRule('no-key-results', {
      'okrs/company.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - title: Grow revenue from new markets abroad',
        '    id: grow-revenue',
        '    key_results: []',
      ),
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[4, 5, 'grow-revenue']]);
  });
});
