// The one position index of a file. Both readers (the fast reader of plain-yaml.ts and the yaml
// library) record where nodes are as offsets into the text; the file's index, built once from the
// line starts that the reader found, turns an offset into a line and a column. Columns count UTF-16
// code units: JavaScript strings, the yaml library and jsonc-parser give offsets in them, and
// editors, ESLint and SARIF (whose default `columnKind` is `utf16CodeUnits`) count columns so.
// A character beyond the first plane (an emoji) takes two columns, one of the BMP (CJK) one.

import type { Position } from '../diagnostics.js';
import type { PositionIndex } from '../spans.js';

export type { PositionIndex };

const LF = 0x0a;
const CR = 0x0d;

class LineStarts implements PositionIndex {
  constructor(readonly lineStarts: ArrayLike<number>) {}

  /** The 0-based number of the line `offset` is on: the last line starting at or before it. */
  private lineIndex(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  at(offset: number): { line: number; column: number } {
    const index = this.lineIndex(Math.max(0, offset));
    return { line: index + 1, column: Math.max(0, offset) - this.lineStarts[index]! + 1 };
  }

  span(start: number, end: number): Position {
    const from = this.at(start);
    const to = this.at(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

/**
 * The index of a text whose line starts are known (the fast reader's, the yaml library's
 * LineCounter's): offsets ascending, the first 0.
 */
export function indexOfLineStarts(lineStarts: ArrayLike<number>): PositionIndex {
  return new LineStarts(lineStarts.length > 0 ? lineStarts : [0]);
}

/**
 * The index of a text read by neither reader (a cached file, bytes before an invalid one, a JSON
 * settings file). A line ends at LF, CR LF or a lone CR, as YAML 1.2 (and the yaml library, which
 * okr hands a lone CR as LF) ends lines.
 */
export function positionIndex(text: string): PositionIndex {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return new LineStarts(starts);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) starts.push(i + 1);
  }
  return new LineStarts(starts);
}
