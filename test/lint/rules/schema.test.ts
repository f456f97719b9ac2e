import { ruleTester, yaml } from '../rule-tester.js';

const header = ['owner: company', 'cycle: 2026', 'objectives:'];

ruleTester('schema').run({
  valid: [
    {
      name: 'a file with every KR kind and every optional field does not fire',
      files: {
        'okrs/strategy.yaml': yaml('themes:', '  - { id: growth, title: Grow the business }'),
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: effortless-checkout',
          '    title: Make checkout effortless for new buyers',
          '    description: Longer text.',
          '    theme: growth',
          '    type: committed',
          '    owner: dana',
          '    weight: 2',
          '    rollup: both',
          '    depends_on: [effortless-checkout/latency]',
          '    key_results:',
          '      - { id: conversion, title: Conversion in percent, start: 2.1, target: 3, current: 2.6, unit: "%", weight: 2, confidence: 0.6 }',
          '      - { id: latency, title: Checkout p95 latency in ms, target: 300, keep: below, current: 280 }',
          '      - { id: one-click, title: Buyers reorder with one click, done: false }',
          '      - id: support-quality',
          '        title: Support quality judged excellent by the review',
          '        progress: 0.5',
          '        checkins:',
          '          - { date: 2026-11-10, value: 0.5, confidence: 0.5, note: reviewed }',
        ),
      },
      clean: true,
    },
    {
      name: 'a closed file (closed: DATE after cycle:) is valid',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026-Q3',
          'closed: 2026-10-02',
          'objectives:',
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'an unknown key is reported at the key, with the nearest known key',
      files: {
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    parnet: other',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 6,
          column: 5,
          severity: 'error',
          target: 'grow-revenue',
          messageIncludes: 'unknown key "parnet" in objective "grow-revenue"; did you mean "parent"?',
        },
      ],
    },
    {
      name: 'a wrong type is reported at the value',
      files: {
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: grow-revenue',
          '    title: Grow revenue from new markets abroad',
          '    key_results:',
          '      - id: arr',
          '        title: Recurring revenue in millions',
          '        start: 10',
          '        target: twenty',
        ),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 10,
          column: 17,
          severity: 'error',
          target: 'grow-revenue/arr',
          messageIncludes:
            '"target" of key result "grow-revenue/arr" must be a finite number, not string "twenty"',
        },
      ],
    },
    {
      name: 'a missing field is reported at the mapping that lacks it',
      files: {
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: grow-revenue',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 4,
          column: 5,
          severity: 'error',
          target: 'grow-revenue',
          messageIncludes: 'objective "grow-revenue" is missing "title"',
        },
      ],
    },
    {
      name: 'a missing top-level field is reported at the file’s mapping, 1:1',
      files: { 'okrs/company.yaml': yaml('owner: company', 'objectives: []') },
      clean: true,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 1,
          column: 1,
          severity: 'error',
          target: null,
          messageIncludes: 'is missing "cycle"',
        },
      ],
    },
    {
      name: 'a bad slug, an out-of-range value and a mixed KR each point at their node',
      files: {
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: Grow_Revenue',
          '    title: Grow revenue from new markets abroad',
          '  - id: delight',
          '    title: Delight customers in every market',
          '    key_results:',
          '      - id: nps',
          '        title: Net promoter score judged by the board',
          '        progress: 1.5',
          '      - id: mixed',
          '        title: Mixed measures in one key result',
          '        done: true',
          '        progress: 0.5',
        ),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 4,
          column: 9,
          severity: 'error',
          target: 'Grow_Revenue',
          messageIncludes: '"id" "Grow_Revenue" is not a valid id',
        },
        {
          file: 'okrs/company.yaml',
          line: 11,
          column: 19,
          severity: 'error',
          target: 'delight/nps',
          messageIncludes: '"progress" must be <= 1, not 1.5',
        },
        {
          file: 'okrs/company.yaml',
          line: 12,
          column: 9,
          severity: 'error',
          target: 'delight/mixed',
          messageIncludes: 'mixes "done" and "progress"',
        },
      ],
    },
    {
      name: 'a closed date that is no calendar day, or not a date at all, is reported at its value',
      files: {
        'okrs/a.yaml': yaml('owner: a', 'cycle: 2026-Q3', 'closed: 2026-09-31', 'objectives: []'),
        'okrs/b.yaml': yaml('owner: b', 'cycle: 2026-Q3', 'closed: yesterday', 'objectives: []'),
      },
      clean: true,
      errors: [
        {
          file: 'okrs/a.yaml',
          line: 3,
          column: 9,
          target: null,
          message:
            '"closed" "2026-09-31" is not a real calendar date; write the day the cycle was closed as YYYY-MM-DD',
        },
        { file: 'okrs/b.yaml', line: 3, column: 9, target: null, messageIncludes: '"closed"' },
      ],
    },
    {
      name: 'the objectives of a file with a schema problem elsewhere are still checked by the rules',
      files: {
        'okrs/company.yaml': yaml(
          ...header,
          '  - id: broken',
          '    title: 12',
          '  - id: grow-revenue',
          '    title: Grow revenue',
          '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
        ),
      },
      errors: [{ line: 5, column: 12 }],
      others: [{ ruleId: 'vague-objective', line: 7, column: 12 }],
    },
  ],
});
