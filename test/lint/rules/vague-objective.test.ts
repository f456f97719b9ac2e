import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

const file = (title: string) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: better-checkout',
    `    title: ${title}`,
    '    key_results: [{ id: conversion, title: Conversion in percent, start: 2, target: 3 }]',
  );

describe('vague-objective', () => {
  it('valid: a specific title of four words or more does not fire', () => {
    expect(lint({ 'okrs/company.yaml': file('Make checkout effortless for first-time buyers') })).toEqual([]);
  });

  it('invalid: a title of two words is reported at the title value', () => {
    const diagnostics = lintRule('vague-objective', { 'okrs/company.yaml': file('Improve checkout') });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'vague-objective',
        severity: 'warning',
        file: 'okrs/company.yaml',
        line: 5,
        column: 12,
        target: 'better-checkout',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('has 2 words; say in at least 4');
  });

  it('invalid: a buzzword is named in the message', () => {
    const diagnostics = lintRule('vague-objective', {
      'okrs/company.yaml': file('Deliver a world-class checkout for all buyers'),
    });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[5, 12]]);
    expect(diagnostics[0]!.message).toContain('uses "world-class"');
  });

  it('invalid: option words adds a word, and minWords changes the length', () => {
    const config = yaml('rules:', '  vague-objective: [warn, { words: [optimize], minWords: 8 }]');
    const words = lintRule(
      'vague-objective',
      { 'okrs/company.yaml': file('Optimize the checkout for first-time buyers') },
      { config },
    );
    expect(words.map((d) => [d.line, d.column])).toEqual([[5, 12]]);
    expect(words[0]!.message).toContain('uses "Optimize"');
    const short = lintRule(
      'vague-objective',
      { 'okrs/company.yaml': file('Make checkout effortless for first-time buyers') },
      { config },
    );
    expect(short[0]!.message).toContain('has 6 words; say in at least 8');
  });

  it('invalid: off in the config turns it off', () => {
    const diagnostics = lintRule(
      'vague-objective',
      { 'okrs/company.yaml': file('Do stuff') },
      { config: yaml('rules:', '  vague-objective: off') },
    );
    expect(diagnostics).toEqual([]);
  });
});
