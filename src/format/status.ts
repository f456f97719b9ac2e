import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { Status } from '../rollup/status.js';
import type { AlignmentNode } from '../run/views/alignment.js';
import type { KrStatus, KrUpdate, ObjectiveStatus, StatusReport } from '../run/views/status.js';
import type { Color } from './color.js';
import {
  type Cell,
  displayWidth,
  type FitColumn,
  type FitStep,
  fitLine,
  fitTable,
  type LinePart,
  truncateWords,
} from './fit.js';
import { markdownInline, percent, terminalLine, withUnit } from './text.js';

/** The columns of the status table, in the terminal and in markdown alike. */
const COLUMN_HEADS = [
  'Objective',
  'Title',
  'Owner',
  'Cycle',
  'Progress',
  'Expected',
  'Status',
  'Current → target',
  'Updated',
  'Confidence',
  'Needs',
] as const;

export interface StatusFormatOptions {
  krs: boolean;
  color: Color;
  /** Columns of the terminal the table or tree must fit in (default 100). */
  width?: number;
}

const DEFAULT_WIDTH = 100;

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

/** The progress bar without its colours. */
function progressText(progress: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${percent(progress).padStart(4)}`;
}

/** The owner, with the file's team when the objective's `owner:` overrides it: `dana (checkout)`. */
export function ownerLabel(o: Pick<ObjectiveStatus, 'owner' | 'team'>): string {
  return o.team === o.owner ? o.owner : `${o.owner} (${o.team})`;
}

/** A KR's current value and its target, with the unit: `2.6% → 3%`, `280 → below 300 ms`. */
export function krValue(kr: KrStatus): string {
  const unit = kr.unit;
  switch (kr.kind) {
    case 'numeric':
      return `${unit === '%' ? withUnit(kr.current, unit) : withUnit(kr.current, undefined)} → ${withUnit(kr.target, unit)}`;
    case 'threshold':
      return `${kr.current === undefined ? '—' : unit === '%' ? withUnit(kr.current, unit) : withUnit(kr.current, undefined)} → ${kr.keep} ${withUnit(kr.target, unit)}`;
    case 'milestone':
      return kr.done ? 'done' : 'not done';
    case 'judged':
      return `judged ${percent(kr.progress)}`;
    default:
      return 'rolled up';
  }
}

const SOURCE: Record<KrUpdate['source'], string> = {
  checkin: 'check-in',
  measure: 'measure',
  commit: 'commit',
};

/** When a KR was last updated and how: `2026-11-12 check-in`; `never` when nothing says. */
export function updatedLabel(kr: Pick<KrStatus, 'updated' | 'kind'>): string {
  // A rolled-up KR has no value of its own to update.
  if (kr.kind === 'rollup') return '';
  return kr.updated === null ? 'never' : `${kr.updated.date} ${SOURCE[kr.updated.source]}`;
}

export function confidenceLabel(confidence: number | null): string {
  return confidence === null ? '' : percent(confidence);
}

/** How many of an objective's KRs are stale (`2 KRs stale`), or nothing. */
function objectiveUpdated(o: ObjectiveStatus): string {
  const stale = o.keyResults.filter((kr) => kr.stale).length;
  return stale === 0 ? '' : `${stale} KR${stale === 1 ? '' : 's'} stale`;
}

/**
 * The lines of facts a graph node shows below its title: owner (or KR), progress and status; an
 * objective's dependencies and stale KRs; a KR's latest update, confidence and "stale".
 */
export function graphFacts(node: AlignmentNode): string[] {
  const head = [
    node.kind === 'kr' ? 'KR' : ownerLabel(node),
    percent(node.progress),
    LABEL[node.status],
  ].join(' · ');
  if (node.kind === 'kr') {
    const kr = [
      ...(node.updated === null ? [] : [`updated ${node.updated.date} ${SOURCE[node.updated.source]}`]),
      ...(node.confidence === null ? [] : [`confidence ${confidenceLabel(node.confidence)}`]),
      ...(node.stale === true ? ['stale'] : []),
    ];
    return kr.length ? [head, kr.join(' · ')] : [head];
  }
  const lines = [head];
  if (node.dependsOn.length) lines.push(needsLabel(node));
  if (Array.isArray(node.stale) && node.stale.length) lines.push(`stale KRs: ${node.stale.join(', ')}`);
  return lines;
}

export function needsLabel(o: Pick<ObjectiveStatus, 'dependsOn'>): string {
  return o.dependsOn.length === 0 ? '' : `needs: ${o.dependsOn.join(', ')}`;
}

// The columns of the status table, by index.
const [TITLE, OWNER, CYCLE, PROGRESS, EXPECTED, VALUE, UPDATED, CONFIDENCE, NEEDS] = [
  1, 2, 3, 4, 5, 7, 8, 9, 10,
] as const;

/** What the table gives up first when the terminal is narrow, most dispensable first. */
const FIT_STEPS: FitStep[] = [
  { cap: NEEDS, width: 16 },
  { cap: TITLE, width: 60 },
  { drop: EXPECTED },
  { cap: TITLE, width: 40 },
  { drop: CYCLE },
  { drop: CONFIDENCE },
  { compact: PROGRESS },
  { cap: TITLE, width: 24 },
  { drop: NEEDS },
  { drop: OWNER },
  { cap: VALUE, width: 12 },
  { drop: UPDATED },
  { drop: VALUE },
  { cap: TITLE, width: 12 },
  { drop: TITLE },
];

/**
 * The status table (cli-table3): one row per objective, KRs below it with --krs (their current
 * value and target, latest update and confidence), fitted to the terminal's width.
 */
export function formatStatusTable(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  if (report.objectives.length === 0) return 'No objectives match.\n';
  const cells: Cell[][] = [];
  const plain = (text: string, paint?: (t: string) => string): Cell => (paint ? { text, paint } : { text });
  const bar = (progress: number, status: Status): Cell => {
    const text = progressText(progress);
    return { text, paint: (t) => (t === text ? progressBar(progress, status, color) : t) };
  };
  const compactBar = (progress: number): Cell => ({ text: percent(progress) });
  const compactCells: Cell[] = [];
  for (const o of report.objectives) {
    const updated = objectiveUpdated(o);
    cells.push([
      plain(terminalLine(o.id), color.bold),
      plain(terminalLine(o.title)),
      plain(terminalLine(ownerLabel(o))),
      plain(terminalLine(o.cycle)),
      bar(o.progress, o.status),
      plain(percent(o.expected)),
      plain(LABEL[o.status], (t) => paintStatus(o.status, t, color)),
      plain(''),
      plain(updated, color.yellow),
      plain(''),
      plain(terminalLine(o.dependsOn.join(', '))),
    ]);
    compactCells.push(compactBar(o.progress));
    if (!options.krs) continue;
    for (const kr of o.keyResults) {
      const updatedKr = `${updatedLabel(kr)}${kr.stale ? ', stale' : ''}`;
      cells.push([
        plain(`  ${terminalLine(kr.id.slice(o.id.length + 1))}`),
        plain(terminalLine(kr.title), color.dim),
        plain(''),
        plain(''),
        bar(kr.progress, kr.status),
        plain(''),
        plain(LABEL[kr.status], (t) => paintStatus(kr.status, t, color)),
        plain(terminalLine(krValue(kr))),
        plain(updatedKr, kr.stale ? color.yellow : undefined),
        plain(confidenceLabel(kr.confidence)),
        plain(''),
      ]);
      compactCells.push(compactBar(kr.progress));
    }
  }
  const heads = COLUMN_HEADS;
  const columns: FitColumn[] = heads.map((head, i) => ({
    head,
    cells: cells.map((row) => row[i]!),
    ...(i === TITLE || i === NEEDS || i === VALUE ? { words: true } : {}),
    ...(i === PROGRESS ? { compact: { head: 'Progress', cells: compactCells } } : {}),
  }));
  // Columns with nothing to say in any row (no KR listed, no dependency…) are left out.
  const steps = [
    ...[VALUE, UPDATED, CONFIDENCE, NEEDS]
      .filter((i) => columns[i]!.cells.every((c) => c.text === ''))
      .map((i) => ({ drop: i })),
    ...FIT_STEPS,
  ];
  const table = fitTable(columns, steps, options.width ?? DEFAULT_WIDTH, steps.length - FIT_STEPS.length);
  return `${drawTable(
    table.head.map((h) => color.bold(h)),
    table.rows,
    table.widths,
  )}\n`;
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
export function drawTable(head: string[], rows: string[][], colWidths?: number[]): string {
  const plain = drawPlainTable(head, rows);
  if (plain !== null) return plain;
  if (rows.length <= TABLE_CHUNK) return renderTable(head, rows, colWidths).join('\n');
  return drawInChunks(head, rows, colWidths);
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

function drawInChunks(head: string[], rows: string[][], colWidths?: number[]): string {
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += TABLE_CHUNK) chunks.push(rows.slice(i, i + TABLE_CHUNK));
  const widths = colWidths ? [...colWidths] : drawnWidths(renderTable(head, []));
  if (!colWidths)
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

const md = (text: string) => markdownInline(text);

/** A KR's latest update for markdown: `2026-11-12 check-in`, with **stale** when stale-kr fires. */
function markdownUpdated(kr: KrStatus): string {
  return `${updatedLabel(kr)}${kr.stale ? ' **stale**' : ''}`;
}

/** The status as a markdown table (or, with `tree`, the alignment tree as a nested list). */
export function formatStatusMarkdown(
  report: StatusReport,
  options: Pick<StatusFormatOptions, 'krs'> & { tree?: boolean },
): string {
  if (options.tree) return formatStatusMarkdownTree(report, options);
  const lines = [
    `Status as of ${report.asOf}`,
    '',
    markdownRow([...COLUMN_HEADS]),
    markdownRow(['---', '---', '---', '---', '---:', '---:', '---', '---', '---', '---:', '---']),
  ];
  for (const o of report.objectives) {
    const updated = objectiveUpdated(o);
    lines.push(
      markdownRow([
        `**${md(o.id)}**`,
        md(truncateWords(o.title, MARKDOWN_TITLE_WIDTH)),
        md(ownerLabel(o)),
        md(o.cycle),
        percent(o.progress),
        percent(o.expected),
        LABEL[o.status],
        '',
        md(updated),
        '',
        md(o.dependsOn.join(', ')),
      ]),
    );
    if (!options.krs) continue;
    for (const kr of o.keyResults)
      lines.push(
        markdownRow([
          `↳ ${md(kr.id)}`,
          md(truncateWords(kr.title, MARKDOWN_TITLE_WIDTH)),
          '',
          '',
          percent(kr.progress),
          '',
          LABEL[kr.status],
          md(krValue(kr)),
          markdownUpdated(kr),
          confidenceLabel(kr.confidence),
          '',
        ]),
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The alignment tree as a nested markdown list, with progress, for pull requests and wikis. */
function formatStatusMarkdownTree(report: StatusReport, options: Pick<StatusFormatOptions, 'krs'>): string {
  const entries = treeEntries(report, options.krs);
  if (entries.length === 0) return 'No objectives match.\n';
  const lines = [`Status as of ${report.asOf}`, ''];
  for (const { item, depth } of entries) {
    const indent = '  '.repeat(Math.min(depth, MAX_TREE_DEPTH));
    if (item.kind === 'objective') {
      const o = item.objective;
      const facts = [
        `${percent(o.progress)} (expected ${percent(o.expected)})`,
        LABEL[o.status],
        md(ownerLabel(o)),
        md(o.cycle),
        ...(o.dependsOn.length ? [md(needsLabel(o))] : []),
        ...(item.counted ? [] : [NOT_COUNTED]),
      ];
      lines.push(
        `${indent}- **${md(o.id)}** ${md(truncateWords(o.title, MARKDOWN_TITLE_WIDTH))} — ${facts.join(' · ')}`,
      );
    } else {
      const { kr } = item;
      const facts = [
        percent(kr.progress),
        LABEL[kr.status],
        md(krValue(kr)),
        ...(kr.kind === 'rollup' ? [] : [`updated ${markdownUpdated(kr)}`]),
        ...(kr.confidence === null ? [] : [`confidence ${confidenceLabel(kr.confidence)}`]),
        ...(item.counted ? [] : [NOT_COUNTED]),
      ];
      lines.push(
        `${indent}- KR **${md(kr.id.slice(item.objective.id.length + 1))}** ${md(truncateWords(kr.title, MARKDOWN_TITLE_WIDTH))} — ${facts.join(' · ')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatStatusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const MAX_TREE_DEPTH = 40;
const NOT_COUNTED = 'not counted';

/** `counted`: whether the item's progress is part of the item it is drawn under. */
type TreeItem =
  | { kind: 'objective'; objective: ObjectiveStatus; counted: boolean }
  | { kind: 'kr'; objective: ObjectiveStatus; kr: KrStatus; counted: boolean };

interface TreeEntry {
  item: TreeItem;
  depth: number;
  /** The tree's guide lines before the item (`│  ├─ `), plain. */
  prefix: string;
}

/**
 * The alignment tree from the roots, in drawing order: each objective, the objectives aligned to it
 * below it, and those aligned to one of its KRs below that KR. An objective's KRs are drawn with
 * `krs`, when objectives align to them, and always under a `rollup: both` objective, whose progress
 * they are part of; each item says whether its parent's progress counts it. Walked with an explicit
 * stack, so that a very deep alignment chain cannot exhaust the call stack.
 */
function treeEntries(report: StatusReport, krs: boolean): TreeEntry[] {
  const byId = new Map(report.objectives.map((o) => [o.id, o]));
  const isChild = new Set(report.objectives.flatMap((o) => o.children.filter((c) => byId.has(c))));
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
    const krItems: TreeItem[] = parent.keyResults
      .filter((kr) => krs || parent.rollup === 'both' || kids.some((c) => c.parent === kr.id))
      .map((kr) => ({ kind: 'kr', objective: parent, kr, counted: parent.rollup !== 'children' }));
    const direct: TreeItem[] = kids
      .filter((c) => c.parent === parent.id)
      .map((objective) => ({ kind: 'objective', objective, counted: parent.rollup !== 'krs' }));
    return [...krItems, ...direct];
  };
  const roots = report.objectives.filter((o) => !isChild.has(o.id));
  const out: TreeEntry[] = [];
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
    out.push({ item, depth, prefix });
    const children = childrenOf(item);
    for (let i = children.length - 1; i >= 0; i--) {
      const last = i === children.length - 1;
      // Past MAX_TREE_DEPTH the indentation stops growing, so that output stays linear in size.
      const deep = depth >= MAX_TREE_DEPTH;
      stack.push({
        item: children[i]!,
        prefix: childPrefix + (deep ? '⋯ ' : last ? '└─ ' : '├─ '),
        childPrefix: deep ? childPrefix : childPrefix + (last ? '   ' : '│  '),
        depth: depth + 1,
      });
    }
  }
  return out;
}

