import { describe, expect, it } from 'vitest';
import { brief, lint, lintRule, yaml } from '../helpers.js';

/** A team file with one objective aligned to `parent`, counting the objectives aligned to it. */
function team(owner: string, id: string, parent: string): string {
  return yaml(
    `owner: ${owner}`,
    'cycle: 2026-Q4',
    'objectives:',
    `  - id: ${id}`,
    `    title: Objective ${id} of the ${owner} team`,
    `    parent: ${parent}`,
    '    rollup: both',
    '    key_results:',
    '      - id: done',
    '        title: The result is judged good',
    '        progress: 0.5',
  );
}

describe('alignment-cycle', () => {
  it('valid: a chain of parents that ends at a root does not fire', () => {
    const diagnostics = lint({
      'okrs/a.yaml': team('alpha', 'a', 'b'),
      'okrs/b.yaml': team('beta', 'b', 'c'),
      'okrs/c.yaml': yaml(
        'owner: company',
        'cycle: 2026',
        'objectives:',
        '  - id: c',
        '    title: The company objective at the root',
        '    rollup: both',
        '    key_results:',
        '      - id: done',
        '        title: The result is judged good',
        '        progress: 0.5',
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('invalid: two objectives that are each other’s parent are reported once, at the parent of the first', () => {
    const diagnostics = lintRule('alignment-cycle', {
      'okrs/b.yaml': team('beta', 'b', 'a'),
      'okrs/a.yaml': team('alpha', 'a', 'b'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'alignment-cycle',
        severity: 'error',
        file: 'okrs/a.yaml',
        line: 6,
        column: 13,
        target: 'a',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"a" -> "b" -> "a"');
  });

  it('invalid: a cycle entered from outside starts at its first member in file order', () => {
    const diagnostics = lintRule('alignment-cycle', {
      'okrs/1-entry.yaml': team('entry', 'entry', 'm2'),
      'okrs/2-m1.yaml': team('one', 'm1', 'm2'),
      'okrs/3-m2.yaml': team('two', 'm2', 'm1'),
    });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'alignment-cycle',
        severity: 'error',
        file: 'okrs/2-m1.yaml',
        line: 6,
        column: 13,
        target: 'm1',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"m1" -> "m2" -> "m1"');
  });

  it('invalid: an objective that is its own parent, through a key result of its own', () => {
    const diagnostics = lintRule('alignment-cycle', { 'okrs/self.yaml': team('self', 'loop', 'loop/done') });
    expect(diagnostics.map(brief)).toEqual([
      {
        ruleId: 'alignment-cycle',
        severity: 'error',
        file: 'okrs/self.yaml',
        line: 6,
        column: 13,
        target: 'loop',
      },
    ]);
    expect(diagnostics[0]!.message).toContain('"loop" -> "loop"');
  });

  it('invalid: a long cycle terminates and lists every member in parent order', () => {
    const files: Record<string, string> = {};
    const n = 50;
    for (let i = 0; i < n; i++)
      files[`okrs/t${String(i).padStart(2, '0')}.yaml`] = team(`t${i}`, `o${i}`, `o${(i + 1) % n}`);
    const diagnostics = lintRule('alignment-cycle', files);
    expect(diagnostics).toHaveLength(1);
    const chain = [...Array.from({ length: n }, (_, i) => `"o${i}"`), '"o0"'].join(' -> ');
    expect(diagnostics[0]!.message).toContain(chain);
    expect(diagnostics[0]!.file).toBe('okrs/t00.yaml');
  });

  it('invalid: reported as a warning when the config lowers its severity', () => {
    const diagnostics = lintRule(
      'alignment-cycle',
      { 'okrs/a.yaml': team('alpha', 'a', 'b'), 'okrs/b.yaml': team('beta', 'b', 'a') },
      { config: yaml('rules:', '  alignment-cycle: warn') },
    );
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
});
