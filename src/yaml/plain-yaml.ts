/**
 * A fast reader for the plain subset of YAML that OKR files are written in: block mappings and
 * sequences, one-line scalars (plain, single- or double-quoted), flow collections written on one
 * line (nested ones included, up to a fixed depth), comments. It builds the data and the spans of
 * block-sequence items (`ItemSpans`, and `readPlainSpans` for the spans of every collection), no
 * nodes, at many times the speed of a full parse. Anything outside the subset (anchors, aliases,
 * tags, block scalars, multi-line scalars, several documents, tabs, CR line breaks, duplicate keys,
 * anything the full parser would warn about…) makes it give up, and the caller hands the file to
 * the `yaml` library instead, which reports every problem. Where it gives data, the data equals
 * what the full parser's `toJS()` gives.
 *
 * It reads by offsets into the one text, not by substrings: a cold check reads every file through
 * it, and a substring of each line, key and value would be most of its cost and of its garbage.
 */

import type { CollectionSpans, ItemSpan, PlainSpans, Span } from '../spans.js';
import { ItemSpans } from './item-spans.js';
import { type Lines, sharedLines } from './plain-lines.js';
import {
  COLON,
  DASH,
  DOUBLE_QUOTED_STOP,
  give,
  HASH,
  hasUnusualCharacter,
  isFlowIndicator,
  isSpecialKey,
  KEY_AT,
  knownKeys,
  knownScalars,
  knownValues,
  MAX_DEPTH,
  MAX_KEY,
  MAX_KNOWN_SCALAR,
  NOT_PLAIN_START,
  PLAIN_STOP,
  resolvePlain,
  SPACE,
  scalarSlot,
  UNSUPPORTED,
  Unsupported,
} from './plain-scalars.js';

export type { CollectionSpans, ItemSpan, PlainSpans, Span };
export { ItemSpans, UNSUPPORTED };

/** Where spans are recorded while reading: by the data object each collection became. */
type Collections = Map<object, CollectionSpans>;

const newCollectionSpans = (): CollectionSpans => ({ values: new Map(), keys: new Map() });