/**
 * The alignment tree from the roots, each objective with its rolled-up progress and each KR with its
 * value, latest update, confidence and "stale"; every line fitted to the terminal's width.
 */
export function formatStatusTree(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const entries = treeEntries(report, options.krs);
  if (entries.length === 0) return 'No objectives match.\n';
  const objectiveParts = (o: ObjectiveStatus): LinePart[] => [
    { text: terminalLine(o.id), paint: color.bold },
    { text: terminalLine(o.title), words: true },
    { text: progressText(o.progress), paint: () => progressBar(o.progress, o.status, color) },
    { text: LABEL[o.status], paint: (t) => paintStatus(o.status, t, color) },
    { text: `${terminalLine(ownerLabel(o))} · ${terminalLine(o.cycle)}`, paint: color.dim, drop: 2 },
    ...(o.dependsOn.length ? [{ text: terminalLine(needsLabel(o)), paint: color.dim, drop: 3 }] : []),
  ];
  const krParts = (o: ObjectiveStatus, kr: KrStatus): LinePart[] => [
    {
      text: `KR ${terminalLine(kr.id.slice(o.id.length + 1))}`,
      paint: (t) => `${color.dim('KR')}${t.slice(2)}`,
    },
    { text: terminalLine(kr.title), words: true },
    { text: progressText(kr.progress), paint: () => progressBar(kr.progress, kr.status, color) },
    { text: LABEL[kr.status], paint: (t) => paintStatus(kr.status, t, color) },
    ...(kr.stale ? [{ text: 'stale', paint: color.yellow, drop: 6 }] : []),
    { text: terminalLine(krValue(kr)), paint: color.dim, drop: 4 },
    ...(kr.kind === 'rollup' ? [] : [{ text: `updated ${updatedLabel(kr)}`, paint: color.dim, drop: 3 }]),
    ...(kr.confidence === null
      ? []
      : [{ text: `confidence ${confidenceLabel(kr.confidence)}`, paint: color.dim, drop: 1 }]),
  ];
  // What its parent's progress leaves out is said, whatever the width.
  const uncounted = (item: TreeItem): LinePart[] =>
    item.counted ? [] : [{ text: `(${NOT_COUNTED})`, paint: color.dim }];
  const out = entries.map(({ item, prefix }) =>
    fitLine(
      color.gray(prefix),
      displayWidth(prefix),
      [
        ...(item.kind === 'kr' ? krParts(item.objective, item.kr) : objectiveParts(item.objective)),
        ...uncounted(item),
      ],
      width,
    ),
  );
  return `${out.join('\n')}\n`;
}
