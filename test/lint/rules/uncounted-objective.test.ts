import { ruleTester, yaml } from '../rule-tester.js';

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

ruleTester('uncounted-objective').run({
  valid: [
    {
      name: 'an objective aligned to a KR of the parent does not fire',
      files: { 'okrs/company.yaml': company(), 'okrs/sales.yaml': team('grow-revenue/new-markets') },
      clean: true,
    },
    ...['both', 'children'].map((rollup) => ({
      name: `a parent with rollup ${rollup} counts the objectives aligned to it`,
      files: { 'okrs/company.yaml': company(rollup), 'okrs/sales.yaml': team('grow-revenue') },
    })),
    {
      name: 'a parent without KRs takes its progress from its children, whatever its mode',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    rollup: krs',
        ),
        'okrs/sales.yaml': team('grow-revenue'),
      },
    },
    {
      name: 'the config default rollup both counts them',
      files: { 'okrs/company.yaml': company(), 'okrs/sales.yaml': team('grow-revenue') },
      config: 'rollup: both\n',
    },
  ],
  invalid: [
    {
      name: 'an objective aligned to a parent rolled up from its KRs is reported at the parent value',
      files: { 'okrs/company.yaml': company(), 'okrs/sales.yaml': team('grow-revenue') },
      errors: [
        {
          file: 'okrs/sales.yaml',
          line: 6,
          column: 13,
          severity: 'warning',
          target: 'open-nordics',
          messageIncludes: [
            'objective "open-nordics" aligns to "grow-revenue"',
            'counts for nothing',
            'grow-revenue/arr, grow-revenue/new-markets',
            'set the rollup of "grow-revenue" to both or children',
          ],
        },
      ],
    },
    {
      name: 'an explicit rollup krs is the same as the config default krs',
      files: { 'okrs/company.yaml': company('krs'), 'okrs/sales.yaml': team('grow-revenue') },
      errors: [{ file: 'okrs/sales.yaml', line: 6, column: 13 }],
    },
  ],
});
