import { ruleTester, yaml } from '../rule-tester.js';

const file = (count: number) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow-revenue',
    '    title: Grow revenue from new markets abroad',
    '    key_results:',
    ...Array.from(
      { length: count },
      (_, i) => `      - { id: kr-${i + 1}, title: Result number ${i + 1} judged, progress: 0.5 }`,
    ),
  );

const config = yaml('rules:', '  too-many-krs: [error, { max: 3 }]');

ruleTester('too-many-krs').run({
  valid: [
    { name: 'five KRs do not fire', files: { 'okrs/company.yaml': file(5) }, clean: true },
    { name: 'option max 3 lets three KRs pass', files: { 'okrs/company.yaml': file(3) }, config },
    {
      name: 'option max given directly lets three KRs pass',
      files: { 'okrs/company.yaml': file(3) },
      options: { max: 3 },
    },
  ],
  invalid: [
    {
      name: 'six KRs are reported at the objective mapping',
      files: { 'okrs/company.yaml': file(6) },
      errors: [
        {
          line: 4,
          column: 5,
          file: 'okrs/company.yaml',
          severity: 'warning',
          target: 'grow-revenue',
          messageIncludes: 'objective "grow-revenue" has 6 key results; at most 5',
        },
      ],
    },
    {
      name: 'option max 3 fires at four KRs, as an error when configured so',
      files: { 'okrs/company.yaml': file(4) },
      config,
      errors: [
        {
          line: 4,
          column: 5,
          file: 'okrs/company.yaml',
          severity: 'error',
          target: 'grow-revenue',
          messageIncludes: 'has 4 key results; at most 3',
        },
      ],
    },
    {
      name: 'option max given directly',
      files: { 'okrs/company.yaml': file(4) },
      options: { max: 3 },
      errors: [
        {
          line: 4,
          column: 5,
          target: 'grow-revenue',
          message: 'objective "grow-revenue" has 4 key results; at most 3 keep a team focused',
        },
      ],
    },
  ],
});
