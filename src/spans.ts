// The types of where a YAML file's nodes are, as the readers of src/yaml/ record them: the model's
// SourceFile carries them, so they sit at the bottom of the stack with the model. Readers record
// offsets into the text; the file's one `PositionIndex` (src/yaml/positions.ts) turns them into
// lines and columns.

import type { Position } from './diagnostics.js';

/**
 * A file's line index: where each of its lines starts, built once from its text. It turns an offset
 * into the text (a UTF-16 code unit index, as JavaScript strings and the yaml library count) into a
 * 1-based line and column, the column counted in UTF-16 code units (as editors, ESLint and SARIF's
 * default `columnKind` count). Every position okr reports or shows comes from one.
 */
export interface PositionIndex {
  /** The offset each line starts at (index 0 is line 1). */
  readonly lineStarts: ArrayLike<number>;
  /** The 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number };
  /** The position of the text from `start` to `end` (an end before the start is taken as the start). */
  span(start: number, end: number): Position;
}

/**
 * Where a node is in the text, as the full parser's `range`: its start, the end of its value, and
 * the end of what trails it on its last line (comment, line break). Offsets into the text.
 */
export type Span = readonly [start: number, valueEnd: number, nodeEnd: number];

/** Where the entries of one mapping or sequence are. */
export interface CollectionSpans {
  /** Each entry's value, by key or index; absent for an empty value (`key:` with nothing after it). */
  values: Map<string | number, Span>;
  /** Each mapping key, from its first character to its last. */
  keys: Map<string, readonly [start: number, end: number]>;
}

/**
 * Where a mapping that is a sequence item (an objective, a key result, a check-in) is: the offset it
 * starts at, and the offset it ends at as the full parser's range says, when known (-1 when it ends
 * with an empty value, which only the full parser places).
 */
export type ItemSpan = readonly [start: number, end: number];

/** What the fast path knows of where the nodes of a text are, as the full parser's ranges give them. */
export interface PlainSpans {
  data: unknown;
  /** The span of the top mapping, unless it ends with an empty value. */
  root: Span | undefined;
  /** The spans of each collection's entries, by the data object it became. */
  collections: ReadonlyMap<object, CollectionSpans>;
}
