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
  // A node's value ends at range[1]; range[2] includes trailing comments.
  return range ? file.positions.span(range[0]!, range[1]!) : null;
}

/**
 * Turns a path into the position of the most specific node that exists: the node itself, or, for a
 * path that goes further than the document, the nearest existing parent (a missing field points at
 * the mapping that lacks it).
 */
export function locate(file: SourceFile, path: YamlPath, options: LocateOptions = {}): Position {
  // An objective or a key result (the most common place of a problem) is where the first reading put it.
  const item = options.key || !file.itemSpans ? undefined : file.itemSpans.get(path.join('/'));
  if (item && item[1] >= 0) return file.positions.span(item[0], item[1]);
  const spans = file.spans;
  if (spans) {
    const position = locateInSpans(file, spans, path, options);
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

/**
 * `locate` over what the fast path recorded, following the same rules over the data; null when a
 * node on the way has no recorded span (an empty value), which leaves the answer to the Document.
 */
function locateInSpans(
  file: SourceFile,
  spans: PlainSpans,
  path: YamlPath,
  options: LocateOptions,
): Position | null {
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
        return key ? file.positions.span(key[0], key[1]) : null;
      }
    }
    const span = entries.values.get(entry);
    if (!span) return null;
    found = span;
    node = (node as Record<string | number, unknown>)[entry];
  }
  return file.positions.span(found[0], found[1]);
}

/**
 * The line a node starts on. Objectives and key results are found by the fast path's record of
 * their lines when it has one, so that listing them builds no Document.
 */
export function lineOf(file: SourceFile, path: YamlPath): number {
  const item = file.itemSpans?.get(path.join('/'));
  return item ? file.positions.at(item[0]).line : locate(file, path).line;
}
