import { ruleTester, yaml } from '../rule-tester.js';

const clean = yaml(
  'owner: company',
  'cycle: 2026',
  'objectives:',
  '  - id: grow-revenue',
  '    title: Grow revenue from new markets abroad',
  '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
);

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

ruleTester('yaml-syntax').run({
  valid: [
    { name: 'plain YAML does not fire', files: { 'okrs/a.yaml': clean }, clean: true },
    { name: 'YAML with CRLF line ends does not fire', files: { 'okrs/a.yaml': crlf(clean) }, clean: true },
    {
      name: 'YAML with a byte-order mark does not fire',
      files: { 'okrs/a.yaml': `\uFEFF${clean}` },
      clean: true,
    },
    ...['', '# nothing yet\n'].map((text) => ({
      name: `an empty file, or one with only a comment, is a schema problem at 1:1: ${JSON.stringify(text)}`,
      files: { 'okrs/a.yaml': text },
      others: [
        {
          ruleId: 'schema',
          severity: 'error' as const,
          file: 'okrs/a.yaml',
          line: 1,
          column: 1,
          target: null,
          messageIncludes: 'the file is empty',
        },
      ],
    })),
    {
      name: 'a byte-order mark does not shift the columns of the first line',
      files: {
        'okrs/a.yaml': `\uFEFF${clean.replace('owner: company\ncycle: 2026', 'cycle: 2026-Q5\nowner: company')}`,
      },
      others: [
        { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/a.yaml', line: 1, column: 8, target: null },
      ],
    },
  ],
  invalid: [
    {
      name: 'an unclosed flow sequence is reported where the parser notices it, and other files are still checked',
      files: {
        'okrs/a.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: [broken',
          '    weight: 1',
        ),
        'okrs/b.yaml': yaml('owner: company', 'cycle: 2026-Q5', 'objectives: []'),
      },
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 6,
          column: 5,
          severity: 'error',
          target: null,
          messageIncludes: 'must be sufficiently indented and end with a ]',
        },
      ],
      others: [
        { ruleId: 'unknown-cycle', severity: 'error', file: 'okrs/b.yaml', line: 2, column: 8, target: null },
      ],
    },
    {
      name: 'a repeated key is reported at the repeated key',
      files: {
        'okrs/a.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    title: Grow revenue again',
        ),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 6,
          column: 5,
          severity: 'error',
          target: null,
          messageIncludes: 'key "title" is repeated: each key may appear once in a mapping',
        },
      ],
    },
    {
      name: 'two documents in one file are reported at the separator',
      files: { 'okrs/a.yaml': `${clean}---\n${clean}` },
      clean: true,
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 7,
          column: 1,
          severity: 'error',
          target: null,
          messageIncludes: 'more than one YAML document',
        },
      ],
    },
    {
      name: 'aliases that expand without bound are refused',
      files: {
        'okrs/a.yaml': yaml(
          'a: &a [x, x, x, x, x, x, x, x, x, x]',
          'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
          'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
          'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        ),
      },
      clean: true,
      // At the first alias: the place to start reading.
      errors: [{ line: 2, column: 8, messageIncludes: 'aliases expand to too many nodes' }],
    },
    {
      name: 'with CRLF line ends, syntax and rule positions stay right',
      files: {
        'okrs/a.yaml': crlf(
          yaml(
            'owner: company',
            'cycle: 2026',
            'objectives:',
            '  - id: grow-revenue',
            '    title: Grow revenue',
            '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
          ),
        ),
        'okrs/b.yaml': crlf(
          yaml('owner: company', 'cycle: 2026', 'objectives:', '  - id: x', '    title: a: b'),
        ),
      },
      errors: [
        {
          file: 'okrs/b.yaml',
          line: 5,
          column: 12,
          severity: 'error',
          target: null,
          messageIncludes: 'Nested mappings are not allowed',
        },
      ],
      others: [
        {
          ruleId: 'vague-objective',
          severity: 'warning',
          file: 'okrs/a.yaml',
          line: 5,
          column: 12,
          target: 'grow-revenue',
        },
      ],
    },
  ],
});
