import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (owner: string, id: string, extra: string[] = []) =>
  yaml(
    `owner: ${owner}`,
    'cycle: 2026',
    'objectives:',
    `  - id: ${id}`,
    `    title: Objective ${id} owned by ${owner}`,
    ...extra,
    '    key_results:',
    '      - id: quality',
    '        title: Quality judged good by the review',
    '        progress: 0.5',
  );

describe('duplicate-id', () => {
  it('valid: the same KR id in two different objectives does not fire', () => {
    const diagnostics = lint({
      'okrs/a.yaml': file('company', 'grow-revenue'),
      'okrs/b.yaml': file('company', 'delight-customers'),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: an objective id used in two files is reported at the later id, naming the first file:line', () => {
    const diagnostics = lint({
      'okrs/b.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: other',
        '    title: Another objective for the company',
        '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        '  - id: grow-revenue',
        '    title: Grow revenue a second time over',
      ),
      'okrs/a.yaml': file('company', 'grow-revenue'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        severity: 'error',
        file: 'okrs/b.yaml',
        line: 7,
        column: 9,
        target: 'grow-revenue',
      },
    ]);
    const d = diagnostics[0];
    expect(d!.message).toContain('objective id "grow-revenue" is already used at okrs/a.yaml:4');
  });

  it('invalid: the later objective is left out of the graph, so its links are not checked', () => {
    const diagnostics = lint({
      'okrs/a.yaml': file('company', 'grow-revenue'),
      'okrs/b.yaml': file('sales', 'grow-revenue', ['    parent: no-such-objective']),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        severity: 'error',
        file: 'okrs/b.yaml',
        line: 4,
        column: 9,
        target: 'grow-revenue',
      },
    ]);
  });

  it('invalid: a KR id used twice in one objective names the first KR’s line', () => {
    const diagnostics = lintRule('duplicate-id', {
      'okrs/a.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: grow-revenue',
        '    title: Grow revenue from new markets abroad',
        '    key_results:',
        '      - id: arr',
        '        title: Recurring revenue in millions',
        '        start: 10',
        '        target: 20',
        '      - id: arr',
        '        title: Recurring revenue judged by the board',
        '        progress: 0.2',
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        severity: 'error',
        file: 'okrs/a.yaml',
        line: 11,
        column: 13,
        target: 'grow-revenue/arr',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'key result id "grow-revenue/arr" is already used at okrs/a.yaml:7',
    );
  });
});
