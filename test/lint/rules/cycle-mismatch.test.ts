import { ruleTester, yaml } from '../rule-tester.js';

const company = (cycle: string) =>
  yaml(
    'owner: company',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    rollup: both',
    '    key_results:',
    '      - id: new-markets',
    '        title: Revenue from new markets in millions',
    '        start: 0',
    '        target: 4',
  );

const team = (cycle: string, parent = 'grow-revenue') =>
  yaml(
    'owner: sales',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: open-nordics',
    '    title: Open the Nordic market for our product',
    `    parent: ${parent}`,
    '    key_results:',
    '      - id: deals',
    '        title: Signed deals in the Nordics',
    '        start: 0',
    '        target: 10',
  );

const fiscal = yaml('cycles:', '  FY27: { start: 2026-07-01, end: 2027-06-30 }');

ruleTester('cycle-mismatch').run({
  valid: [
    {
      name: 'a quarter aligned to an objective of its year does not fire',
      files: { 'okrs/company.yaml': company('2026'), 'okrs/sales.yaml': team('2026-Q4') },
      clean: true,
    },
    {
      name: 'a quarter inside a fiscal year declared in the config',
      files: {
        'okrs/company.yaml': company('FY27'),
        'okrs/sales.yaml': team('2027-Q2', 'grow-revenue/new-markets'),
      },
      config: fiscal,
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a quarter of the next year aligned to this year is reported at the parent value',
      files: { 'okrs/company.yaml': company('2026'), 'okrs/sales.yaml': team('2027-Q1') },
      errors: [
        {
          file: 'okrs/sales.yaml',
          line: 6,
          column: 13,
          severity: 'warning',
          target: 'open-nordics',
          messageIncludes: '"open-nordics" (2027-Q1) aligns to "grow-revenue" of 2026',
        },
      ],
    },
    {
      name: 'a quarter that ends after the declared fiscal year, aligned to one of its KRs',
      files: {
        'okrs/company.yaml': company('FY27'),
        'okrs/sales.yaml': team('2027-Q3', 'grow-revenue/new-markets'),
      },
      config: fiscal,
      errors: [{ file: 'okrs/sales.yaml', line: 6, column: 13, severity: 'warning', target: 'open-nordics' }],
    },
    {
      name: 'raised to an error by the config',
      files: { 'okrs/company.yaml': company('2026-Q4'), 'okrs/sales.yaml': team('2026') },
      config: yaml('rules:', '  cycle-mismatch: error'),
      errors: [{ line: 6, column: 13, severity: 'error' }],
    },
  ],
});
