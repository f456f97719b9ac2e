import { ruleTester, yaml } from '../rule-tester.js';

const file = yaml(
  'owner: checkout',
  'cycle: 2026-Q4',
  'objectives:',
  '  - id: checkout',
  '    title: Make checkout effortless for first-time buyers',
  '    key_results:',
  '      - id: conversion',
  '        title: Raise the conversion rate among new accounts',
  '        start: 2',
  '        target: 3',
);

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

ruleTester('unknown-work-ref').run({
  valid: [
    {
      name: 'trailers naming an objective and a KR',
      files: { 'okrs/checkout.yaml': file },
      workCommits: [{ sha: SHA, refs: ['checkout', 'checkout/conversion'] }],
    },
    { name: 'no base: no commits to read', files: { 'okrs/checkout.yaml': file } },
  ],
  invalid: [
    {
      name: 'a misspelt KR, at 1:1 of the first OKR file without a config file, with the nearest id',
      files: { 'okrs/checkout.yaml': file },
      workCommits: [{ sha: SHA, refs: ['checkout', 'checkout/convresion'] }],
      errors: [
        {
          line: 1,
          column: 1,
          file: 'okrs/checkout.yaml',
          severity: 'warning',
          target: null,
          messageIncludes: [
            'commit a1b2c3d',
            '"OKR: checkout/convresion"',
            'did you mean "checkout/conversion"?',
          ],
        },
      ],
    },
    {
      name: 'a renamed key and an id far from every id, at 1:1 of the config file',
      files: { 'okr.config.yaml': 'work: { trailer: Goal }\n', 'okrs/checkout.yaml': file },
      workCommits: [{ sha: SHA, refs: ['billing'] }],
      errors: [
        {
          line: 1,
          column: 1,
          file: 'okr.config.yaml',
          message:
            'commit a1b2c3d has trailer "Goal: billing", which names no objective or key result: a trailer names an objective id or "objective-id/kr-id"; name the right one in a later commit, or add the objective',
        },
      ],
    },
  ],
});
