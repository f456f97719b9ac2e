import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { drawPlainTable, drawTable } from '../../src/format/status.js';

const color = new Chalk({ level: 1 });

/** The table as cli-table3 draws it in one piece. */
function reference(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [] } });
  table.push(...rows);
  return table.toString();
}

function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    color.bold(`team-${i}-o${i % 3}`),
    i % 7 === 0 ? 'Wide 漢字 title' : `Objective number ${'x'.repeat(i % 40)}…`,
    i === count - 1 ? 'the longest owner of all' : `team-${i}`,
    '2026-Q4',
    color.green('█'.repeat(i % 10)) + color.gray('░'.repeat(10 - (i % 10))),
    i % 5 === 0 ? '' : `${i % 100}%`,
    color.red('off track'),
  ]);
}

describe('the status table', () => {
  const head = ['Objective', 'Title', 'Owner', 'Cycle', 'Progress', 'Expected', 'Status'].map((h) =>
    color.bold(h),
  );

  for (const count of [1, 100, 101, 250, 1000])
    it(`is drawn as cli-table3 draws it in one piece, with ${count} rows`, () => {
      expect(drawTable(head, rows(count))).toBe(reference(head, rows(count)));
    });

  it('is drawn as cli-table3 draws it when every cell is plain text with colours', () => {
    for (const count of [1, 5, 300]) {
      const plain = rows(count).map((row) => row.map((cell) => cell.replace('漢字', 'kanji')));
      plain[0]![1] = '';
      expect(drawPlainTable(head, plain)).toBe(reference(head, plain));
      expect(drawTable(head, plain)).toBe(reference(head, plain));
    }
    // Wide characters are measured by cli-table3 itself.
    expect(drawPlainTable(head, rows(10))).toBeNull();
  });
});
