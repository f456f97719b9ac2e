import { describe, expect, it } from 'vitest';
import { formatMeasureJson, formatMeasureText } from '../../src/format/measure.js';
import type { MeasureRow } from '../../src/run/measure.js';

const rows: MeasureRow[] = [
  { ref: 'o/a', file: 'okrs/a.yaml', source: 'file', before: 3, value: 5, error: null, later: null },
  {
    ref: 'o/long-name',
    file: 'okrs/a.yaml',
    source: 'url',
    before: null,
    value: null,
    error: 'timeout',
    later: null,
  },
  {
    ref: 'o/c',
    file: 'okrs/a.yaml',
    source: 'command',
    before: 1,
    value: 2,
    error: null,
    later: '2026-12-01',
  },
];

describe('formatMeasureText', () => {
  it('prints KR, old → new value, source and what was done, in aligned columns, and a summary', () => {
    expect(formatMeasureText({ date: '2026-11-20', dryRun: false, rows, shown: (p) => p })).toBe(
      [
        'KR           VALUE              SOURCE',
        'o/a          3 → 5              file     recorded',
        'o/long-name  unset (unchanged)  url      failed',
        'o/c          1 → 2              command  kept (check-in of 2026-12-01 is later)',
        '',
        '2 values recorded on 2026-11-20, 1 failed',
        '',
      ].join('\n'),
    );
  });
  it('puts each KR on a line of its own, the rest indented below, when the table is wider than the terminal', () => {
    const long: MeasureRow[] = [
      { ...rows[0]!, ref: 'grow-the-mid-market-segment/monthly-recurring-revenue-from-new-accounts' },
      rows[2]!,
    ];
    const report = { date: '2026-11-20', dryRun: false, rows: long, shown: (p: string) => p };
    expect(formatMeasureText({ ...report, width: 60 })).toBe(
      [
        'KR',
        '    VALUE  SOURCE',
        'grow-the-mid-market-segment/monthly-recurring-revenue-from-new-accounts',
        '    3 → 5  file     recorded',
        'o/c',
        '    1 → 2  command  kept (check-in of 2026-12-01 is later)',
        '',
        '2 values recorded on 2026-11-20',
        '',
      ].join('\n'),
    );
    // As wide as it is where it fits, or without a width.
    expect(formatMeasureText({ ...report, width: 200 })).toBe(formatMeasureText(report));
    expect(formatMeasureText(report).split('\n')[1]).toMatch(
      /^grow-.*-accounts {2}3 → 5 {2}file {5}recorded$/,
    );
  });

  it('says when there is nothing to measure, and what a dry run would do', () => {
    expect(formatMeasureText({ date: 'd', dryRun: false, rows: [], shown: (p) => p })).toBe(
      'no key result has a measure to read\n',
    );
    expect(formatMeasureText({ date: 'd', dryRun: true, rows: [rows[0]!], shown: (p) => p })).toContain(
      '1 value would be recorded (dry run: nothing written)',
    );
  });
});

describe('formatMeasureJson', () => {
  it('gives each KR with its file as shown, before, value, whether it was recorded and why not', () => {
    const json = JSON.parse(
      formatMeasureJson({ date: '2026-11-20', dryRun: false, rows, shown: (p) => `sub/${p}` }),
    );
    expect(json.results[1]).toEqual({
      kr: 'o/long-name',
      file: 'sub/okrs/a.yaml',
      source: 'url',
      before: null,
      value: null,
      recorded: false,
      later: null,
      error: 'timeout',
    });
    expect(json.results[2].recorded).toBe(true);
  });
});
