import { describe, expect, it } from 'vitest';
import { formatCheckSummary } from '../../src/format/check-summary.js';
import { expectGolden } from './golden.js';
import { HOSTILE, PROBLEMS, problem } from './problems.js';

describe('formatCheckSummary', () => {
  it('matches the golden output', () => {
    expectGolden('problems.summary.md', formatCheckSummary(PROBLEMS, { fileCount: 3 }));
  });

  it('keeps hostile text inside its table cell', () => {
    const md = formatCheckSummary([problem({ ruleId: 'schema', message: HOSTILE, file: 'okrs/a|b.yaml' })], {
      fileCount: 1,
    });
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(3);
    // Five cells: every pipe of the user's text is escaped.
    expect(rows[2]!.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('\u0007');
  });

  it('says when there is nothing to fix, and caps a long table', () => {
    expect(formatCheckSummary([], { fileCount: 2 })).toContain('No problems in 2 OKR files.');
    const many = Array.from({ length: 7 }, (_, i) => problem({ ruleId: 'schema', message: `m${i}` }));
    const md = formatCheckSummary(many, { fileCount: 1, limit: 5 });
    expect(md.split('\n').filter((l) => l.startsWith('| error'))).toHaveLength(5);
    expect(md).toContain('…and 2 more problems');
  });
});
