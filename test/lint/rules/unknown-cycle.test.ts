import { ruleTester, yaml } from '../rule-tester.js';

const file = (cycle: string) =>
  yaml(
    'owner: company',
    `cycle: ${cycle}`,
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
  );

ruleTester('unknown-cycle').run({
  valid: [
    ...['2026', '2026-H2', '2026-Q4', '2026-11', '"2026"'].map((cycle) => ({
      name: `the built-in form ${cycle} does not fire`,
      files: { 'okrs/company.yaml': file(cycle) },
      clean: true as const,
    })),
    {
      name: 'a cycle declared in the config does not fire',
      files: { 'okrs/company.yaml': file('FY27') },
      config: yaml('cycles:', '  FY27: { start: 2026-07-01, end: 2027-06-30 }'),
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a quarter that does not exist is reported at the cycle value',
      files: { 'okrs/company.yaml': file('2026-Q5') },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 2,
          column: 8,
          severity: 'error',
          target: null,
          messageIncludes: 'cycle "2026-Q5" is not a known cycle',
        },
      ],
    },
    {
      name: 'a fiscal year that the config does not declare',
      files: { 'okrs/company.yaml': file('FY27') },
      errors: [{ line: 2, column: 8, messageIncludes: 'declare it under "cycles" in okr.config.yaml' }],
    },
  ],
});
