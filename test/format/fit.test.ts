import { describe, expect, it } from 'vitest';
import { displayWidth, fitTable, truncateWords } from '../../src/format/fit.js';

describe('truncateWords', () => {
  it('keeps text that fits', () => {
    expect(truncateWords('Reply within 48 hours', 21)).toBe('Reply within 48 hours');
  });

  it('cuts at a word boundary, never inside a number', () => {
    expect(truncateWords('Reply within 48 hours', 15)).toBe('Reply within…');
    expect(truncateWords('Reply within 48 hours', 16)).toBe('Reply within 48…');
    expect(truncateWords('Availability of 99.95% every month', 20)).toBe('Availability of…');
    expect(truncateWords('Make checkout effortless for first-time buyers', 38)).toBe(
      'Make checkout effortless for first…',
    );
  });

  it('cuts a single long word where the width ends, but drops a number it would split', () => {
    expect(truncateWords('Internationalisation', 8)).toBe('Interna…');
    expect(truncateWords('ISO27001certification', 6)).toBe('ISO…');
    expect(truncateWords('10000000', 4)).toBe('…');
  });

  it('drops punctuation before the ellipsis and counts wide characters as two columns', () => {
    expect(truncateWords('Grow revenue, then margins', 16)).toBe('Grow revenue…');
    expect(displayWidth('漢字 title')).toBe(10);
    expect(displayWidth(truncateWords('漢字漢字 漢字漢字 漢字', 12))).toBeLessThanOrEqual(12);
  });
});

describe('fitTable', () => {
  const columns = [
    { head: 'Id', cells: [{ text: 'alpha' }, { text: 'beta' }] },
    {
      head: 'Title',
      words: true,
      cells: [{ text: 'A rather long title with 12 words in it' }, { text: 'Short' }],
    },
    { head: 'Owner', cells: [{ text: 'checkout' }, { text: 'payments' }] },
  ];
  const width = (t: { widths: number[] }) => t.widths.reduce((a, b) => a + b + 1, 1);

  it('caps, then drops, then gives the room left back to the capped columns', () => {
    const wide = fitTable(columns, [{ cap: 1, width: 10 }, { drop: 2 }], 200);
    expect(wide.head).toEqual(['Id', 'Title', 'Owner']);
    expect(wide.rows[0]![1]).toBe('A rather long title with 12 words in it');
    const capped = fitTable(columns, [{ cap: 1, width: 10 }, { drop: 2 }], 40);
    expect(capped.head).toEqual(['Id', 'Title', 'Owner']);
    expect(width(capped)).toBeLessThanOrEqual(40);
    expect(capped.rows[0]![1]).toBe('A rather long…');
    const narrow = fitTable(columns, [{ cap: 1, width: 10 }, { drop: 2 }], 30);
    expect(narrow.head).toEqual(['Id', 'Title']);
    expect(width(narrow)).toBeLessThanOrEqual(30);
    expect(narrow.rows[0]![1]).toBe('A rather long…');
    const tiny = fitTable(columns, [{ drop: 2 }, { drop: 1 }], 6);
    expect(width(tiny)).toBeLessThanOrEqual(6);
  });
});
