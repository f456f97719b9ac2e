import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

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

describe('vague-objective', () => {
  it('valid: plain titles of four words or more, and look-alikes of fillers, do not fire', () => {
    const titles = [
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
    expect(lintRule('vague-objective', { 'okrs/company.yaml': file(...titles) })).toEqual([]);
  });

  it('invalid: fillers and buzzwords in any inflection or spelling are named in the message', () => {
    const cases: [string, string][] = [
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
    const diagnostics = lintRule('vague-objective', { 'okrs/company.yaml': file(...cases.map(([t]) => t)) });
    expect(diagnostics.map(brief)).toEqual(
      cases.map((_, n) => ({
        ruleId: 'vague-objective',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 5 + 3 * n,
        column: 12,
        target: `o${n}`,
      })),
    );
    expect(diagnostics.map((d) => /uses "(.*)", which says nothing/.exec(d.message)?.[1])).toEqual(
      cases.map(([, word]) => word),
    );
  });

  it('invalid: a title of fewer than four words is reported with its count; a number counts once', () => {
    const diagnostics = lintRule('vague-objective', {
      'okrs/company.yaml': file(
        'Improve checkout',
        'Customer centricity',
        '¥5bn pipeline',
        'Quadruple paying users',
      ),
    });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [5, 12],
      [8, 12],
      [11, 12],
      [14, 12],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'the title of objective "o0" has 2 words; say in at least 4 what should be different when it is reached',
    );
    expect(diagnostics[2]!.message).toContain('has 2 words');
    expect(diagnostics[3]!.message).toContain('has 3 words');
  });

  it('invalid: option words adds words, with their inflections, and minWords changes the length', () => {
    const config = yaml('rules:', '  vague-objective: [warn, { words: [disrupt, innovative], minWords: 8 }]');
    const words = lintRule(
      'vague-objective',
      {
        'okrs/company.yaml': file(
          'Disrupting the rural banking market in Kenya with agents',
          'Innovatively serve every student in the county school network',
          'Make checkout effortless for first-time buyers',
        ),
      },
      { config },
    );
    expect(words.map((d) => [d.line, d.column])).toEqual([
      [5, 12],
      [8, 12],
      [11, 12],
    ]);
    expect(words[0]!.message).toContain('uses "Disrupting"');
    expect(words[1]!.message).toContain('uses "Innovatively"');
    expect(words[2]!.message).toContain('has 6 words; say in at least 8');
  });

  it('valid: off in the config turns it off', () => {
    const diagnostics = lint(
      { 'okrs/company.yaml': file('Do stuff') },
      { config: yaml('rules:', '  vague-objective: off') },
    );
    expect(diagnostics.filter((d) => d.ruleId === 'vague-objective')).toEqual([]);
  });
});
