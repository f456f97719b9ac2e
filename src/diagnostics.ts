/** Where a problem is: 1-based line and column, with the end of the node when known. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The last line a node's text is on. A node that ends with its line break (a block mapping) ends at
 * column 1 of the line after it, which may not exist.
 */
export function lastLineOf(p: Position): number {
  if (p.endLine < p.line) return p.line;
  return p.endLine > p.line && p.endColumn === 1 ? p.endLine - 1 : p.endLine;
}

export type Severity = 'error' | 'warning';

/** The one problem type every stage reports and every formatter prints. */
export interface Diagnostic extends Position {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Repository-relative path with `/` separators. */
  file: string;
  /** Full id of the objective or KR concerned, or null. */
  target: string | null;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function countBySeverity(problems: readonly Diagnostic[]): {
  errorCount: number;
  warningCount: number;
} {
  let errorCount = 0;
  for (const p of problems) if (p.severity === 'error') errorCount++;
  return { errorCount, warningCount: problems.length - errorCount };
}

/** A problem before the config gives it a severity (or turns it off). */
export type Problem = Omit<Diagnostic, 'severity'>;

/** Longest quoted user text a message keeps, and the longest message. */
export const MAX_QUOTED = 80;
export const MAX_MESSAGE = 1000;

// A quoted string in a message, with JSON-style escapes inside.
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * A message with each quoted part longer than MAX_QUOTED characters cut to that length with "…", and
 * the whole cut at MAX_MESSAGE: a 100,000-character title or id must not make every message that
 * quotes it as long. The data itself (status JSON) keeps the text whole.
 */
export function boundMessage(message: string): string {
  // A text has no more characters than UTF-16 units: short ones are counted no further.
  const bounded = message.replace(QUOTED, (whole, inner: string) => {
    if (inner.length <= MAX_QUOTED) return whole;
    const chars = [...inner];
    return chars.length <= MAX_QUOTED ? whole : `"${chars.slice(0, MAX_QUOTED - 1).join('')}…"`;
  });
  if (bounded.length <= MAX_MESSAGE) return bounded;
  const chars = [...bounded];
  return chars.length <= MAX_MESSAGE ? bounded : `${chars.slice(0, MAX_MESSAGE - 1).join('')}…`;
}
