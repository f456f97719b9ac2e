import { describe, expect, it } from 'vitest';
import { build, oneObjective } from './helpers.js';

const kr = (id: string, body: string) => `      - id: ${id}\n        title: Result ${id} is reached\n${body}`;

describe('KR progress by kind', () => {
  it('numeric, increasing: (current - start) / (target - start)', () => {
    const b = build(oneObjective(kr('a', '        start: 2.1\n        target: 3.0\n        current: 2.6\n')));
    expect(b.kr('o/a')).toBeCloseTo(0.5 / 0.9, 10);
  });

  it('numeric, decreasing: the same formula with target < start', () => {
    const b = build(oneObjective(kr('a', '        start: 500\n        target: 300\n        current: 450\n')));
    expect(b.kr('o/a')).toBeCloseTo(0.25, 10);
  });

  it('numeric: current defaults to start, and progress is clamped to [0, 1]', () => {
    const b = build(
      oneObjective(
        kr('none', '        start: 10\n        target: 20\n') +
          kr('over', '        start: 10\n        target: 20\n        current: 35\n') +
          kr('under', '        start: 10\n        target: 20\n        current: 2\n'),
      ),
    );
    expect([b.kr('o/none'), b.kr('o/over'), b.kr('o/under')]).toEqual([0, 1, 0]);
  });

  it('numeric with start == target: progress 0', () => {
    const b = build(oneObjective(kr('a', '        start: 5\n        target: 5\n        current: 9\n')));
    expect(b.kr('o/a')).toBe(0);
  });

  it('threshold below: 1 when current <= target, else 0; no current: 0', () => {
    const b = build(
      oneObjective(
        kr('eq', '        target: 300\n        keep: below\n        current: 300\n') +
          kr('above', '        target: 300\n        keep: below\n        current: 301\n') +
          kr('none', '        target: 300\n        keep: below\n'),
      ),
    );
    expect([b.kr('o/eq'), b.kr('o/above'), b.kr('o/none')]).toEqual([1, 0, 0]);
  });

  it('threshold above: 1 when current >= target, else 0', () => {
    const b = build(
      oneObjective(
        kr('eq', '        target: 99.9\n        keep: above\n        current: 99.9\n') +
          kr('below', '        target: 99.9\n        keep: above\n        current: 99.8\n'),
      ),
    );
    expect([b.kr('o/eq'), b.kr('o/below')]).toEqual([1, 0]);
  });

  it('milestone: done true is 1, false is 0', () => {
    const b = build(oneObjective(kr('y', '        done: true\n') + kr('n', '        done: false\n')));
    expect([b.kr('o/y'), b.kr('o/n')]).toEqual([1, 0]);
  });

  it('judged: progress as stated', () => {
    const b = build(oneObjective(kr('a', '        progress: 0.35\n')));
    expect(b.kr('o/a')).toBe(0.35);
  });

  it('rolled up: weighted mean of the objectives aligned to the KR; unmeasured without any', () => {
    const b = build({
      'okrs/a-company.yaml':
        'owner: company\ncycle: 2026\nobjectives:\n  - id: top\n    title: Grow the business with new buyers\n    key_results:\n      - id: buyers\n        title: More new buyers\n      - id: lonely\n        title: Nobody aligns here\n',
      'okrs/b-team.yaml':
        'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: t1\n    title: Make checkout effortless for buyers\n    parent: top/buyers\n    weight: 3\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.8\n  - id: t2\n    title: Make search effortless for buyers\n    parent: top/buyers\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.4\n',
    });
    expect(b.kr('top/buyers')).toBeCloseTo((0.8 * 3 + 0.4) / 4, 10);
    expect(b.kr('top/lonely')).toBe(0);
    expect(b.objective('top')).toBeCloseTo(((0.8 * 3 + 0.4) / 4 + 0) / 2, 10);
  });
});

const family = (rollup: string) => ({
  'okrs/a.yaml': `owner: company\ncycle: 2026\nobjectives:\n  - id: p\n    title: Parent objective of the family\n${rollup ? `    rollup: ${rollup}\n` : ''}    key_results:\n      - id: own\n        title: Own measure\n        progress: 0.2\n        weight: 1\n`,
  'okrs/b.yaml':
    'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: c1\n    title: First child objective of the parent\n    parent: p\n    weight: 1\n    key_results:\n      - id: k\n        title: Judged\n        progress: 1\n  - id: c2\n    title: Second child objective of the parent\n    parent: p/own\n    weight: 3\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.6\n',
});

