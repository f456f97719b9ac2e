import { describe, expect, it } from 'vitest';
import { brief, lint, yaml } from '../helpers.js';

const header = ['owner: company', 'cycle: 2026', 'objectives:'];

describe('schema', () => {
  it('valid: a file with every KR kind and every optional field does not fire', () => {
    const diagnostics = lint({
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
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: an unknown key is reported at the key, with the nearest known key', () => {
    const diagnostics = lint({
      'okrs/company.yaml': yaml(
        ...header,
        '  - id: grow-revenue',
        '    title: Grow revenue from new markets abroad',
        '    parnet: other',
        '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 6,
        column: 5,
        target: 'grow-revenue',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      'unknown key "parnet" in objective "grow-revenue"; did you mean "parent"?',
    );
  });

  it('invalid: a wrong type is reported at the value', () => {
    const diagnostics = lint({
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
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 10,
        column: 17,
        target: 'grow-revenue/arr',
      },
    ]);
    expect(diagnostics[0]!.message).toContain(
      '"target" of key result "grow-revenue/arr" must be a finite number, not string "twenty"',
    );
  });

  it('invalid: a missing field is reported at the mapping that lacks it', () => {
    const diagnostics = lint({
      'okrs/company.yaml': yaml(
        ...header,
        '  - id: grow-revenue',
        '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
      ),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 4,
        column: 5,
        target: 'grow-revenue',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('objective "grow-revenue" is missing "title"');
  });

  it('invalid: a missing top-level field is reported at the file’s mapping, 1:1', () => {
    const diagnostics = lint({ 'okrs/company.yaml': yaml('owner: company', 'objectives: []') });
    expect(diagnostics.map(brief)).toEqual([
      { ruleId: 'schema', severity: 'error', file: 'okrs/company.yaml', line: 1, column: 1, target: null },
    ]);
    expect(diagnostics[0]!.message).toContain('is missing "cycle"');
  });

  it('invalid: a bad slug, an out-of-range value and a mixed KR each point at their node', () => {
    const diagnostics = lint({
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
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 4,
        column: 9,
        target: 'Grow_Revenue',
      },
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 11,
        column: 19,
        target: 'delight/nps',
      },
      {
        ruleId: 'schema',
        severity: 'error',
        file: 'okrs/company.yaml',
        line: 12,
        column: 9,
        target: 'delight/mixed',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"id" "Grow_Revenue" is not a valid id');
    expect(diagnostics[1]!.message).toContain('"progress" must be <= 1, not 1.5');
    expect(diagnostics[2]!.message).toContain('mixes "done" and "progress"');
  });

  it('invalid: the objectives of a file with a schema problem elsewhere are still checked by the rules', () => {
    const diagnostics = lint({
      'okrs/company.yaml': yaml(
        ...header,
        '  - id: broken',
        '    title: 12',
        '  - id: grow-revenue',
        '    title: Grow revenue',
        '    key_results: [{ id: quality, title: Quality judged good, progress: 0.5 }]',
      ),
    });
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['schema', 5, 12],
      ['vague-objective', 7, 12],
    ]);
  });
});
