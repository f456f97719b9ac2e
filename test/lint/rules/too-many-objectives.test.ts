import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

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

describe('too-many-objectives', () => {
  it('valid: five objectives of one owner in a cycle, and more spread over cycles, do not fire', () => {
    expect(
      lint({
        'okrs/q4.yaml': file('company', '2026-Q4', 1, 5),
        'okrs/q3.yaml': file('company', '2026-Q3', 6, 7),
      }),
    ).toEqual([]);
  });

  it('invalid: the sixth objective, the first past the limit, is reported at its mapping', () => {
    const diagnostics = lintRule('too-many-objectives', {
      'okrs/a.yaml': file('company', '2026-Q4', 1, 4),
      'okrs/b.yaml': file('company', '2026-Q4', 5, 7),
    });
    // b.yaml holds goal-5 (line 4), goal-6 (line 7), goal-7 (line 10).
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'too-many-objectives',
        severity: 'warning',
        file: 'okrs/b.yaml',
        line: 7,
        column: 5,
        target: 'goal-6',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"company" has 7 objectives in 2026-Q4; at most 5');
  });

  it('invalid: option max 2 reports the third', () => {
    const diagnostics = lintRule(
      'too-many-objectives',
      { 'okrs/a.yaml': file('company', '2026-Q4', 1, 3) },
      { config: yaml('rules:', '  too-many-objectives: [warn, { max: 2 }]') },
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[10, 5, 'goal-3']]);
  });
});