describe('objective rollup modes', () => {
  it('krs (the default): weighted mean of its KRs only', () => {
    expect(build(family('')).objective('p')).toBeCloseTo(0.2, 10);
  });

  it('children: weighted mean of the objectives aligned to it or to its KRs', () => {
    expect(build(family('children')).objective('p')).toBeCloseTo((1 * 1 + 0.6 * 3) / 4, 10);
  });

  it('both: KRs and direct children together, each with its own weight', () => {
    // c2 is aligned to p/own, a KR measured by itself: it counts neither through it nor as a child.
    const b = build(family('both'));
    expect(b.objective('p')).toBeCloseTo((0.2 * 1 + 1 * 1) / 2, 10);
    const inputs = b.rollup.inputs.get(b.graph.byId.get('p')!)!;
    expect([inputs.mode, inputs.krs.map((k) => k.fullId), inputs.children.map((c) => c.id)]).toEqual([
      'both',
      ['p/own'],
      ['c1'],
    ]);
  });

  it('the config default applies when the objective names no mode', () => {
    const b = build(family(''), (c) => {
      c.rollup = 'children';
    });
    expect(b.objective('p')).toBeCloseTo((1 + 1.8) / 4, 10);
  });

  it('krs with no KRs falls back to children; children with no children falls back to KRs', () => {
    const b = build({
      'okrs/a.yaml':
        'owner: company\ncycle: 2026\nobjectives:\n  - id: empty\n    title: Objective measured by its children only\n  - id: lone\n    title: Objective that wants children but has none\n    rollup: children\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.3\n',
      'okrs/b.yaml':
        'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: c\n    title: Child objective of the empty one\n    parent: empty\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.9\n',
    });
    expect(b.objective('empty')).toBeCloseTo(0.9, 10);
    expect(b.objective('lone')).toBeCloseTo(0.3, 10);
  });

  it('an objective with neither KRs nor children has progress 0', () => {
    const b = build({
      'okrs/a.yaml':
        'owner: company\ncycle: 2026\nobjectives:\n  - id: bare\n    title: An objective with nothing below it\n',
    });
    expect(b.objective('bare')).toBe(0);
  });
});

describe('weights', () => {
  it('KR weights weigh the mean', () => {
    const b = build(
      oneObjective(
        kr('a', '        progress: 1\n        weight: 3\n') +
          kr('b', '        progress: 0\n        weight: 1\n'),
      ),
    );
    expect(b.objective('o')).toBeCloseTo(0.75, 10);
  });

  it('a weight of 0 leaves a KR out of the mean', () => {
    const b = build(
      oneObjective(kr('a', '        progress: 1\n        weight: 0\n') + kr('b', '        progress: 0.5\n')),
    );
    expect(b.objective('o')).toBeCloseTo(0.5, 10);
  });

  it('all weights 0: progress 0, recorded as a zero-weight mean at the objective', () => {
    const b = build(
      oneObjective(
        kr('a', '        progress: 1\n        weight: 0\n') +
          kr('b', '        progress: 0.5\n        weight: 0\n'),
      ),
    );
    expect(b.objective('o')).toBe(0);
    expect(b.rollup.zeroWeights).toEqual([expect.objectContaining({ target: 'o', path: ['objectives', 0] })]);
  });

  it('all aligned objectives weighted 0: the KR is 0, recorded at the KR', () => {
    const b = build({
      'okrs/a.yaml':
        'owner: company\ncycle: 2026\nobjectives:\n  - id: top\n    title: Grow the business with new buyers\n    key_results:\n      - id: buyers\n        title: More new buyers\n',
      'okrs/b.yaml':
        'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: t\n    title: Make checkout effortless for buyers\n    parent: top/buyers\n    weight: 0\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.8\n',
    });
    expect(b.kr('top/buyers')).toBe(0);
    expect(b.rollup.zeroWeights.map((z) => z.target)).toEqual(['top/buyers']);
  });
});

describe('cycles in the graph', () => {
  const cyclic = {
    'okrs/a.yaml':
      'owner: team-a\ncycle: 2026-Q4\nobjectives:\n  - id: a\n    title: First objective in a loop\n    parent: c/k\n    rollup: both\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n',
    'okrs/b.yaml':
      'owner: team-b\ncycle: 2026-Q4\nobjectives:\n  - id: b\n    title: Second objective in a loop\n    parent: a\n    rollup: both\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.1\n  - id: c\n    title: Third objective in a loop\n    parent: b\n    rollup: both\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.9\n  - id: leaf\n    title: A child hanging off the loop\n    parent: b\n    key_results:\n      - id: k\n        title: Judged\n        progress: 1\n',
  };

  it('finds the cycle once, starting at its first member in file order, and terminates', () => {
    const b = build(cyclic);
    expect(b.graph.cycles.map((c) => c.map((o) => o.id))).toEqual([['a', 'c', 'b']]);
  });

  it('ignores the links of the cycle for rollup but keeps the others', () => {
    const b = build(cyclic);
    expect(b.objective('a')).toBeCloseTo(0.5, 10);
    expect(b.objective('b')).toBeCloseTo((0.1 + 1) / 2, 10);
    expect(b.graph.rollupParents.has(b.graph.byId.get('leaf')!)).toBe(true);
  });

  it('an objective aligned to its own KR is a cycle of one', () => {
    const b = build(oneObjective(kr('a', '        progress: 0.5\n'), '    parent: o/a\n'));
    expect(b.graph.cycles.map((c) => c.map((o) => o.id))).toEqual([['o']]);
    expect(b.objective('o')).toBeCloseTo(0.5, 10);
  });

  it('a long chain of 5,000 parents rolls up without exhausting the stack', () => {
    let text = 'owner: team\ncycle: 2026\nobjectives:\n';
    for (let i = 0; i < 5000; i++)
      text += `  - id: o${i}\n    title: Link number in a long chain\n${i > 0 ? `    parent: o${i - 1}\n` : ''}    rollup: children\n    key_results:\n      - id: k\n        title: Judged\n        progress: ${i === 4999 ? 1 : 0}\n`;
    const b = build({ 'okrs/chain.yaml': text });
    // Each objective takes its only child's progress, so the last one's 1 reaches the first.
    expect(b.objective('o4999')).toBe(1);
    expect(b.objective('o0')).toBe(1);
  });
});
