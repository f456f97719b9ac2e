import type { Diagnostic } from '../diagnostics.js';
import { spanOf } from './span.js';
import { terminalSafe } from './text.js';

/** GitHub shows at most this many annotations of each kind per step; the rest are dropped. */
export const GITHUB_ANNOTATION_LIMIT = 10;

export interface GithubOptions {
  /** Annotations per severity (default 10, GitHub's own limit). */
  limit?: number;
}

/**
 * The escaping of GitHub's workflow commands (as in @actions/core): a message cannot end its line
 * early, so it cannot start a command of its own.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value additionally cannot end its property (`,`) or the property list (`:`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(p: Diagnostic): string {
  const span = spanOf(p);
  const properties: [string, string | number][] = [
    ['file', p.file],
    ['line', span.startLine],
    ['col', span.startColumn],
  ];
  if (span.endLine !== undefined) properties.push(['endLine', span.endLine]);
  if (span.endColumn !== undefined) properties.push(['endColumn', span.endColumn]);
  properties.push(['title', `okr ${p.ruleId}`]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  // The runner's log shows escape sequences as colours and moves: a title's are shown as text.
  return `::${p.severity === 'error' ? 'error' : 'warning'} ${list}::${escapeData(terminalSafe(p.message))}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `okr check --format github`: workflow-command annotations, errors first. GitHub keeps only the
 * first 10 errors and 10 warnings of a step, so the rest are counted in one notice instead of
 * being silently lost. Every line of the output is one command.
 */
export function formatGithub(problems: readonly Diagnostic[], options: GithubOptions = {}): string {
  const limit = options.limit ?? GITHUB_ANNOTATION_LIMIT;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  const shown = [...errors.slice(0, limit), ...warnings.slice(0, limit)];
  const lines = shown.map(annotation);
  const hidden = problems.length - shown.length;
  if (hidden > 0) {
    lines.push(
      `::notice::${escapeData(
        `${plural(hidden, 'more problem')} not shown as annotations (GitHub shows at most ${limit} errors and ${limit} warnings per step); run "okr check" locally to see them all`,
      )}`,
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}
