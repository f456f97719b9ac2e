import type { MeasureRow } from '../run/measure.js';

export interface MeasureReport {
  date: string;
  dryRun: boolean;
  rows: readonly MeasureRow[];
  /** Shows a root-relative path as output shows paths. */
  shown: (path: string) => string;
}

const num = (n: number | null) => (n === null ? 'unset' : String(n));

function outcome(row: MeasureRow, dryRun: boolean): string {
  if (row.value === null) return 'failed';
  if (row.later !== null) return `kept (check-in of ${row.later} is later)`;
  return dryRun ? 'would record' : 'recorded';
}

/** `okr measure`: one row per measured KR, old → new value, its source and what was done. */
export function formatMeasureText(report: MeasureReport): string {
  if (report.rows.length === 0) return 'no key result has a measure to read\n';
  const table = [
    ['KR', 'VALUE', 'SOURCE', ''],
    ...report.rows.map((r) => [
      r.ref,
      r.value === null ? `${num(r.before)} (unchanged)` : `${num(r.before)} → ${r.value}`,
      r.source,
      outcome(r, report.dryRun),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  const recorded = report.rows.filter((r) => r.value !== null).length;
  const failed = report.rows.length - recorded;
  const verb = report.dryRun ? 'would be recorded (dry run: nothing written)' : `recorded on ${report.date}`;
  lines.push(
    '',
    `${recorded} value${recorded === 1 ? '' : 's'} ${verb}${failed ? `, ${failed} failed` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `okr measure --format json`. */
export function formatMeasureJson(report: MeasureReport): string {
  return `${JSON.stringify(
    {
      date: report.date,
      dryRun: report.dryRun,
      results: report.rows.map((r) => ({
        kr: r.ref,
        file: report.shown(r.file),
        source: r.source,
        before: r.before,
        value: r.value,
        recorded: r.value !== null && !report.dryRun,
        later: r.later,
        error: r.error,
      })),
    },
    null,
    2,
  )}\n`;
}
