import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { KrStatus, ObjectiveStatus, StatusReport } from '../report/status.js';
import type { Status } from '../rollup/status.js';
import type { Color } from './color.js';
import { markdownInline, percent, terminalLine, truncate } from './text.js';

export interface StatusFormatOptions {
  krs: boolean;
  color: Color;
}

export const LABEL: Record<Status, string> = {
  not_started: 'not started',
  done: 'done',
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
};

export function paintStatus(status: Status, text: string, color: Color): string {
  switch (status) {
    case 'done':
      return color.cyan(text);
    case 'on_track':
      return color.green(text);
    case 'at_risk':
      return color.yellow(text);
    case 'off_track':
      return color.red(text);
    default:
      return color.gray(text);
  }
}

const BAR_WIDTH = 10;

export function progressBar(progress: number, status: Status, color: Color): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * BAR_WIDTH);
  const bar = paintStatus(status, '█'.repeat(filled), color) + color.gray('░'.repeat(BAR_WIDTH - filled));
  return `${bar} ${percent(progress).padStart(4)}`;
}

/** The status table (cli-table3): one row per objective, KRs below it with --krs. */
export function formatStatusTable(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  if (report.objectives.length === 0) return 'No objectives match.\n';
  const rows: string[][] = [];
  for (const o of report.objectives) {
    rows.push([
      color.bold(terminalLine(o.id)),
      truncate(terminalLine(o.title), 48),
      terminalLine(o.owner),
      terminalLine(o.cycle),
      progressBar(o.progress, o.status, color),
      percent(o.expected),
      paintStatus(o.status, LABEL[o.status], color),
    ]);
    if (!options.krs) continue;
    for (const kr of o.keyResults) {
      rows.push([
        `  ${terminalLine(kr.id.slice(o.id.length + 1))}`,
        color.dim(truncate(terminalLine(kr.title), 48)),
        '',
        '',
        progressBar(kr.progress, kr.status, color),
        '',
        paintStatus(kr.status, LABEL[kr.status], color),
      ]);
    }
  }
  const head = ['Objective', 'Title', 'Owner', 'Cycle', 'Progress', 'Expected', 'Status'].map((h) =>
    color.bold(h),
  );
  return `${drawTable(head, rows)}\n`;
}

/** Rows cli-table3 lays out at once: its layout takes time quadratic in the number of rows. */
const TABLE_CHUNK = 100;

// Loaded only for the tables it measures itself (see drawPlainTable).
const require = createRequire(import.meta.url);

function renderTable(head: string[], rows: string[][], colWidths?: number[]): string[] {
  const Table = require('cli-table3') as typeof TableType;
  const table = new Table({ head, style: { head: [], border: [] }, ...(colWidths ? { colWidths } : {}) });
  table.push(...rows);
  return table.toString().split('\n');
}

/** Widths of the columns, padding included, read off a drawn table's top border. */
function drawnWidths(lines: string[]): number[] {
  return lines[0]!
    .slice(1, -1)
    .split('┬')
    .map((segment) => segment.length);
}

/**
 * The table cli-table3 draws, drawn in chunks of rows with the same column widths and joined with
 * the separator it draws between rows, so that thousands of objectives take linear time.
 */
export function drawTable(head: string[], rows: string[][]): string {
  const plain = drawPlainTable(head, rows);
  if (plain !== null) return plain;
  return rows.length <= TABLE_CHUNK ? renderTable(head, rows).join('\n') : drawInChunks(head, rows);
}

// Colour codes as chalk writes them.
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

/**
 * The width of a cell of printable ASCII text, colour codes and the one-column characters of
 * progress bars and truncation (█ ░ …); null for anything else.
 */
function plainWidth(cell: string): number | null {
  const text = cell.replace(SGR, '');
  return /^[\x20-\x7e\u2588\u2591\u2026]*$/.test(text) ? text.length : null;
}

