import { ruleTester, yaml } from '../rule-tester.js';

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

ruleTester('duplicate-id').run({
  valid: [
    {
      name: 'the same KR id in two different objectives does not fire',
      files: {
        'okrs/a.yaml': file('company', 'grow-revenue'),
        'okrs/b.yaml': file('company', 'delight-customers'),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'an objective id used in two files is reported at the later id, naming the first file:line',
      files: {
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
      },
      clean: true,
      errors: [
        {
          file: 'okrs/b.yaml',
          line: 7,
          column: 9,
          severity: 'error',
          target: 'grow-revenue',
          messageIncludes: 'objective id "grow-revenue" is already used at okrs/a.yaml:4',
        },
      ],
    },
    {
      name: 'the later objective is left out of the graph, so its links are not checked',
      files: {
        'okrs/a.yaml': file('company', 'grow-revenue'),
        'okrs/b.yaml': file('sales', 'grow-revenue', ['    parent: no-such-objective']),
      },
      clean: true,
      errors: [{ file: 'okrs/b.yaml', line: 4, column: 9, severity: 'error', target: 'grow-revenue' }],
    },
    {
      name: 'a KR id used twice in one objective names the first KR’s line',
      files: {
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
      },
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 11,
          column: 13,
          severity: 'error',
          target: 'grow-revenue/arr',
          messageIncludes: 'key result id "grow-revenue/arr" is already used at okrs/a.yaml:7',
        },
      ],
    },
  ],
});
