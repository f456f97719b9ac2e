import { ruleTester, yaml } from '../rule-tester.js';

/** An OKR file of `owner` for `cycle` with one objective, continuing `continues` when given. */
const file = (owner: string, cycle: string, id: string, continues?: string) =>
  yaml(
    `owner: ${owner}`,
    `cycle: ${cycle}`,
    'objectives:',
    `  - id: ${id}`,
    ...(continues === undefined ? [] : [`    continues: ${continues}`]),
    '    title: Grow revenue from new markets abroad',
    '    key_results: [{ id: arr, title: Recurring revenue in millions, start: 10, target: 40, current: 22 }]',
  );

const q3 = { 'okrs/2026-Q3/company.yaml': file('company', '2026-Q3', 'grow-revenue') };
const roots = 'roots: [company]\n';

ruleTester('unresolved-continues').run({
  valid: [
    {
      name: 'an objective of an earlier cycle',
      files: {
        ...q3,
        'okrs/2026-Q4/company.yaml': file('company', '2026-Q4', 'grow-revenue-2026-q4', 'grow-revenue'),
      },
      config: roots,
      clean: true,
    },
    {
      name: 'a quarter continuing last year',
      files: {
        'okrs/2025/company.yaml': file('company', '2025', 'grow-revenue'),
        'okrs/2026-Q1/company.yaml': file('company', '2026-Q1', 'grow-revenue-2026-q1', 'grow-revenue'),
      },
    },
    {
      name: 'a file with an unknown cycle is left to unknown-cycle',
      files: { ...q3, 'okrs/x/company.yaml': file('company', 'someday', 'grow-revenue-x', 'grow-revenue') },
    },
  ],
  invalid: [
    {
      name: 'an id no objective has, at the continues value',
      files: {
        ...q3,
        'okrs/2026-Q4/company.yaml': file('company', '2026-Q4', 'grow-revenue-2026-q4', 'grow-revenues'),
      },
      config: roots,
      clean: true,
      errors: [
        {
          file: 'okrs/2026-Q4/company.yaml',
          line: 5,
          column: 16,
          severity: 'error',
          target: 'grow-revenue-2026-q4',
          message:
            'objective "grow-revenue-2026-q4" continues "grow-revenues" which does not exist: no objective has that id; check the spelling or add the objective',
        },
      ],
    },
    {
      name: 'an objective of the same cycle, of a later one, and itself',
      files: {
        'okrs/2026-Q3/a.yaml': file('company', '2026-Q3', 'a', 'b'),
        'okrs/2026-Q3/b.yaml': file('company', '2026-Q3', 'b', 'c'),
        'okrs/2026-Q4/c.yaml': file('company', '2026-Q4', 'c', 'c'),
      },
      errors: [
        {
          file: 'okrs/2026-Q3/a.yaml',
          line: 5,
          column: 16,
          message:
            'objective "a" (2026-Q3, from 2026-07-01) continues "b" of 2026-Q3, which does not end before it starts (2026-09-30); "continues" names the objective of an earlier cycle that this one carries on',
        },
        { file: 'okrs/2026-Q3/b.yaml', line: 5, column: 16, messageIncludes: 'continues "c" of 2026-Q4' },
        { file: 'okrs/2026-Q4/c.yaml', line: 5, column: 16, messageIncludes: 'continues "c" of 2026-Q4' },
      ],
    },
  ],
});
