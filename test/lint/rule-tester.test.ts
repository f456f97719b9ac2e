import { describe, expect, it } from 'vitest';
import { runRule, yaml } from './rule-tester.js';

/** Six KRs (too-many-krs) under a two-word title (vague-objective). */
const files = {
  'okrs/a.yaml': yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: grow',
    '    title: Grow revenue',
    '    key_results:',
    ...Array.from(
      { length: 6 },
      (_, i) => `      - { id: k${i}, title: Result ${i} judged by review, progress: 0.5 }`,
    ),
  ),
};

describe('the rule tester', () => {
  it('reports the problems of the rule under test alone, and of every rule for a clean case', () => {
    expect(runRule('too-many-krs', { name: 'one rule', files }).map((d) => d.ruleId)).toEqual([
      'too-many-krs',
    ]);
    expect(runRule('too-many-krs', { name: 'every rule', files, clean: true }).map((d) => d.ruleId)).toEqual([
      'too-many-krs',
      'vague-objective',
    ]);
  });

  it('refuses options the rule does not declare, or of another type than declared, as the config does', () => {
    expect(() => runRule('too-many-krs', { name: 'type', files, options: { max: 'five' } })).toThrow();
    expect(() => runRule('too-many-krs', { name: 'name', files, options: { maximum: 3 } })).toThrow();
    expect(runRule('too-many-krs', { name: 'right', files, options: { max: 6 } })).toEqual([]);
  });
});
