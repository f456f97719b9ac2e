import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (...krs: string[]) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: effortless-checkout',
    '    title: Make checkout effortless for new buyers',
    '    key_results:',
    ...krs,
  );

describe('output-kr', () => {
  it('valid: an outcome milestone, and an output verb on a numeric KR, do not fire', () => {
    const diagnostics = lint({
      'okrs/company.yaml': file(
        '      - id: one-click',
        '        title: Buyers reorder with one click in every EU market',
        '        done: false',
        '      - id: conversion',
        '        title: Launch conversion rises from 2% to 3%',
        '        start: 2',
        '        target: 3',
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: a milestone that starts with "Launch" is reported at its title value', () => {
    const diagnostics = lintRule('output-kr', {
      'okrs/company.yaml': file(
        '      - id: new-flow',
        '        title: Launch the new checkout flow',
        '        done: true',
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'output-kr',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 8,
        column: 16,
        target: 'effortless-checkout/new-flow',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('starts with "launch"');
  });

  it('invalid: option verbs adds a verb of the team’s own', () => {
    const files = {
      'okrs/company.yaml': file(
        '      - id: migrate',
        '        title: Migrate the payment service',
        '        done: false',
      ),
    };
    expect(lintRule('output-kr', files)).toEqual([]);
    const diagnostics = lintRule('output-kr', files, {
      config: yaml('rules:', '  output-kr: [error, { verbs: [Migrate] }]'),
    });
    expect(diagnostics.map((d) => [d.severity, d.line, d.column])).toEqual([['error', 8, 16]]);
    expect(diagnostics[0]!.message).toContain('starts with "migrate"');
  });
});
