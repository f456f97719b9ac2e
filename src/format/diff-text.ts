import type { Diagnostic } from '../diagnostics.js';
import type { FieldValue } from '../graph/changes.js';
import type { DiffItem, OkrDiff } from '../run/compare.js';
import type { Color } from './color.js';
import { percent, terminalLine } from './text.js';

const KIND: Record<DiffItem['kind'], string> = { objective: 'objective', kr: 'key result' };

/** A commit id shortened as git shows it, or the working tree. */
function revisionLabel(rev: string): string {
  return rev === 'WORKTREE' ? 'the working tree' : rev.slice(0, 7);
}

export function fieldValue(value: FieldValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'number') return String(value);
  // Strings quoted, lists as [“a”, “b”]: an empty string or list stays visible.
  return typeof value === 'string'
    ? JSON.stringify(value)
    : `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

export function isEmptyDiff(diff: OkrDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      diff.progress.length +
      diff.problems.introduced.length +
      diff.problems.fixed.length ===
    0
  );
}

function itemLine(item: DiffItem): string {
  return `${KIND[item.kind]} ${terminalLine(item.id)}  ${terminalLine(item.title)} (${terminalLine(item.owner)})`;
}

function problemLine(p: Diagnostic): string {
  return `${terminalLine(p.file)}:${p.line}:${p.column}  ${p.severity}  ${terminalLine(p.message)}  (${p.ruleId})`;
}

/** `okr diff` for a terminal: one section per kind of change, moved goalposts marked. */
export function formatDiffText(diff: OkrDiff, color: Color): string {
  const header = `OKR changes from ${revisionLabel(diff.base)} to ${revisionLabel(diff.head)}`;
  if (isEmptyDiff(diff)) return `${header}: none.\n`;
  const lines: string[] = [color.bold(header)];
  const section = (title: string, body: string[]) => {
    if (body.length > 0) lines.push('', color.bold(title), ...body.map((b) => `  ${b}`));
  };
  section(
    'Added',
    diff.added.map((i) => color.green(`+ ${itemLine(i)}`)),
  );
  section(
    'Removed',
    diff.removed.map((i) => color.red(`- ${itemLine(i)}`)),
  );
  section(
    'Changed',
    diff.changed.map((c) => {
      const text = `~ ${KIND[c.kind]} ${terminalLine(c.id)}  ${c.field}: ${terminalLine(fieldValue(c.from))} → ${terminalLine(fieldValue(c.to))}`;
      return c.movedGoalpost
        ? color.yellow(`${text}  (moved goalpost: cycle "${terminalLine(c.cycle)}" had started)`)
        : text;
    }),
  );
  section(
    'Progress',
    diff.progress.map((p) => {
      const arrow = p.to > p.from ? color.green('↑') : color.red('↓');
      return `${arrow} ${terminalLine(p.owner)} ${KIND[p.kind]} ${terminalLine(p.id)}  ${percent(p.from)} → ${percent(p.to)}`;
    }),
  );
  section(
    'Problems introduced',
    diff.problems.introduced.map((p) => color.red(problemLine(p))),
  );
  section(
    'Problems fixed',
    diff.problems.fixed.map((p) => color.green(problemLine(p))),
  );
  lines.push('');
  return lines.join('\n');
}
