import { ruleTester, yaml } from '../rule-tester.js';

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

ruleTester('unresolved-parent').run({
  valid: [
    {
      name: 'a parent objective does not fire',
      files: { 'okrs/company.yaml': company, 'okrs/sales.yaml': team('grow-revenue') },
      clean: true,
    },
    {
      name: 'a parent KR does not fire',
      files: { 'okrs/company.yaml': company, 'okrs/sales.yaml': team('grow-revenue/arr') },
      clean: true,
    },
    {
      name: 'a parent left out for a schema problem is not reported again',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: [a list]',
        ),
        'okrs/sales.yaml': team('grow-revenue'),
      },
      others: [{ ruleId: 'schema', file: 'okrs/company.yaml', line: 5, column: 12 }],
    },
    {
      name: 'a parent declared in a file with a YAML syntax problem is not reported as missing',
      files: {
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
      },
      others: [{ ruleId: 'yaml-syntax', file: 'okrs/company.yaml', line: 6, column: 5 }],
    },
  ],
  invalid: [
    {
      name: 'a parent naming no objective is reported at the parent value',
      files: { 'okrs/company.yaml': company, 'okrs/sales.yaml': team('grow-revenu') },
      errors: [
        {
          file: 'okrs/sales.yaml',
          line: 6,
          column: 13,
          severity: 'error',
          target: 'open-nordics',
          messageIncludes: 'objective "open-nordics" has parent "grow-revenu" which does not exist',
        },
      ],
    },
    {
      name: 'a parent naming a missing KR lists the KRs the objective has',
      files: { 'okrs/company.yaml': company, 'okrs/sales.yaml': team('"grow-revenue/nrr"') },
      errors: [
        {
          line: 6,
          column: 13,
          messageIncludes: 'objective "grow-revenue" has no key result "nrr" (it has arr)',
        },
      ],
    },
  ],
});
