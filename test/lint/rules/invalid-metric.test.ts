import { ruleTester, yaml } from '../rule-tester.js';

ruleTester('invalid-metric').run({
  valid: [
    {
      name: 'increasing and decreasing numeric KRs and non-zero weights do not fire',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: faster-support',
          '    title: Answer every customer question quickly',
          '    key_results:',
          '      - id: first-reply',
          '        title: Median first reply in hours',
          '        start: 12',
          '        target: 2',
          '        weight: 0',
          '      - id: solved',
          '        title: Tickets solved on first contact in percent',
          '        start: 40',
          '        target: 70',
        ),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'a numeric KR with start equal to target is reported at the KR mapping',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: faster-support',
          '    title: Answer every customer question quickly',
          '    key_results:',
          '      - id: first-reply',
          '        title: Median first reply in hours',
          '        start: 2',
          '        target: 2',
        ),
      },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 7,
          column: 9,
          severity: 'error',
          target: 'faster-support/first-reply',
          messageIncludes: 'has start and target both 2',
        },
      ],
    },
    {
      name: 'KR weights that sum to 0 are reported at the objective mapping',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: faster-support',
          '    title: Answer every customer question quickly',
          '    key_results:',
          '      - { id: first-reply, title: Median first reply in hours, start: 12, target: 2, weight: 0 }',
          '      - { id: solved, title: Tickets solved on first contact, start: 40, target: 70, weight: 0 }',
        ),
      },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 4,
          column: 5,
          severity: 'error',
          target: 'faster-support',
          messageIncludes: 'sum to 0',
        },
      ],
    },
    {
      name: 'aligned objectives whose weights sum to 0 are reported at the KR they roll into',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: faster-support',
          '    title: Answer every customer question quickly',
          '    key_results:',
          '      - id: teams-deliver',
          '        title: The support teams reach their objectives',
        ),
        'okrs/team.yaml': yaml(
          'owner: support',
          'cycle: 2026-Q4',
          'objectives:',
          '  - id: night-shift',
          '    title: Staff a night shift for urgent questions',
          '    parent: faster-support/teams-deliver',
          '    weight: 0',
          '    key_results: [{ id: staffed, title: Nights staffed by the team, start: 0, target: 90 }]',
        ),
      },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 7,
          column: 9,
          severity: 'error',
          target: 'faster-support/teams-deliver',
          messageIncludes: 'aligned objectives of "faster-support/teams-deliver" sum to 0',
        },
      ],
    },
    {
      name: 'the KRs of an objective whose id repeats an earlier one are still checked',
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
          '      - { id: flat, title: Wallet share held where it is, start: 5, target: 5 }',
        ),
      },
      errors: [{ file: 'okrs/b.yaml', line: 7, column: 9, severity: 'error', target: 'effortless/flat' }],
    },
  ],
});
