import { ruleTester, yaml } from '../rule-tester.js';

const objective = (i: number) => [
  `  - id: goal-${i}`,
  `    title: Reach the goal named number ${'abcdefghij'[i]}`,
  '    key_results: [{ id: kr, title: Result judged by review, progress: 0.5 }]',
];

const file = (owner: string, cycle: string, from: number, to: number) =>
  yaml(
    `owner: ${owner}`,
    `cycle: ${cycle}`,
    'objectives:',
    ...Array.from({ length: to - from + 1 }, (_, i) => objective(from + i)).flat(),
  );

ruleTester('too-many-objectives').run({
  valid: [
    {
      name: 'five objectives of one owner in a cycle, and more spread over cycles, do not fire',
      files: {
        'okrs/q4.yaml': file('company', '2026-Q4', 1, 5),
        'okrs/q3.yaml': file('company', '2026-Q3', 6, 7),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'the sixth objective, the first past the limit, is reported at its mapping',
      files: {
        'okrs/a.yaml': file('company', '2026-Q4', 1, 4),
        'okrs/b.yaml': file('company', '2026-Q4', 5, 7),
      },
      // b.yaml holds goal-5 (line 4), goal-6 (line 7), goal-7 (line 10).
      errors: [
        {
          file: 'okrs/b.yaml',
          line: 7,
          column: 5,
          severity: 'warning',
          target: 'goal-6',
          messageIncludes: '"company" has 7 objectives in 2026-Q4; at most 5',
        },
      ],
    },
    {
      name: 'option max 2 reports the third',
      files: { 'okrs/a.yaml': file('company', '2026-Q4', 1, 3) },
      config: yaml('rules:', '  too-many-objectives: [warn, { max: 2 }]'),
      errors: [{ line: 10, column: 5, target: 'goal-3' }],
    },
  ],
});
