import { ruleTester, yaml } from '../rule-tester.js';

/** A file with one objective a title; the title of objective N is on line 5 + 3N, its value at column 12. */
const file = (...titles: string[]) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    ...titles.flatMap((title, n) => [
      `  - id: o${n}`,
      `    title: ${JSON.stringify(title)}`,
      '    key_results: [{ id: conversion, title: Conversion in percent, start: 2, target: 3 }]',
    ]),
  );

/** Plain titles of four words or more, and look-alikes of fillers. */
const plain = [
  'Make checkout effortless for first-time buyers',
  'Make invoices easy to read',
  'Keep tenants warm all winter',
  'Stretch the grant budget without cutting programmes',
  'Stop stuffing welcome packs with paper forms',
  'Leave nothing to chance in the data centre move',
  'Make the Internet of Things platform safe for hospitals',
  'Stuffed toys for every child on the ward',
  'Optimise delivery routes to cut fuel costs',
  'Optimize staffing so patients wait less',
];

/** Titles with a filler or buzzword, each with the word the message names. */
const fillers: [string, string][] = [
  ['Leveraging partnerships to widen our reach in Asia', 'Leveraging'],
  ['Optimise the supply chain end-to-end', 'Optimise'],
  ['Seamlessly integrate the acquired CRM into sales', 'Seamlessly'],
  ['Build a world class engineering culture', 'world class'],
  ['Unlock synergistic value across business units', 'synergistic'],
  ['Become best in class for claims handling', 'best in class'],
  ['Tidy up onboarding docs, policies and misc items', 'misc'],
  ['Tackle miscellaneous tech debt in billing', 'miscellaneous'],
  ['Put cutting edge analytics in every store', 'cutting edge'],
  ['Make onboarding a game changer for new hires', 'game changer'],
  ['Take the mobile app to the next level', 'next level'],
  ['Build robustness into supplier payments', 'robustness'],
  ['Modernise finance, HR, payroll etc.', 'etc'],
  ['Sort out the various stuff in the warehouse', 'various'],
  ['Do the things that matter for members', 'things'],
  ['Drive holistic care for older patients', 'holistic'],
];

const optionTitles = file(
  'Disrupting the rural banking market in Kenya with agents',
  'Innovatively serve every student in the county school network',
  'Make checkout effortless for first-time buyers',
);

ruleTester('vague-objective').run({
  valid: [
    {
      name: 'plain titles of four words or more, and look-alikes of fillers, do not fire',
      files: { 'okrs/company.yaml': file(...plain) },
    },
    {
      name: 'off in the config turns it off',
      files: { 'okrs/company.yaml': file('Do stuff') },
      config: yaml('rules:', '  vague-objective: off'),
    },
  ],
  invalid: [
    {
      name: 'fillers and buzzwords in any inflection or spelling are named in the message',
      files: { 'okrs/company.yaml': file(...fillers.map(([t]) => t)) },
      errors: fillers.map(([, word], n) => ({
        file: 'okrs/company.yaml',
        line: 5 + 3 * n,
        column: 12,
        severity: 'warning' as const,
        target: `o${n}`,
        messageIncludes: `uses "${word}", which says nothing`,
      })),
    },
    {
      name: 'a title of fewer than four words is reported with its count; a number counts once',
      files: {
        'okrs/company.yaml': file(
          'Improve checkout',
          'Customer centricity',
          '¥5bn pipeline',
          'Quadruple paying users',
        ),
      },
      errors: [
        {
          line: 5,
          column: 12,
          message:
            'the title of objective "o0" has 2 words; say in at least 4 what should be different when it is reached',
        },
        { line: 8, column: 12 },
        { line: 11, column: 12, messageIncludes: 'has 2 words' },
        { line: 14, column: 12, messageIncludes: 'has 3 words' },
      ],
    },
    {
      name: 'option words adds words, with their inflections, and minWords changes the length',
      files: { 'okrs/company.yaml': optionTitles },
      config: yaml('rules:', '  vague-objective: [warn, { words: [disrupt, innovative], minWords: 8 }]'),
      errors: [
        { line: 5, column: 12, messageIncludes: 'uses "Disrupting"' },
        { line: 8, column: 12, messageIncludes: 'uses "Innovatively"' },
        { line: 11, column: 12, messageIncludes: 'has 6 words; say in at least 8' },
      ],
    },
    {
      name: 'options words and minWords given directly',
      files: { 'okrs/company.yaml': optionTitles },
      options: { words: ['disrupt', 'innovative'], minWords: 8 },
      errors: [
        { line: 5, column: 12, messageIncludes: 'uses "Disrupting"' },
        { line: 8, column: 12, messageIncludes: 'uses "Innovatively"' },
        { line: 11, column: 12, messageIncludes: 'has 6 words; say in at least 8' },
      ],
    },
  ],
});
