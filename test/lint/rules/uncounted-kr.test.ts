import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/** The company objective with `rollup`, a measured KR (line 8) and a KR measured by aligned objectives (line 12). */
const company = (rollup: string) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    `    rollup: ${rollup}`,
    '    key_results:',
    '      - id: arr',
    '        title: Recurring revenue from 10 to 20 million',
    '        start: 10',
    '        target: 20',
    '      - id: new-markets',
    '        title: New markets contribute to revenue',
  );

const team = (parent: string) =>
  yaml(
    'owner: sales',
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    `    parent: ${parent}`,
    '    key_results: [{ id: deals, title: Signed deals in the Nordics from 0 to 10, start: 0, target: 10 }]',
  );

describe('uncounted-kr', () => {
  it('valid: rollup both counts the KRs beside the children', () => {
    expect(
      lint({ 'okrs/company.yaml': company('both'), 'okrs/sales.yaml': team('grow-revenue/new-markets') }),
    ).toEqual([]);
  });

  it('valid: rollup children without children falls back to the KRs', () => {
    expect(lintRule('uncounted-kr', { 'okrs/company.yaml': company('children') })).toEqual([]);
  });

  it('invalid: rollup children with a child reports each measured KR at its mapping', () => {
    const diagnostics = lintRule('uncounted-kr', {
      'okrs/company.yaml': company('children'),
      'okrs/sales.yaml': team('grow-revenue'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'uncounted-kr',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 8,
        column: 9,
        target: 'grow-revenue/arr',
      },
    ]);
    const message = diagnostics[0]!.message;
    expect(message).toContain('key result "grow-revenue/arr" counts for nothing');
    expect(message).toContain('set "rollup: both" on "grow-revenue"');
    expect(message).toContain('drop the key result or move it');
  });

  it('invalid: a child aligned to a KR is a child too, and the config default applies', () => {
    const files = {
      'okrs/company.yaml': company('children').replace('    rollup: children\n', ''),
      'okrs/sales.yaml': team('grow-revenue/new-markets'),
    };
    expect(lintRule('uncounted-kr', files)).toEqual([]);
    const configured = lintRule('uncounted-kr', files, { config: 'rollup: children\n' });
    expect(configured.map((d) => d.target)).toEqual(['grow-revenue/arr']);
  });
});
