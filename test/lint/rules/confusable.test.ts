import { ruleTester } from '../rule-tester.js';

const file = (owner: string, cycle: string, objectives: string) =>
  `owner: ${JSON.stringify(owner)}\ncycle: ${JSON.stringify(cycle)}\nobjectives:\n${objectives}`;
const objective = (id: string, title: string, extra = '') =>
  `  - id: ${id}\n    title: ${JSON.stringify(title)}\n${extra}    key_results:\n      - { id: k, title: Judged by the review, progress: 0.5 }\n`;

ruleTester('confusable').run({
  valid: [
    {
      name: 'same spellings, different names, a name in another script with no twin',
      files: {
        'okrs/a.yaml': file('checkout', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file('checkout', '2026-Q4', objective('b1', 'Keep payments reliable every day')),
        'okrs/c.yaml': file('оплата', '2026-Q4', objective('c1', 'Make refunds painless for every buyer')),
      },
    },
  ],
  invalid: [
    {
      name: 'an owner with a Cyrillic letter, at its value, naming the first spelling and the letter',
      files: {
        'okrs/a.yaml': file('checkout', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file('checkout', '2026-Q4', objective('b1', 'Keep payments reliable every day')),
        'okrs/c.yaml': file('сheckout', '2026-Q4', objective('c1', 'Make refunds painless for every buyer')),
      },
      errors: [
        {
          file: 'okrs/c.yaml',
          line: 1,
          column: 8,
          severity: 'warning',
          message:
            'owner "сheckout" looks the same as owner "checkout" at okrs/a.yaml:1 but is a different string: "с" (U+0441 CYRILLIC SMALL LETTER ES) looks like "c"; write both the same way',
        },
      ],
    },
    {
      name: 'the most used spelling wins, even when a look-alike comes first',
      files: {
        'okrs/a.yaml': file('tеam', '2026-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file(
          'team',
          '2026-Q4',
          objective('b1', 'Keep payments reliable every day', '    owner: team\n'),
        ),
      },
      errors: [{ file: 'okrs/a.yaml', line: 1, column: 8 }],
    },
    {
      name: 'titles that differ only by a look-alike, and an objective owner override',
      files: {
        'okrs/a.yaml': file(
          'team',
          '2026-Q4',
          objective('a1', 'Make checkout effortless for buyers') +
            objective('a2', 'Make checkout effortless for buyers\u200b', '    owner: "tеam"\n'),
        ),
      },
      errors: [
        {
          line: 9,
          column: 12,
          message:
            /^the title of objective "a2" looks the same as the title of objective "a1" at okrs\/a.yaml:5/,
        },
        { line: 10, column: 12, message: /^owner "tеam" looks the same as owner "team"/ },
      ],
    },
    {
      name: 'a cycle in fullwidth digits, an owner with a zero-width space, an owner like a root',
      files: {
        'okr.config.yaml': 'roots: [company]\n',
        'okrs/a.yaml': file('cоmpany', '２０２６-Q4', objective('a1', 'Make checkout effortless for buyers')),
        'okrs/b.yaml': file('team\u200b', '2026-Q3', objective('b1', 'Keep payments reliable every day')),
      },
      errors: [
        { file: 'okrs/a.yaml', line: 1, column: 8, messageIncludes: '"company" of "roots"' },
        { file: 'okrs/a.yaml', line: 2, column: 8, messageIncludes: 'looks like the cycle "2026-Q4"' },
        {
          file: 'okrs/b.yaml',
          line: 1,
          column: 8,
          messageIncludes: 'the invisible U+200B ZERO WIDTH SPACE',
        },
      ],
    },
  ],
});