/**
 * The table of cells that are plain text with colour codes, drawn line by line as cli-table3
 * draws it (one space of padding, content left-aligned, a separator between rows); null when a
 * cell is anything else (wide characters, several lines…), which cli-table3 measures itself.
 */
export function drawPlainTable(head: string[], rows: string[][]): string | null {
  const measured: number[][] = [];
  const widths: number[] = head.map(() => 2);
  for (const row of [head, ...rows]) {
    const cells = row.map(plainWidth);
    if (cells.length !== head.length || cells.some((w) => w === null)) return null;
    cells.forEach((w, i) => {
      widths[i] = Math.max(widths[i]!, w! + 2);
    });
    measured.push(cells as number[]);
  }
  const border = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w)).join(middle)}${right}`;
  const line = (row: string[], i: number) =>
    `│${row.map((cell, c) => ` ${cell}${' '.repeat(widths[c]! - 2 - measured[i]![c]!)} `).join('│')}│`;
  const lines = [border('┌', '┬', '┐')];
  [head, ...rows].forEach((row, i) => {
    if (i > 0) lines.push(border('├', '┼', '┤'));
    lines.push(line(row, i));
  });
  lines.push(border('└', '┴', '┘'));
  return lines.join('\n');
}

function drawInChunks(head: string[], rows: string[][]): string {
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += TABLE_CHUNK) chunks.push(rows.slice(i, i + TABLE_CHUNK));
  const widths = drawnWidths(renderTable(head, []));
  for (const chunk of chunks)
    drawnWidths(renderTable([], chunk)).forEach((w, i) => {
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  const lines: string[] = [];
  chunks.forEach((chunk, i) => {
    const drawn = renderTable(i === 0 ? head : [], chunk, widths);
    const separator = `├${widths.map((w) => '─'.repeat(w)).join('┼')}┤`;
    if (i > 0) lines.push(separator, ...drawn.slice(1, -1));
    else lines.push(...drawn.slice(0, -1));
    if (i === chunks.length - 1) lines.push(drawn[drawn.length - 1]!);
  });
  return lines.join('\n');
}

// Long enough for any real title; a hostile 100,000-character one must not make a comment unreadable.
const MARKDOWN_TITLE_WIDTH = 200;

function markdownRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The status as a markdown table, for pull requests and wikis. */
export function formatStatusMarkdown(
  report: StatusReport,
  options: Pick<StatusFormatOptions, 'krs'>,
): string {
  const lines = [
    `Status as of ${report.asOf}`,
    '',
    markdownRow(['Objective', 'Title', 'Owner', 'Cycle', 'Progress', 'Expected', 'Status']),
    markdownRow(['---', '---', '---', '---', '---:', '---:', '---']),
  ];
  for (const o of report.objectives) {
    lines.push(
      markdownRow([
        `**${markdownInline(o.id)}**`,
        markdownInline(truncate(o.title, MARKDOWN_TITLE_WIDTH)),
        markdownInline(o.owner),
        markdownInline(o.cycle),
        percent(o.progress),
        percent(o.expected),
        LABEL[o.status],
      ]),
    );
    if (!options.krs) continue;
    for (const kr of o.keyResults)
      lines.push(
        markdownRow([
          `↳ ${markdownInline(kr.id)}`,
          markdownInline(truncate(kr.title, MARKDOWN_TITLE_WIDTH)),
          '',
          '',
          percent(kr.progress),
          '',
          LABEL[kr.status],
        ]),
      );
  }
  return `${lines.join('\n')}\n`;
}

export function formatStatusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const MAX_TREE_DEPTH = 40;

/** `counted`: whether the item's progress is part of the item it is drawn under. */
type TreeItem =
  | { kind: 'objective'; objective: ObjectiveStatus; counted: boolean }
  | { kind: 'kr'; objective: ObjectiveStatus; kr: KrStatus; counted: boolean };

/**
 * The alignment tree from the roots: each objective with its rolled-up progress, the objectives
 * aligned to it below it, and those aligned to one of its KRs below that KR. An objective's KRs are
 * drawn with --krs, when objectives align to them, and always under a `rollup: both` objective, whose
 * progress they are part of; whatever its parent's progress leaves out is marked "not counted".
 * Drawn with an explicit stack, so that a very deep alignment chain cannot exhaust the call stack.
 */
export function formatStatusTree(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  const byId = new Map(report.objectives.map((o) => [o.id, o]));
  const isChild = new Set(report.objectives.flatMap((o) => o.children.filter((c) => byId.has(c))));
  const uncounted = (item: TreeItem) => (item.counted ? '' : `  ${color.dim('(not counted)')}`);
  const objectiveLine = (o: ObjectiveStatus) =>
    `${color.bold(terminalLine(o.id))}  ${truncate(terminalLine(o.title), 60)}  ${progressBar(o.progress, o.status, color)}  ${paintStatus(o.status, LABEL[o.status], color)}  ${color.dim(`${terminalLine(o.owner)} · ${terminalLine(o.cycle)}`)}`;
  const krLine = (o: ObjectiveStatus, kr: KrStatus) =>
    `${color.dim('KR')} ${terminalLine(kr.id.slice(o.id.length + 1))}  ${truncate(terminalLine(kr.title), 56)}  ${progressBar(kr.progress, kr.status, color)}  ${paintStatus(kr.status, LABEL[kr.status], color)}`;
  const kidsOf = (o: ObjectiveStatus) =>
    o.children.map((id) => byId.get(id)).filter((c): c is ObjectiveStatus => c !== undefined);
  const childrenOf = (item: TreeItem): TreeItem[] => {
    const parent = item.objective;
    const kids = kidsOf(parent);
    if (item.kind === 'kr')
      // Under `children` the objectives aligned to a KR count for the objective itself; otherwise
      // only through a KR that they measure.
      return kids
        .filter((c) => c.parent === item.kr.id)
        .map((objective) => ({
          kind: 'objective',
          objective,
          counted: parent.rollup === 'children' || item.kr.kind === 'rollup',
        }));
    const krs: TreeItem[] = parent.keyResults
      .filter((kr) => options.krs || parent.rollup === 'both' || kids.some((c) => c.parent === kr.id))
      .map((kr) => ({ kind: 'kr', objective: parent, kr, counted: parent.rollup !== 'children' }));
    const direct: TreeItem[] = kids
      .filter((c) => c.parent === parent.id)
      .map((objective) => ({ kind: 'objective', objective, counted: parent.rollup !== 'krs' }));
    return [...krs, ...direct];
  };
  const roots = report.objectives.filter((o) => !isChild.has(o.id));
  if (roots.length === 0) return 'No objectives match.\n';
  const out: string[] = [];
  const stack: { item: TreeItem; prefix: string; childPrefix: string; depth: number }[] = roots
    .map((objective) => ({
      item: { kind: 'objective', objective, counted: true } as TreeItem,
      prefix: '',
      childPrefix: '',
      depth: 0,
    }))
    .reverse();
  while (stack.length > 0) {
    const { item, prefix, childPrefix, depth } = stack.pop()!;
    out.push(
      prefix +
        (item.kind === 'kr' ? krLine(item.objective, item.kr) : objectiveLine(item.objective)) +
        uncounted(item),
    );
    const children = childrenOf(item);
    for (let i = children.length - 1; i >= 0; i--) {
      const last = i === children.length - 1;
      // Past MAX_TREE_DEPTH the indentation stops growing, so that output stays linear in size.
      const deep = depth >= MAX_TREE_DEPTH;
      stack.push({
        item: children[i]!,
        prefix: childPrefix + color.gray(deep ? '⋯ ' : last ? '└─ ' : '├─ '),
        childPrefix: deep ? childPrefix : childPrefix + color.gray(last ? '   ' : '│  '),
        depth: depth + 1,
      });
    }
  }
  return `${out.join('\n')}\n`;
}
