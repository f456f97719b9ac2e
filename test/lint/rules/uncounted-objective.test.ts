import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/** The company objective, with `rollup` when given; its first KR is measured, its second is not. */
const company = (rollup?: string) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    ...(rollup ? [`    rollup: ${rollup}`] : []),
    '    key_results:',
    '      - { id: arr, title: Recurring revenue from 10 to 20 million, start: 10, target: 20 }',
    '      - { id: new-markets, title: New markets contribute to revenue }',
  );

/** A team objective aligned to `parent`. */
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

describe('uncounted-objective', () => {
  it('valid: an objective aligned to a KR of the parent does not fire', () => {
    expect(
      lint({ 'okrs/company.yaml': company(), 'okrs/sales.yaml': team('grow-revenue/new-markets') }),
    ).toEqual([]);
  });

  it('valid: a parent with rollup both or children counts the objectives aligned to it', () => {
    for (const rollup of ['both', 'children'])
      expect(
        lintRule('uncounted-objective', {
          'okrs/company.yaml': company(rollup),
          'okrs/sales.yaml': team('grow-revenue'),
        }),
        rollup,
      ).toEqual([]);
  });

  it('valid: a parent without KRs takes its progress from its children, whatever its mode', () => {
    const parent = yaml(
      'owner: company',
      'cycle: 2026',
      'objectives:',
      '  - id: grow-revenue',
      '    title: Grow revenue from new markets abroad',
      '    rollup: krs',
    );
    expect(
      lintRule('uncounted-objective', {
        'okrs/company.yaml': parent,
        'okrs/sales.yaml': team('grow-revenue'),
      }),
    ).toEqual([]);
  });

  it('invalid: an objective aligned to a parent rolled up from its KRs is reported at the parent value', () => {
    const diagnostics = lintRule('uncounted-objective', {
      'okrs/company.yaml': company(),
      'okrs/sales.yaml': team('grow-revenue'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'uncounted-objective',
        severity: 'warning',
        file: 'okrs/sales.yaml',
        line: 6,
        column: 13,
        target: 'open-nordics',
      },
    ]);
    const message = diagnostics[0]!.message;
    expect(message).toContain('objective "open-nordics" aligns to "grow-revenue"');
    expect(message).toContain('counts for nothing');
    expect(message).toContain('grow-revenue/arr, grow-revenue/new-markets');
    expect(message).toContain('set the rollup of "grow-revenue" to both or children');
  });

  it('invalid: an explicit rollup krs and the config default krs are the same', () => {
    const explicit = lintRule('uncounted-objective', {
      'okrs/company.yaml': company('krs'),
      'okrs/sales.yaml': team('grow-revenue'),
    });
    expect(explicit.map((d) => [d.file, d.line, d.column])).toEqual([['okrs/sales.yaml', 6, 13]]);
    const configured = lintRule(
      'uncounted-objective',
      { 'okrs/company.yaml': company(), 'okrs/sales.yaml': team('grow-revenue') },
      { config: 'rollup: both\n' },
    );
    expect(configured).toEqual([]);
  });
});
