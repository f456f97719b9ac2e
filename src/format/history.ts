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

/** For a history that follows `continues:`, the chain on a line of its own, oldest first. */
function chainLine(history: History): string {
  if (!history.chain) return '';
  return `\nfollows continues: ${history.chain.map((l) => `${terminalLine(l.ref)} (${l.cycle})`).join(' → ')}`;
}

/** A sparkline of progress, then one row a point; with a chain of `continues:`, each row's cycle and id. */
export function formatHistoryText(history: History, color: Color): string {
  if (history.points.length === 0)
    return `${terminalLine(history.ref)}: no value recorded in git history or check-ins yet.\n`;
  const first = history.points[0]!;
  const last = history.points[history.points.length - 1]!;
  const head = `${color.bold(terminalLine(history.ref))}  ${sparkline(history.points.map((p) => p.progress))}  ${percent(first.progress)} → ${percent(last.progress)} (${first.date} … ${last.date})${chainLine(history)}`;
  const chained = history.chain !== undefined;
  // An objective's value is its progress: one column says it.
  const withValue = history.ref.includes('/');
  const table = new Table({
    head: [
      ...(chained ? ['Cycle', 'Id'] : []),
      ...(withValue ? ['Date', 'Value'] : ['Date']),
      'Progress',
      'Source',
      'Commit',
    ].map((h) => color.bold(h)),
    style: { head: [], border: [] },
  });
  for (const p of history.points)
    table.push([
      ...(chained ? [p.cycle ?? '', terminalLine(p.ref ?? '')] : []),
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
