import type { Work, WorkItem } from '../run/work-items.js';
import type { Color } from './color.js';
import { markdownInline, terminalLine } from './text.js';

/** `okr work --format json` (SPEC §11). */
export function formatWorkJson(work: Work): string {
  return `${JSON.stringify(work, null, 2)}\n`;
}

function summary(item: WorkItem): string {
  const count = `${item.total} commit${item.total === 1 ? '' : 's'}`;
  return item.last === null ? count : `${count}, last ${item.last}`;
}

/** An item a line (KRs indented under their objective), then its own commits, newest first. */
export function formatWorkText(work: Work, color: Color): string {
  if (work.items.length === 0) return 'No objectives.\n';
  const lines: string[] = [];
  for (const item of work.items) {
    const indent = item.kind === 'kr' ? '  ' : '';
    const quiet = item.quiet ? `  ${color.yellow('no linked work')}` : '';
    lines.push(`${indent}${color.bold(terminalLine(item.id))}  ${summary(item)}${quiet}`);
    for (const c of item.commits) {
      const repo = c.repo === '.' ? '' : ` [${terminalLine(c.repo)}]`;
      lines.push(
        `${indent}    ${c.sha.slice(0, 7)} ${c.date} ${terminalLine(c.author)}: ${terminalLine(c.subject)}${repo}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A table of the items, then the commits of each item that has some. */
export function formatWorkMarkdown(work: Work): string {
  const rows = work.items.map(
    (item) =>
      `| ${item.kind === 'kr' ? '↳ ' : ''}\`${item.id}\` | ${item.total} | ${item.last ?? '—'} | ${item.quiet ? 'no linked work' : ''} |`,
  );
  const out = [
    `## Linked work${work.since === null ? '' : ` since ${markdownInline(work.since)}`}`,
    '',
    '| Objective / KR | Commits | Last | |',
    '| --- | ---: | --- | --- |',
    ...rows,
  ];
  for (const item of work.items) {
    if (item.commits.length === 0) continue;
    out.push('', `### \`${item.id}\``, '');
    for (const c of item.commits)
      out.push(
        `- \`${c.sha.slice(0, 7)}\` ${c.date} ${markdownInline(c.author)}: ${markdownInline(c.subject)}${c.repo === '.' ? '' : ` (${markdownInline(c.repo)})`}`,
      );
  }
  return `${out.join('\n')}\n`;
}
