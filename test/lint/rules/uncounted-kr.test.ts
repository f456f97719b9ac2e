import { ruleTester, yaml } from '../rule-tester.js';

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

/** A child aligned to a KR, under an objective that leaves rollup to the config. */
const toKr = {
  'okrs/company.yaml': company('children').replace('    rollup: children\n', ''),
  'okrs/sales.yaml': team('grow-revenue/new-markets'),
};

ruleTester('uncounted-kr').run({
  valid: [
    {
      name: 'rollup both counts the KRs beside the children',
      files: { 'okrs/company.yaml': company('both'), 'okrs/sales.yaml': team('grow-revenue/new-markets') },
      clean: true,
    },
    {
      name: 'rollup children without children falls back to the KRs',
      files: { 'okrs/company.yaml': company('children') },
    },
    { name: 'a child aligned to a KR under the default rollup', files: toKr },
  ],
  invalid: [
    {
      name: 'rollup children with a child reports each measured KR at its mapping',
      files: { 'okrs/company.yaml': company('children'), 'okrs/sales.yaml': team('grow-revenue') },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 8,
          column: 9,
          severity: 'warning',
          target: 'grow-revenue/arr',
          messageIncludes: [
            'key result "grow-revenue/arr" counts for nothing',
            'set "rollup: both" on "grow-revenue"',
            'drop the key result or move it',
          ],
        },
      ],
    },
    {
      name: 'a child aligned to a KR is a child too, and the config default applies',
      files: toKr,
      config: 'rollup: children\n',
      // The objective has no rollup line here, so the KR's mapping is on line 7.
      errors: [{ line: 7, column: 9, target: 'grow-revenue/arr' }],
    },
  ],
});
