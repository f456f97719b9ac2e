import { ruleTester, yaml } from '../rule-tester.js';

const file = (dependsOn: string) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: payments',
    '    title: Make payments reliable in every market',
    '    key_results: [{ id: uptime, title: Payment uptime in percent, target: 99.9, keep: above }]',
    '  - id: checkout',
    '    title: Make checkout effortless for new buyers',
    `    depends_on: ${dependsOn}`,
    '    key_results: [{ id: conversion, title: Conversion in percent, start: 2, target: 3 }]',
  );

ruleTester('unresolved-dependency').run({
  valid: [
    {
      name: 'dependencies on an objective and on a KR do not fire',
      files: { 'okrs/company.yaml': file('[payments, payments/uptime]') },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'an entry naming no objective is reported at that entry',
      files: { 'okrs/company.yaml': file('[payments, billing]') },
      errors: [
        {
          file: 'okrs/company.yaml',
          line: 9,
          column: 28,
          severity: 'error',
          target: 'checkout',
          messageIncludes: 'objective "checkout" depends on "billing" which does not exist',
        },
      ],
    },
    {
      name: 'an entry naming a missing KR of an existing objective lists its KRs',
      files: { 'okrs/company.yaml': file('\n      - payments/uptime\n      - payments/latency') },
      errors: [
        {
          line: 11,
          column: 9,
          target: 'checkout',
          messageIncludes: 'objective "payments" has no key result "latency" (it has uptime)',
        },
      ],
    },
  ],
});
