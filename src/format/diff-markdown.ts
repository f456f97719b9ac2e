import type { Diagnostic } from '../diagnostics.js';
import type { DiffItem, OkrDiff } from '../run/compare.js';
import { fieldValue, isEmptyDiff } from './diff-text.js';
import { markdownInline, percent } from './text.js';

const KIND: Record<DiffItem['kind'], string> = { objective: 'objective', kr: 'key result' };

const code = (text: string) => `\`${text.replace(/[`\r\n]/g, '')}\``;

function revision(rev: string): string {
  return rev === 'WORKTREE' ? 'the working tree' : code(rev.slice(0, 7));
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** A section folded in <details>, or nothing when it has no rows. */
function details(title: string, head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [
    '',
    `<details><summary>${title} (${rows.length})</summary>`,
    '',
    ...table(head, rows),
    '',
    '</details>',
  ];
}

const itemRow = (i: DiffItem) => [KIND[i.kind], code(i.id), markdownInline(i.title), markdownInline(i.owner)];

const problemRow = (p: Diagnostic) => [
  p.severity,
  code(p.ruleId),
  `${markdownInline(p.file)}:${p.line}:${p.column}`,
  markdownInline(p.message),
];

function counted(items: readonly DiffItem[]): string {
  if (items.length === 0) return '0';
  const objectives = items.filter((i) => i.kind === 'objective').length;
  const krs = items.length - objectives;
  return `${items.length} (${objectives} objective${objectives === 1 ? '' : 's'}, ${krs} key result${krs === 1 ? '' : 's'})`;
}

/**
 * `okr diff --format markdown`, made to be posted as a pull request comment: a summary table, moved
 * goalposts called out, and every detail folded in <details>. User text is escaped.
 */
export function formatDiffMarkdown(
  diff: OkrDiff,
  claimed: readonly { id: string; commits: number }[] = [],
): string {
  const lines = ['### OKR changes', '', `From ${revision(diff.base)} to ${revision(diff.head)}.`];
  if (claimed.length > 0)
    lines.push(
      '',
      `**Objectives this change's commits claim:** ${claimed.map((c) => `${code(c.id)} (${c.commits} commit${c.commits === 1 ? '' : 's'})`).join(', ')}`,
    );
  if (isEmptyDiff(diff))
    return `${[...lines, '', 'No objective, key result or problem changes.'].join('\n')}\n`;
  const moved = diff.changed.filter((c) => c.movedGoalpost);
  lines.push(
    '',
    ...table(
      ['Change', 'Count'],
      [
        ['Added', counted(diff.added)],
        ['Removed', counted(diff.removed)],
        ['Changed fields', String(diff.changed.length)],
        ['Moved goalposts', moved.length > 0 ? `**${moved.length}** ⚠️` : '0'],
        ['Progress changed', String(diff.progress.length)],
        ['Problems introduced', String(diff.problems.introduced.length)],
        ['Problems fixed', String(diff.problems.fixed.length)],
      ],
    ),
  );
  if (moved.length > 0) {
    lines.push('', '**Moved goalposts** (changed after the cycle started):', '');
    for (const c of moved)
      lines.push(
        `- ${KIND[c.kind]} ${code(c.id)}: ${c.field} ${markdownInline(fieldValue(c.from))} → ${markdownInline(fieldValue(c.to))} (cycle ${markdownInline(c.cycle)})`,
      );
  }
  lines.push(
    ...details('Added', ['Kind', 'Id', 'Title', 'Owner'], diff.added.map(itemRow)),
    ...details('Removed', ['Kind', 'Id', 'Title', 'Owner'], diff.removed.map(itemRow)),
    ...details(
      'Changed',
      ['Kind', 'Id', 'Field', 'From', 'To', 'Moved goalpost'],
      diff.changed.map((c) => [
        KIND[c.kind],
        code(c.id),
        c.field,
        markdownInline(fieldValue(c.from)),
        markdownInline(fieldValue(c.to)),
        c.movedGoalpost ? '⚠️ yes' : 'no',
      ]),
    ),
    ...details(
      'Progress',
      ['Owner', 'Kind', 'Id', 'From', 'To'],
      diff.progress.map((p) => [
        markdownInline(p.owner),
        KIND[p.kind],
        code(p.id),
        percent(p.from),
        percent(p.to),
      ]),
    ),
    ...details(
      'Problems introduced',
      ['Severity', 'Rule', 'Where', 'Message'],
      diff.problems.introduced.map(problemRow),
    ),
    ...details(
      'Problems fixed',
      ['Severity', 'Rule', 'Where', 'Message'],
      diff.problems.fixed.map(problemRow),
    ),
  );
  return `${lines.join('\n')}\n`;
}
