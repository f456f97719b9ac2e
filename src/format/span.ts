import { type Diagnostic, lastLineOf } from '../diagnostics.js';

/** Where a problem is, as CI formats want it: the end only when it is a real range. */
export interface Span {
  startLine: number;
  startColumn: number;
  endLine?: number;
  /** The column after the last character; absent when the span runs to the end of endLine. */
  endColumn?: number;
}

/**
 * A problem's span. A node that ends with its line break (a block mapping) ends at column 1 of the
 * next line, which may not exist; such a span is cut back to the end of its last real line.
 */
export function spanOf(p: Diagnostic): Span {
  const span: Span = { startLine: p.line, startColumn: p.column };
  if (p.endLine < p.line || (p.endLine === p.line && p.endColumn < p.column)) return span;
  span.endLine = lastLineOf(p);
  if (span.endLine === p.endLine) span.endColumn = p.endColumn;
  return span;
}
