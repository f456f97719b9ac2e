import { ruleTester, yaml } from '../rule-tester.js';

const company = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    rollup: children',
);

ruleTester('no-key-results').run({
  valid: [
    {
      name: 'an objective without KRs but with an objective aligned to it does not fire',
      files: {
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
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'an objective with neither KRs nor children is reported at its mapping',
      files: { 'okrs/company.yaml': company },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 4,
          column: 5,
          severity: 'warning',
          target: 'grow-revenue',
          messageIncludes: 'objective "grow-revenue" has no key results and nothing aligned to it',
        },
      ],
    },
    {
      name: 'an empty key_results list counts as none',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - title: Grow revenue from new markets abroad',
          '    id: grow-revenue',
          '    key_results: []',
        ),
      },
      errors: [{ line: 4, column: 5, target: 'grow-revenue' }],
    },
  ],
});
