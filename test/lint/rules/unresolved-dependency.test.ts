import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

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

describe('unresolved-dependency', () => {
  it('valid: dependencies on an objective and on a KR do not fire', () => {
    expect(lint({ 'okrs/company.yaml': file('[payments, payments/uptime]') })).toEqual([]);
  });

  it('invalid: an entry naming no objective is reported at that entry', () => {
    const diagnostics = lintRule('unresolved-dependency', {
      'okrs/company.yaml': file('[payments, billing]'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'unresolved-dependency',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 9,
        column: 28,
        target: 'checkout',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'objective "checkout" depends on "billing" which does not exist',
    );
  });

  it('invalid: an entry naming a missing KR of an existing objective lists its KRs', () => {
    const diagnostics = lintRule('unresolved-dependency', {
      'okrs/company.yaml': file('\n      - payments/uptime\n      - payments/latency'),
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.target])).toEqual([[11, 9, 'checkout']]);
    expect(diagnostics[0]!.message).toContain(
      'objective "payments" has no key result "latency" (it has uptime)',
    );
  });
});
