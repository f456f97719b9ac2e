import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { KrStatus, ObjectiveStatus, StatusReport } from '../report/status.js';
import type { Status } from '../rollup/status.js';
import { markdownInline, percent, terminalLine, truncate } from './text.js';

export interface StatusFormatOptions {
  krs: boolean;
  color: ChalkInstance;
}

export const LABEL: Record<Status, string> = {
  not_started: 'not started',
  done: 'done',
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
};

export function paintStatus(status: Status, text: string, color: ChalkInstance): string {
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

export function progressBar(progress: number, status: Status, color: ChalkInstance): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * BAR_WIDTH);
  const bar = paintStatus(status, '█'.repeat(filled), color) + color.gray('░'.repeat(BAR_WIDTH - filled));
  return `${bar} ${percent(progress).padStart(4)}`;
}

/** The status table (cli-table3): one row per objective, KRs below it with --krs. */
export function formatStatusTable(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  if (report.objectives.length === 0) return 'No objectives match.\n';
  const table = new Table({
    head: ['Objective', 'Title', 'Owner', 'Cycle', 'Progress', 'Expected', 'Status'].map((h) =>
      color.bold(h),
    ),
    style: { head: [], border: [] },
  });
  for (const o of report.objectives) {
    table.push([
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
      table.push([
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
  return `${table.toString()}\n`;
}

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
        markdownInline(o.title),
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
          markdownInline(kr.title),
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

interface TreeNode {
  line: string;
  children: TreeNode[];
}

/**
 * The alignment tree from the roots: each objective with its rolled-up progress, the objectives
 * aligned to it below it, and those aligned to one of its KRs below that KR.
 */
export function formatStatusTree(report: StatusReport, options: StatusFormatOptions): string {
  const { color } = options;
  const byId = new Map(report.objectives.map((o) => [o.id, o]));
  const isChild = new Set(report.objectives.flatMap((o) => o.children.filter((c) => byId.has(c))));
  const objectiveLine = (o: ObjectiveStatus) =>
    `${color.bold(terminalLine(o.id))}  ${truncate(terminalLine(o.title), 60)}  ${progressBar(o.progress, o.status, color)}  ${paintStatus(o.status, LABEL[o.status], color)}  ${color.dim(`${terminalLine(o.owner)} · ${terminalLine(o.cycle)}`)}`;
  const krLine = (o: ObjectiveStatus, kr: KrStatus) =>
    `${color.dim('KR')} ${terminalLine(kr.id.slice(o.id.length + 1))}  ${truncate(terminalLine(kr.title), 56)}  ${progressBar(kr.progress, kr.status, color)}  ${paintStatus(kr.status, LABEL[kr.status], color)}`;
  const build = (o: ObjectiveStatus): TreeNode => {
    const kids = o.children.map((id) => byId.get(id)).filter((c): c is ObjectiveStatus => c !== undefined);
    const direct = kids.filter((c) => c.parent === o.id);
    const nodes: TreeNode[] = [];
    for (const kr of o.keyResults) {
      const aligned = kids.filter((c) => c.parent === kr.id);
      if (aligned.length === 0 && !options.krs) continue;
      nodes.push({ line: krLine(o, kr), children: aligned.map(build) });
    }
    nodes.push(...direct.map(build));
    return { line: objectiveLine(o), children: nodes };
  };
  const out: string[] = [];
  const render = (node: TreeNode, prefix: string, childPrefix: string) => {
    out.push(prefix + node.line);
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      render(
        child,
        childPrefix + color.gray(last ? '└─ ' : '├─ '),
        childPrefix + color.gray(last ? '   ' : '│  '),
      );
    });
  };
  const roots = report.objectives.filter((o) => !isChild.has(o.id));
  if (roots.length === 0) return 'No objectives match.\n';
  for (const root of roots) render(build(root), '', '');
  return `${out.join('\n')}\n`;
}
