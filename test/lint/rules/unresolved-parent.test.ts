import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const company = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    rollup: both',
  '    key_results: [{ id: arr, title: Recurring revenue in millions, start: 10, target: 20 }]',
);

const team = (parent: string) =>
  yaml(
    'owner: sales',
    'cycle: 2026-Q4',
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    `    parent: ${parent}`,
    '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
  );

describe('unresolved-parent', () => {
  it('valid: a parent objective and a parent KR do not fire', () => {
    expect(lint({ 'okrs/company.yaml': company, 'okrs/sales.yaml': team('grow-revenue') })).toEqual([]);
    expect(lint({ 'okrs/company.yaml': company, 'okrs/sales.yaml': team('grow-revenue/arr') })).toEqual([]);
  });

  it('invalid: a parent naming no objective is reported at the parent value', () => {
    const diagnostics = lintRule('unresolved-parent', {
      'okrs/company.yaml': company,
      'okrs/sales.yaml': team('grow-revenu'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unresolved-parent',
        severity: 'error',
        file: 'okrs/sales.yaml',
        line: 6,
        column: 13,
        target: 'open-nordics',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'objective "open-nordics" has parent "grow-revenu" which does not exist',
    );
  });

  it('invalid: a parent naming a missing KR lists the KRs the objective has', () => {
    const diagnostics = lintRule('unresolved-parent', {
      'okrs/company.yaml': company,
      'okrs/sales.yaml': team('"grow-revenue/nrr"'),
    });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[6, 13]]);
    expect(diagnostics[0]!.message).toContain(
      'objective "grow-revenue" has no key result "nrr" (it has arr)',
    );
  });

  it('invalid: a parent left out for a schema problem is not reported again', () => {
    const diagnostics = lint({
      'okrs/company.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: grow-revenue',
        '    title: [a list]',
      ),
      'okrs/sales.yaml': team('grow-revenue'),
    });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema']);
  });

  it('invalid: a parent declared in a file with a YAML syntax problem is not reported as missing', () => {
    const diagnostics = lint({
      'okrs/company.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: grow-revenue',
        '    title: Grow revenue from new markets abroad',
        '    title: Grow revenue twice',
        '    key_results: [{ id: arr, title: Recurring revenue in millions, start: 10, target: 20 }]',
      ),
      'okrs/sales.yaml': team('grow-revenue/arr'),
    });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'okrs/company.yaml:6:5 yaml-syntax',
    ]);
  });
});
