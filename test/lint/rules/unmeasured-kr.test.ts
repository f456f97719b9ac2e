import { ruleTester, yaml } from '../rule-tester.js';

const company = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results:',
  '      - id: nordics',
  '        title: The Nordic market is open for business',
);

ruleTester('unmeasured-kr').run({
  valid: [
    {
      name: 'a KR without a measure that an objective aligns to does not fire',
      files: {
        'okrs/company.yaml': company,
        'okrs/sales.yaml': yaml(
          'owner: sales',
          'cycle: 2026-Q4',
          'objectives:',
          '  - id: open-nordics',
          '    title: Open the Nordic market for our product',
          '    parent: grow-revenue/nordics',
          '    key_results: [{ id: deals, title: Signed deals in the Nordics, start: 0, target: 10 }]',
        ),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a KR with no measure and nothing aligned to it is reported at the KR mapping',
      files: { 'okrs/company.yaml': company },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 7,
          column: 9,
          severity: 'warning',
          target: 'grow-revenue/nordics',
          messageIncludes: 'key result "grow-revenue/nordics" has no measure',
        },
      ],
    },
    {
      name: 'a KR of an objective whose id repeats an earlier one is unmeasured: nothing can align to it',
      files: {
        'okrs/a.yaml': yaml(
          'owner: checkout',
          'cycle: 2026-Q4',
          'objectives:',
          '  - id: effortless',
          '    title: Make checkout effortless for first-time buyers',
          '    key_results: [{ id: conversion, title: Conversion from 2% to 3%, start: 2, target: 3 }]',
        ),
        'okrs/b.yaml': yaml(
          'owner: payments',
          'cycle: 2026-Q4',
          'objectives:',
          '  - id: effortless',
          '    title: Let buyers pay the way they prefer',
          '    key_results:',
          '      - { id: trust, title: Buyers trust our payment page }',
        ),
        'okrs/c.yaml': yaml(
          'owner: wallets',
          'cycle: 2026-Q4',
          'objectives:',
          '  - id: wallets',
          '    title: Make paying with a wallet the easy choice',
          '    parent: effortless/trust',
          '    key_results: [{ id: share, title: Wallet share from 10% to 20%, start: 10, target: 20 }]',
        ),
      },
      errors: [{ file: 'okrs/b.yaml', line: 7, column: 9, severity: 'warning', target: 'effortless/trust' }],
    },
  ],
});