class Reader {
  /** Index of the next content line. */
  private i = 0;
  /** Path of the node being read: kept as one stack rather than an array per node. */
  private readonly path: (string | number)[] = [];
  /** Where each mapping that is an item of a sequence is, by its path joined with "/". */
  readonly itemSpans = new ItemSpans();
  /** When recording: the span of the node just read (undefined for an empty value). */
  last: Span | undefined;
  /** The last line of the value just read, whose line break ends it; 0 for an empty value. */
  private endLine = 0;
  /** How many characters the value just read on its key's or dash's line takes. */
  private inlineLength = 0;
  /** Where a scalar or flow collection just read ends; the offset a flow collection is read at. */
  private pos = 0;
  /** The end of the content of the line a flow collection or scalar is read from. */
  private lineEnd = 0;
  // The line arrays, copied from `lines` for the speed of a field read.
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly indents: Int32Array;
  private readonly numbers: Int32Array;
  private readonly count: number;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
    /** Where to record spans; null when only data is wanted. */
    private readonly recording: Collections | null = null,
  ) {
    this.starts = lines.starts;
    this.ends = lines.ends;
    this.indents = lines.indents;
    this.numbers = lines.numbers;
    this.count = lines.count;
  }

  /** The offset line `lineNumber` (1-based) starts at; the end of the text past the last line. */
  private lineStart(lineNumber: number): number {
    return lineNumber <= this.lines.rawCount ? this.lines.rawStarts[lineNumber - 1]! : this.text.length;
  }

  /** Line `index` (0-based) of the text, without its line break. */
  private rawLine(index: number): string {
    const { rawStarts, rawCount } = this.lines;
    return this.text.slice(
      rawStarts[index]!,
      index + 1 < rawCount ? rawStarts[index + 1]! - 1 : this.text.length,
    );
  }

  /** Whether content line `i` is a sequence entry: a dash alone or followed by a space. */
  isDashLine(i: number): boolean {
    return this.isDash(this.starts[i]!, this.ends[i]!);
  }

  private isDash(start: number, end: number): boolean {
    return (
      this.text.charCodeAt(start) === DASH && (start + 1 === end || this.text.charCodeAt(start + 1) === SPACE)
    );
  }

  /** The offset of the first character from `at` on that is not a space, at most `end`. */
  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Records a block collection's entries, and its own span: from its first key or dash to the end of its last entry. */
  private recordCollection(
    collection: object,
    spans: CollectionSpans,
    start: number,
    last: Span | undefined,
  ): void {
    this.recording!.set(collection, spans);
    this.last = last && [start, last[2], last[2]];
  }

  /** The node whose first line is the next one, indented by `indent`. */
  node(indent: number): unknown {
    if (this.path.length > MAX_DEPTH) give();
    if (this.indents[this.i] !== indent) give();
    return this.isDashLine(this.i) ? this.sequence(indent) : this.mapping(indent);
  }

  /** A value given on the lines below a `key:` or `-` with nothing after it. */
  private below(indent: number, sequenceMayAlign: boolean): unknown {
    if (this.i < this.count) {
      const next = this.indents[this.i]!;
      if (next > indent) return this.node(next);
      if (next === indent && sequenceMayAlign && this.isDashLine(this.i)) return this.sequence(indent);
    }
    this.endLine = 0;
    return null;
  }

  /** After a value given on its own line, nothing may continue it on deeper lines. */
  private noContinuation(indent: number): void {
    if (this.i < this.count && this.indents[this.i]! > indent) give();
  }

  /** The key from `start` to `end`; gives up on one that must not become a plain property. */
  private key(start: number, end: number): string {
    const text = this.text;
    const length = end - start;
    const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 255;
    const known = knownKeys[slot]!;
    if (known.length === length && text.startsWith(known, start)) return known;
    const key = text.slice(start, end);
    if (isSpecialKey(key)) give();
    knownKeys[slot] = key;
    return key;
  }

  /** The offset of the colon after a key starting at `start`, when one does; -1 when not. */
  private keyEnd(start: number): number {
    KEY_AT.lastIndex = start;
    return KEY_AT.test(this.text) ? KEY_AT.lastIndex - 1 : -1;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const spans = this.recording && newCollectionSpans();
    const text = this.text;
    let start = -1;
    let last: Span | undefined;
    while (this.i < this.count && this.indents[this.i] === indent) {
      const lineStart = this.starts[this.i]!;
      const lineEnd = this.ends[this.i]!;
      const lineNumber = this.numbers[this.i]!;
      KEY_AT.lastIndex = lineStart;
      if (!KEY_AT.test(text)) give();
      const colon = KEY_AT.lastIndex - 1;
      if (colon - lineStart > MAX_KEY) give();
      const key = this.key(lineStart, colon);
      if (colon + 1 < lineEnd && text.charCodeAt(colon + 1) !== SPACE) give();
      if (Object.hasOwn(map, key)) give();
      this.i++;
      let at = colon + 1;
      while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
      this.last = undefined;
      if (at === lineEnd || text.charCodeAt(at) === HASH) {
        this.path.push(key);
        map[key] = this.below(indent, true);
        this.path.pop();
      } else map[key] = this.valueOnLine(at, lineEnd, indent, lineNumber);
      if (spans) {
        spans.keys.set(key, [lineStart, colon]);
        if (this.last) spans.values.set(key, this.last);
        if (start < 0) start = lineStart;
        last = this.last;
      }
    }
    this.noContinuation(indent);
    if (spans) this.recordCollection(map, spans, start, last);
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const spans = this.recording && newCollectionSpans();
    const text = this.text;
    let start = -1;
    let last: Span | undefined;
    /** The number of this sequence among those holding mapping items, given with its first one. */
    let sequence = -1;
    for (; this.i < this.count && this.indents[this.i] === indent; ) {
      const lineStart = this.starts[this.i]!;
      const lineEnd = this.ends[this.i]!;
      // A dash alone or followed by a space.
      if (text.charCodeAt(lineStart) !== DASH) break;
      let at = lineStart + 1;
      if (at < lineEnd && text.charCodeAt(at) !== SPACE) break;
      while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
      const lineNumber = this.numbers[this.i]!;
      if (start < 0) start = lineStart;
      this.last = undefined;
      this.path.push(items.length);
      let item: unknown;
      let itemStart = at;
      let inline = false;
      if (at === lineEnd || text.charCodeAt(at) === HASH) {
        this.i++;
        if (this.i < this.count) itemStart = this.starts[this.i]!;
        item = this.below(indent + 1, false);
      } else if (this.startsMapping(at, lineEnd)) {
        // A mapping that starts on the dash's line: read it as if its first key began the line.
        const column = indent + (at - lineStart);
        this.starts[this.i] = at;
        this.indents[this.i] = column;
        item = this.mapping(column);
      } else {
        if (this.isDash(at, lineEnd)) give();
        this.i++;
        item = this.valueOnLine(at, lineEnd, indent, lineNumber);
        inline = true;
      }
      this.path.pop();
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        if (sequence < 0) sequence = this.itemSpans.addSequence(this.path);
        this.recordItem(itemStart, inline, sequence, items.length);
      }
      if (spans) {
        if (this.last) spans.values.set(items.length, this.last);
        last = this.last;
      }
      items.push(item);
    }
    this.noContinuation(indent);
    if (spans) this.recordCollection(items, spans, start, last);
    return items;
  }

  /** Whether a key and its colon, followed by a space or nothing, start at `at`. */
  private startsMapping(at: number, end: number): boolean {
    const colon = this.keyEnd(at);
    return colon >= 0 && (colon + 1 === end || this.text.charCodeAt(colon + 1) === SPACE);
  }

  /**
   * Where a mapping item read just now is, as the full parser's range gives it: a flow mapping
   * (`- { … }`) ends at its closing brace, a block mapping at the line break of its last value.
   */
  private recordItem(start: number, inline: boolean, sequence: number, index: number): void {
    // After the last line's break; at the end of a text without one, after its last character.
    const end = inline
      ? start + this.inlineLength
      : this.endLine === 0
        ? -1
        : this.lineStart(this.endLine + 1);
    this.itemSpans.add(start, end, sequence, index);
  }

  /**
   * A value that starts at offset `at` on the line of its key or dash, whose content ends at `end`,
   * and belongs to a node indented by `indent`.
   */
  private valueOnLine(at: number, end: number, indent: number, lineNumber: number): unknown {
    const c = this.text.charCodeAt(at);
    let value: unknown;
    if (c === 0x7c || c === 0x3e) value = this.blockScalar(at, end, indent, lineNumber);
    else {
      this.lineEnd = end;
      if (c === 0x22 || c === 0x27 || c === 0x7b || c === 0x5b) value = this.inlineValue(at);
      else {
        value = this.blockPlainScalar(at);
        this.inlineLength = this.pos - at;
      }
      this.endLine = lineNumber;
      // What trails a value on its line belongs to it, up to and with the line break.
      if (this.recording) this.last = [at, at + this.inlineLength, this.lineStart(lineNumber + 1)];
    }
    this.noContinuation(indent);
    return value;
  }

  /**
   * A value written on the same line as its key or dash, from `at` to `this.lineEnd`; sets how
   * many characters it takes (its trailing comment not included).
   */
  private inlineValue(at: number): unknown {
    const c = this.text.charCodeAt(at);
    let value: unknown;
    if (c === 0x22 || c === 0x27) value = this.quotedScalar(at);
    else if (c === 0x7b || c === 0x5b) {
      this.pos = at;
      value = this.flowCollection(0);
    } else {
      value = this.blockPlainScalar(at);
      this.inlineLength = this.pos - at;
      return value;
    }
    this.inlineLength = this.pos - at;
    this.expectEnd();
    return value;
  }

  /** After a value: nothing but spaces and an optional comment, which needs a space before it. */
  private expectEnd(): void {
    const at = this.skipSpaces(this.pos, this.lineEnd);
    if (at < this.lineEnd && !(this.text.charCodeAt(at) === HASH && at > this.pos)) give();
  }

  /** A plain scalar in block context, from `at` to a ` #` comment or the end of the line; sets `pos` to its end. */
  private blockPlainScalar(at: number): unknown {
    const text = this.text;
    let end = this.lineEnd;
    PLAIN_STOP.lastIndex = at + 1;
    while (PLAIN_STOP.test(text)) {
      const stop = PLAIN_STOP.lastIndex - 1;
      if (stop >= end) break;
      if (text.charCodeAt(stop) === HASH) {
        if (text.charCodeAt(stop - 1) === SPACE) {
          end = stop;
          break;
        }
      } else if (stop + 1 === end || text.charCodeAt(stop + 1) === SPACE) give();
    }
    // The scan stopped at a comment or the line's end: no `: ` and no final `:` came before.
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (text.charCodeAt(end - 1) === COLON) give();
    this.pos = end;
    return this.plainScalarFrom(at, end);
  }

  /** A plain scalar from `start` to `end`: one line, none of the forms that mean something else. */
  private plainScalar(start: number, end: number): unknown {
    const text = this.text;
    for (let at = start + 1; at < end; at++) {
      const c = text.charCodeAt(at);
      // `: ` or a final `:` would make a key of it, ` #` a comment.
      if (c === COLON && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) give();
      if (c === HASH && text.charCodeAt(at - 1) === SPACE) give();
    }
    return this.plainScalarFrom(start, end);
  }

  /** A plain scalar from `start` to `end` checked for `: ` and ` #`: its first character may still make it something else. */
  private plainScalarFrom(start: number, end: number): unknown {
    const text = this.text;
    const short = end - start <= MAX_KNOWN_SCALAR;
    const slot = short ? scalarSlot(text, start, end) : 0;
    if (short) {
      const known = knownScalars[slot]!;
      // Only a scalar that passed the checks below is remembered.
      if (known.length === end - start && text.startsWith(known, start)) return knownValues[slot];
    }
    const first = text.charCodeAt(start);
    if (first === DASH && (start + 1 === end || text.charCodeAt(start + 1) === SPACE)) give();
    if (NOT_PLAIN_START.has(first)) give();
    const source = text.slice(start, end);
    const value = resolvePlain(source);
    if (short) {
      knownScalars[slot] = source;
      knownValues[slot] = value;
    }
    return value;
  }

  /** A quoted scalar starting at `at`, on one line; sets `pos` to after its closing quote. */
  private quotedScalar(at: number): string {
    const text = this.text;
    if (text.charCodeAt(at) === 0x27) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf("'", from);
        if (close === -1 || close >= this.lineEnd) give();
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === 0x27 && close + 1 < this.lineEnd) {
          value += "'";
          from = close + 2;
        } else {
          this.pos = close + 1;
          return value;
        }
      }
    }
    let escaped = false;
    let close = -1;
    DOUBLE_QUOTED_STOP.lastIndex = at + 1;
    while (DOUBLE_QUOTED_STOP.test(text)) {
      const stop = DOUBLE_QUOTED_STOP.lastIndex - 1;
      if (stop >= this.lineEnd) break;
      if (text.charCodeAt(stop) !== 0x5c) {
        close = stop;
        break;
      }
      // The escapes YAML and JSON share; YAML's others are left to the full parser.
      if (stop + 1 >= this.lineEnd || !'"\\/bfnrtu'.includes(text[stop + 1]!)) give();
      escaped = true;
      DOUBLE_QUOTED_STOP.lastIndex = stop + 2;
    }
    if (close < 0) give();
    this.pos = close + 1;
    // Without escapes (and without controls, declined before reading) the value is the text between the quotes.
    if (!escaped) {
      // Remembered with its quotes, so that it is not taken for the plain scalar of the same text.
      if (close - at > MAX_KNOWN_SCALAR) return text.slice(at + 1, close);
      const slot = scalarSlot(text, at, close + 1);
      const known = knownScalars[slot]!;
      if (known.length === close + 1 - at && text.startsWith(known, at)) return knownValues[slot] as string;
      const value = text.slice(at + 1, close);
      knownScalars[slot] = text.slice(at, close + 1);
      knownValues[slot] = value;
      return value;
    }
    let value: unknown;
    try {
      value = JSON.parse(text.slice(at, close + 1));
    } catch {
      give();
    }
    return value as string;
  }

  /** The span of the node read from `start` to `end` (by default `pos`), when recording. */
  private spanFrom(start: number, end = this.pos): void {
    if (this.recording) this.last = [start, end, end];
  }

  private flowSpaces(): void {
    this.pos = this.skipSpaces(this.pos, this.lineEnd);
  }

  /** A flow collection at `pos`, written on one line, nested ones included; sets `pos` to after it. */
  private flowCollection(depth: number): unknown {
    if (depth > MAX_DEPTH) give();
    const text = this.text;
    const start = this.pos;
    const isMap = text.charCodeAt(start) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    this.pos++;
    const map: Record<string, unknown> | null = isMap ? {} : null;
    const list: unknown[] | null = isMap ? null : [];
    const collection = (map ?? list)!;
    const spans = this.recording && newCollectionSpans();
    if (spans) this.recording!.set(collection, spans);
    this.flowSpaces();
    if (this.pos < this.lineEnd && text.charCodeAt(this.pos) === close) {
      this.pos++;
      this.spanFrom(start);
      return collection;
    }
    for (;;) {
      this.flowSpaces();
      if (map) {
        const keyStart = this.pos;
        const colon = this.keyEnd(keyStart);
        if (colon < 0 || colon - keyStart > MAX_KEY || colon + 1 >= this.lineEnd) give();
        if (text.charCodeAt(colon + 1) !== SPACE) give();
        const key = this.key(keyStart, colon);
        if (Object.hasOwn(map, key)) give();
        spans?.keys.set(key, [keyStart, colon]);
        this.pos = colon + 2;
        this.flowSpaces();
        map[key] = this.flowValue(depth);
        spans?.values.set(key, this.last!);
      } else {
        list!.push(this.flowValue(depth));
        spans?.values.set(list!.length - 1, this.last!);
      }
      this.flowSpaces();
      const c = this.pos < this.lineEnd ? text.charCodeAt(this.pos) : -1;
      this.pos++;
      if (c === close) {
        this.spanFrom(start);
        return collection;
      }
      if (c !== 0x2c) give();
      this.flowSpaces();
      // A trailing comma is left to the full parser.
      if (this.pos < this.lineEnd && text.charCodeAt(this.pos) === close) give();
    }
  }

  private flowValue(depth: number): unknown {
    const text = this.text;
    const start = this.pos;
    const c = start < this.lineEnd ? text.charCodeAt(start) : -1;
    if (c === 0x5b || c === 0x7b) return this.flowCollection(depth + 1);
    if (c === 0x22 || c === 0x27) {
      const value = this.quotedScalar(start);
      this.spanFrom(start);
      return value;
    }
    let end = start;
    while (end < this.lineEnd && !isFlowIndicator(text.charCodeAt(end))) end++;
    let valueEnd = end;
    while (valueEnd > start && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    if (valueEnd === start) give();
    // A plain scalar ends at its last non-space character.
    this.spanFrom(start, valueEnd);
    this.pos = end;
    return this.plainScalar(start, valueEnd);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), whose lines are all
   * indented alike; the rest (kept trailing lines, more-indented lines…) is left to the full parser.
   */
  private blockScalar(at: number, end: number, indent: number, headerLine: number): string {
    const m = /^([|>])(-?)(?: +#.*)?$/.exec(this.text.slice(at, end));
    if (!m) give();
    const rawCount = this.lines.rawCount;
    // Index of the line after the header; leading empty lines are left to the full parser.
    const first = headerLine;
    if (first >= rawCount || this.rawLine(first) === '') give();
    const firstLine = this.rawLine(first);
    let contentIndent = 0;
    while (firstLine.charCodeAt(contentIndent) === SPACE) contentIndent++;
    if (contentIndent <= indent || contentIndent === firstLine.length) give();
    const lines: string[] = [];
    for (let index = first; index < rawCount; index++) {
      const line = this.rawLine(index);
      if (line === '') {
        lines.push('');
        continue;
      }
      let spaces = 0;
      while (line.charCodeAt(spaces) === SPACE) spaces++;
      if (spaces === line.length) give();
      if (spaces < contentIndent) break;
      if (spaces > contentIndent) give();
      lines.push(line.slice(contentIndent));
    }
    while (lines[lines.length - 1] === '') lines.pop();
    const last = first + lines.length - 1;
    // Without a line break after its last line the block's value ends differently.
    if (last >= rawCount - 1) give();
    while (this.i < this.count && this.numbers[this.i]! <= last + 1) this.i++;
    this.endLine = last + 1;
    if (this.recording) {
      // From the indicator to the line break of the last line.
      const blockEnd = this.lineStart(last + 2);
      this.last = [at, blockEnd, blockEnd];
    }
    let body = '';
    if (m[1] === '|') body = lines.join('\n');
    else
      for (let k = 0; k < lines.length; k++) {
        if (lines[k] === '') continue;
        if (body !== '' || k > 0) {
          let blanks = 0;
          for (let b = k - 1; b >= 0 && lines[b] === ''; b--) blanks++;
          body += k === blanks ? '' : blanks === 0 ? ' ' : '\n'.repeat(blanks);
        }
        body += lines[k];
      }
    return m[2] === '-' ? body : `${body}\n`;
  }

  done(): boolean {
    return this.i >= this.count;
  }
}

/** What the fast path reads: the data, where each mapping inside a sequence is, and where lines start. */
export interface PlainYaml {
  data: unknown;
  /** Where each mapping that is a sequence item (objectives, key results…) is, by path joined with "/". */
  itemSpans: ItemSpans;
  /** The offset each line starts at (index 0 is line 1): what the file's position index is built from. */
  lineStarts: Int32Array;
}

/**
 * The data of a YAML text in the plain subset, or UNSUPPORTED. The top level must be a mapping, as
 * OKR, strategy and config files are.
 */
export function parsePlainYaml(text: string): PlainYaml | typeof UNSUPPORTED {
  const read = readPlain(text, null);
  if (read === UNSUPPORTED) return read;
  // The line arrays are reused by the next reading: the file keeps a copy of its line starts.
  const lineStarts = sharedLines.rawStarts.slice(0, sharedLines.rawCount);
  return { data: read.data, itemSpans: read.reader.itemSpans, lineStarts };
}

/**
 * The data of a text in the plain subset with the span of every node, or UNSUPPORTED: a second,
 * slower reading, for a file where a problem needs a position, so that pointing at a node of a
 * plain file needs no full parse. Empty values, and collections ending with one, have no span.
 */
export function readPlainSpans(text: string): PlainSpans | typeof UNSUPPORTED {
  const collections: Collections = new Map();
  const read = readPlain(text, collections);
  if (read === UNSUPPORTED) return read;
  return { data: read.data, root: read.reader.last, collections };
}

function readPlain(
  text: string,
  recording: Collections | null,
): { data: unknown; reader: Reader } | typeof UNSUPPORTED {
  if (hasUnusualCharacter(text)) return UNSUPPORTED;
  try {
    const lines = sharedLines;
    lines.read(text);
    if (lines.count === 0 || lines.indents[0] !== 0) return UNSUPPORTED;
    const reader = new Reader(text, lines, recording);
    if (reader.isDashLine(0)) return UNSUPPORTED;
    const data = reader.node(0);
    return reader.done() ? { data, reader } : UNSUPPORTED;
  } catch (error) {
    if (error instanceof Unsupported) return UNSUPPORTED;
    throw error;
  }
}
