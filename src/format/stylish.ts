import type { Diagnostic } from '../diagnostics.js';
import { countBySeverity } from '../diagnostics.js';
import type { Color } from './color.js';
import { terminalLine } from './text.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ESLint-style output: problems grouped by file, each line `file:line:col  severity  message  rule-id`,
 * then a summary line.
 */
export function formatStylish(problems: readonly Diagnostic[], color: Color): string {
  if (problems.length === 0) return '';
  const lines: string[] = [];
  let currentFile: string | null = null;
  for (const p of problems) {
    if (p.file !== currentFile) {
      if (currentFile !== null) lines.push('');
      lines.push(color.underline(terminalLine(p.file)));
      currentFile = p.file;
    }
    const where = `${terminalLine(p.file)}:${p.line}:${p.column}`;
    const severity = p.severity === 'error' ? color.red('error  ') : color.yellow('warning');
    lines.push(`  ${where}  ${severity}  ${terminalLine(p.message)}  ${color.dim(p.ruleId)}`);
  }
  const { errorCount, warningCount } = countBySeverity(problems);
  const summary = `✖ ${plural(problems.length, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`;
  lines.push('', errorCount > 0 ? color.red.bold(summary) : color.yellow.bold(summary), '');
  return lines.join('\n');
}
