import type { Node, Pair } from 'yaml';
import type { Position } from '../diagnostics.js';
import type { SourceFile, YamlPath } from '../model.js';
import type { PlainSpans } from './plain-yaml.js';
import { yaml } from './yaml.js';

export interface LocateOptions {
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
}

const FILE_START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function findPair(node: unknown, segment: string | number): Pair | null {
  const { isMap, isScalar } = yaml();
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (k === segment || (typeof k !== 'object' && String(k) === String(segment))) return pair;
  }
  return null;
}

function rangeOf(
  file: SourceFile,
  node: { range?: readonly number[] | null } | null | undefined,
): Position | null {
  const range = node?.range;
  if (!range) return null;
  const start = file.lineCounter.linePos(range[0]!);
  // A node's value ends at range[1]; range[2] includes trailing comments.
  const end = file.lineCounter.linePos(Math.max(range[0]!, range[1]!));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/**
 * Turns a path into the position of the most specific node that exists: the node itself, or, for a
 * path that goes further than the document, the nearest existing parent (a missing field points at
 * the mapping that lacks it).
 */
export function locate(file: SourceFile, path: YamlPath, options: LocateOptions = {}): Position {
  // An objective or a key result (the most common place of a problem) is where the first reading put it.
  const item = options.key || !file.itemSpans ? undefined : file.itemSpans.get(path.join('/'));
  if (item && item[2] > 0) return { line: item[0], column: item[1], endLine: item[2], endColumn: item[3] };
  const spans = file.spans;
  if (spans) {
    const position = locateInSpans(spans, path, options);
    if (position) return position;
  }
  const doc = file.doc;
  if (!doc) return FILE_START;
  const { isPair, isSeq } = yaml();
  let node: unknown = doc.contents;
  let found: Position | null = rangeOf(file, node as Node | null);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: unknown = null;
    let keyNode: unknown = null;
    if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] ?? null;
    } else {
      const pair = findPair(node, segment);
      if (pair) {
        keyNode = pair.key;
        next = pair.value;
      }
    }
    if (keyNode && options.key && i === path.length - 1) {
      return rangeOf(file, keyNode as Node) ?? found ?? FILE_START;
    }
    if (next === null || next === undefined) {
      // A key present with an empty value points at the key.
      return (keyNode ? rangeOf(file, keyNode as Node) : null) ?? found ?? FILE_START;
    }
    node = isPair(next) ? next.value : next;
    found = rangeOf(file, node as Node) ?? found;
  }
  return found ?? FILE_START;
}

/** The line and column of an offset, as the full parser's LineCounter gives them. */
function linePos(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

function spanPosition(spans: PlainSpans, start: number, end: number): Position {
  const from = linePos(spans.lineStarts, start);
  const to = linePos(spans.lineStarts, Math.max(start, end));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * `locate` over what the fast path recorded, following the same rules over the data; null when a
 * node on the way has no recorded span (an empty value), which leaves the answer to the Document.
 */
function locateInSpans(spans: PlainSpans, path: YamlPath, options: LocateOptions): Position | null {
  let node: unknown = spans.data;
  let found = spans.root;
  if (!found) return null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node === null || typeof node !== 'object') break;
    const entries = spans.collections.get(node);
    if (!entries) return null;
    let entry: string | number;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || node[segment] === undefined) break;
      entry = segment;
    } else {
      entry = String(segment);
      if (!Object.hasOwn(node, entry)) break;
      if (options.key && i === path.length - 1) {
        const key = entries.keys.get(entry);
        return key ? spanPosition(spans, key[0], key[1]) : null;
      }
    }
    const span = entries.values.get(entry);
    if (!span) return null;
    found = span;
    node = (node as Record<string | number, unknown>)[entry];
  }
  return spanPosition(spans, found[0], found[1]);
}

/**
 * The line a node starts on. Objectives and key results are found by the fast path's record of
 * their lines when it has one, so that listing them builds no Document.
 */
export function lineOf(file: SourceFile, path: YamlPath): number {
  return file.itemSpans?.get(path.join('/'))?.[0] ?? locate(file, path).line;
}

/** The position of a byte offset of the source text. */
export function positionAt(file: SourceFile, offset: number, endOffset = offset): Position {
  const start = file.lineCounter.linePos(offset);
  const end = file.lineCounter.linePos(endOffset);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}
