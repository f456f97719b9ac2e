import type { MeasureRow } from '../run/measure.js';
import { displayWidth } from './fit.js';

export interface MeasureReport {
  date: string;
  dryRun: boolean;
  rows: readonly MeasureRow[];
  /** Shows a root-relative path as output shows paths. */
  shown: (path: string) => string;
  /** The columns lines should fit in (the terminal's); none: as wide as the table is. */
  width?: number;
}

const num = (n: number | null) => (n === null ? 'unset' : String(n));

function outcome(row: MeasureRow, dryRun: boolean): string {
  if (row.value === null) return 'failed';
  if (row.later !== null) return `kept (check-in of ${row.later} is later)`;
  return dryRun ? 'would record' : 'recorded';
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Rows of cells in columns two spaces apart, the last column as long as it is. */
function columns(rows: readonly (readonly string[])[], indent = ''): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))));
  return rows.map((row) =>
    (
      indent + row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!))).join('  ')
    ).trimEnd(),
  );
}

/**
 * `okr measure`: one row per measured KR, old → new value, its source and what was done. When the
 * rows are wider than `width`, each KR's id takes a line of its own and the rest goes indented below
 * it: ids are never cut, they are what `okr checkin` and `okr explain` take.
 */
export function formatMeasureText(report: MeasureReport): string {
  if (report.rows.length === 0) return 'no key result has a measure to read\n';
  const details = report.rows.map((r) => [
    r.value === null ? `${num(r.before)} (unchanged)` : `${num(r.before)} → ${r.value}`,
    r.source,
    outcome(r, report.dryRun),
  ]);
  const table = [['KR', 'VALUE', 'SOURCE', ''], ...report.rows.map((r, i) => [r.ref, ...details[i]!])];
  let lines = columns(table);
  if (report.width !== undefined && lines.some((line) => displayWidth(line) > report.width!)) {
    const stacked = columns([['VALUE', 'SOURCE', ''], ...details], '    ');
    lines = ['KR', stacked[0]!, ...report.rows.flatMap((r, i) => [r.ref, stacked[i + 1]!])];
  }
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
