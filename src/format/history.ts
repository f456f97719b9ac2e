import Table from 'cli-table3';
import type { History } from '../run/history/points.js';
import type { Color } from './color.js';
import { percent, terminalLine } from './text.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One character a point, the height its progress (0..1). */
export function sparkline(values: readonly number[]): string {
  return values.map((v) => BARS[Math.round(Math.min(1, Math.max(0, v)) * (BARS.length - 1))]!).join('');
}

/** `okr history --format json` (SPEC §9). */
export function formatHistoryJson(history: History): string {
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** A sparkline of progress, then one row a point. */
export function formatHistoryText(history: History, color: Color): string {
  if (history.points.length === 0)
    return `${terminalLine(history.ref)}: no value recorded in git history or check-ins yet.\n`;
  const first = history.points[0]!;
  const last = history.points[history.points.length - 1]!;
  const head = `${color.bold(terminalLine(history.ref))}  ${sparkline(history.points.map((p) => p.progress))}  ${percent(first.progress)} → ${percent(last.progress)} (${first.date} … ${last.date})`;
  // An objective's value is its progress: one column says it.
  const withValue = history.ref.includes('/');
  const table = new Table({
    head: [...(withValue ? ['Date', 'Value'] : ['Date']), 'Progress', 'Source', 'Commit'].map((h) =>
      color.bold(h),
    ),
    style: { head: [], border: [] },
  });
  for (const p of history.points)
    table.push([
      p.date,
      ...(withValue
        ? [typeof p.value === 'number' ? String(Number(p.value.toFixed(6))) : String(p.value)]
        : []),
      percent(p.progress),
      p.source === 'git' ? 'commit' : 'check-in',
      p.commit ? p.commit.slice(0, 7) : '',
    ]);
  return `${head}\n${table.toString()}\n`;
}
