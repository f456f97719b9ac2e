import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatDiffJson } from '../../src/format/diff-json.js';
import { formatDiffMarkdown } from '../../src/format/diff-markdown.js';
import { formatDiffText } from '../../src/format/diff-text.js';
import { sparkline } from '../../src/format/history.js';
import type { OkrDiff } from '../../src/run/compare.js';

const diff: OkrDiff = {
  base: '3f2c1a0b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
  head: 'WORKTREE',
  added: [{ id: 'payments-o3', kind: 'objective', title: 'Pay | in <one> click', owner: 'pay`ments' }],
  removed: [{ id: 'growth-o1/signups', kind: 'kr', title: 'Signups', owner: 'growth' }],
  changed: [
    {
      id: 'checkout/conversion',
      kind: 'kr',
      field: 'target',
      from: 3,
      to: 2.5,
      movedGoalpost: true,
      file: 'okrs/checkout.yaml',
      path: ['objectives', 0, 'key_results', 0, 'target'],
      cycle: '2026-Q4',
      cycleStart: 0,
    },
  ],
  progress: [{ id: 'grow', kind: 'objective', title: 'Grow', owner: 'company', from: 0.41, to: 0.47 }],
  problems: { introduced: [], fixed: [] },
};

describe('diff formatters', () => {
  it('prints JSON with exactly the fields of SPEC §9', () => {
    expect(JSON.parse(formatDiffJson(diff))).toEqual({
      base: diff.base,
      head: 'WORKTREE',
      added: [{ id: 'payments-o3', kind: 'objective' }],
      removed: [{ id: 'growth-o1/signups', kind: 'kr' }],
      changed: [{ id: 'checkout/conversion', field: 'target', from: 3, to: 2.5, movedGoalpost: true }],
      progress: [{ id: 'grow', from: 0.41, to: 0.47 }],
      problems: { introduced: [], fixed: [] },
    });
  });

  it('escapes user text in markdown so that a title cannot break the table or inject HTML', () => {
    const md = formatDiffMarkdown(diff);
    expect(md).toContain('| objective | `payments-o3` | Pay \\| in &lt;one&gt; click | pay\\`ments |');
    expect(
      md.startsWith('### OKR changes\n\nFrom `3f2c1a0` to the working tree.\n\n| Change | Count |'),
    ).toBe(true);
    expect(md).toContain('- key result `checkout/conversion`: target 3 → 2.5 (cycle 2026-Q4)');
  });

  it('prints the progress of an ancestor with its owner, as a reviewer reads it', () => {
    const text = formatDiffText(diff, new Chalk({ level: 0 }));
    expect(text).toContain('↑ company objective grow  41% → 47%');
    expect(text).toContain('- key result growth-o1/signups  Signups (growth)');
  });

  it('draws a sparkline from 0 to 1 with eight heights', () => {
    expect(sparkline([0, 0.5, 1, 2, -1])).toBe('▁▅██▁');
  });
});
