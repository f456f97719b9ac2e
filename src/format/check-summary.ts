import { countBySeverity, type Diagnostic } from '../diagnostics.js';
import { markdownInline } from './text.js';

/** Rows of the problem table; a job summary is capped at 1 MiB and read by people. */
export const SUMMARY_ROW_LIMIT = 50;

export interface CheckSummaryOptions {
  fileCount: number;
  limit?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The markdown that `okr check` appends to a GitHub job summary: the counts and a table of the
 * problems. Every piece of user text goes through `markdownInline`, so a title cannot add markup,
 * break the table or inject HTML.
 */
export function formatCheckSummary(problems: readonly Diagnostic[], options: CheckSummaryOptions): string {
  const limit = options.limit ?? SUMMARY_ROW_LIMIT;
  const { errorCount, warningCount } = countBySeverity(problems);
  const files = plural(options.fileCount, 'OKR file');
  const lines = ['## okr check', ''];
  if (problems.length === 0) {
    lines.push(`✔ No problems in ${files}.`, '');
    return lines.join('\n');
  }
  lines.push(
    `${errorCount > 0 ? '✖' : '⚠'} ${plural(problems.length, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}) in ${files}.`,
    '',
    '| Severity | File | Line | Rule | Problem |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const p of problems.slice(0, limit)) {
    const cells = [p.severity, markdownInline(p.file), `${p.line}:${p.column}`, markdownInline(p.ruleId)];
    lines.push(`| ${cells.join(' | ')} | ${markdownInline(p.message)} |`);
  }
  if (problems.length > limit)
    lines.push(
      '',
      `…and ${plural(problems.length - limit, 'more problem')}: run \`okr check\` to see them all.`,
    );
  lines.push('');
  return lines.join('\n');
}
