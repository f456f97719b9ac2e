/**
 * A fast reader for the plain subset of YAML that OKR files are written in: block mappings and
 * sequences, one-line scalars (plain, single- or double-quoted), one-line flow collections of
 * scalars, comments. It builds the data only, no nodes and no positions, at many times the speed of
 * a full parse. Anything outside the subset (anchors, tags, block scalars, multi-line scalars,
 * several documents, tabs, duplicate keys, anything the full parser would warn about…) makes it
 * give up, and the caller parses the file with the full parser instead. Where it gives data, the
 * data equals what the full parser's `toJS()` gives.
 */

/** Returned when the text is outside the subset; the full parser decides. */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

class Unsupported extends Error {}

function give(): never {
  throw new Unsupported();
}

interface Line {
  /** 1-based line number. */
  line: number;
  indent: number;
  /** The line's content after its indentation, comments not yet removed. */
  text: string;
}

/**
 * Characters the subset leaves to the full parser wherever they appear: controls (tabs and CR too),
 * NEL, line and paragraph separators, byte-order marks, the noncharacters U+FFFE and U+FFFF and
 * unpaired surrogates: among them every character YAML forbids, which the full parser reports.
 */
function hasUnusualCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x0a) return true;
    } else if (c >= 0x7f) {
      if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return true;
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return true;
        i++;
      }
    }
  }
  return false;
}
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,200}$/;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const MAX_DEPTH = 64;

// The YAML 1.2 core schema, tried in the full parser's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a plain scalar under the core schema. */
function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Fast exit: only these first characters can start a null, bool or number.
  if (
    !(
      c === 0x7e ||
      c === 0x2e ||
      c === 0x2b ||
      c === 0x2d ||
      (c >= 0x30 && c <= 0x39) ||
      /^[nNtTfF]/.test(text)
    )
  )
    return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text))
    return text.slice(-3).toLowerCase() === 'nan'
      ? Number.NaN
      : text[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** Removes a trailing ` # comment`; gives up when what is left is not a complete one-line value. */
function stripComment(text: string): string {
  const hash = text.indexOf(' #');
  return trimSpacesEnd(hash === -1 ? text : text.slice(0, hash));
}

/** A plain scalar in block context: one line, none of the forms that mean something else. */
function plainScalar(text: string, flow: boolean): unknown {
  if (text === '') return null;
  const first = text[0]!;
  if (first === '-' && (text.length === 1 || text[1] === ' ')) give();
  if ('?:,[]{}#&*!|>\'"%@`'.includes(first)) give();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) give();
  if (flow && /[,[\]{}]/.test(text)) give();
  return resolvePlain(text);
}

/** A quoted scalar starting at `text[0]`; returns its value and the rest of the text after it. */
function quotedScalar(text: string): { value: string; rest: string } {
  if (text[0] === "'") {
    let value = '';
    let i = 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close === -1) give();
      value += text.slice(i, close);
      if (text[close + 1] === "'") {
        value += "'";
        i = close + 2;
      } else return { value, rest: text.slice(close + 1) };
    }
  }
  let i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      // The escapes YAML and JSON share; YAML's others are left to the full parser.
      if (!/["\\/bfnrtu]/.test(text[i + 1] ?? '')) give();
      i++;
    } else if (c === '"') break;
  }
  if (i >= text.length) give();
  let value: unknown;
  try {
    value = JSON.parse(text.slice(0, i + 1));
  } catch {
    give();
  }
  return { value: value as string, rest: text.slice(i + 1) };
}

/** After a value: nothing but spaces and an optional comment. */
function expectEnd(rest: string): void {
  const trimmed = trimSpacesStart(rest);
  if (trimmed !== '' && !(trimmed[0] === '#' && (rest.length > trimmed.length || rest === ''))) give();
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

/** Where spans are recorded while reading: by the data object each collection became. */
type Collections = Map<object, CollectionSpans>;

const newCollectionSpans = (): CollectionSpans => ({ values: new Map(), keys: new Map() });

/** A flow collection written on one line, read from `text` at `pos`, nested ones included. */
class FlowReader {
  pos = 0;
  /** The span of the node just read, when recording. */
  last: Span | undefined;
  constructor(
    private readonly text: string,
    /** Where to record spans, and the offset of `text` in the file; null when only data is wanted. */
    private readonly recording: { collections: Collections; base: number } | null,
  ) {}

  private spanFrom(start: number, end = this.pos): void {
    const base = this.recording?.base;
    if (base !== undefined) this.last = [base + start, base + end, base + end];
  }

  private spaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  collection(depth: number): unknown {
    if (depth > MAX_DEPTH) give();
    const start = this.pos;
    const open = this.text[this.pos];
    const close = open === '{' ? '}' : ']';
    this.pos++;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    const collection = open === '{' ? map : list;
    const spans = this.recording && newCollectionSpans();
    this.recording?.collections.set(collection, spans!);
    this.spaces();
    if (this.text[this.pos] === close) {
      this.pos++;
      this.spanFrom(start);
      return collection;
    }
    for (;;) {
      this.spaces();
      if (open === '{') {
        const key = /^[A-Za-z_][A-Za-z0-9_-]{0,200}(?=: )/.exec(this.text.slice(this.pos))?.[0];
        if (!key || SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) give();
        if (spans) {
          const at = this.recording!.base + this.pos;
          spans.keys.set(key, [at, at + key.length]);
        }
        this.pos += key.length + 2;
        this.spaces();
        map[key] = this.value(depth);
        spans?.values.set(key, this.last!);
      } else {
        list.push(this.value(depth));
        spans?.values.set(list.length - 1, this.last!);
      }
      this.spaces();
      const c = this.text[this.pos];
      this.pos++;
      if (c === close) {
        this.spanFrom(start);
        return collection;
      }
      if (c !== ',') give();
      this.spaces();
      // A trailing comma is left to the full parser.
      if (this.text[this.pos] === close) give();
    }
  }

  private value(depth: number): unknown {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '[' || c === '{') return this.collection(depth + 1);
    if (c === '"' || c === "'") {
      const { value, rest } = quotedScalar(this.text.slice(this.pos));
      this.pos = this.text.length - rest.length;
      this.spanFrom(start);
      return value;
    }
    let end = this.pos;
    while (end < this.text.length && !',[]{}'.includes(this.text[end]!)) end++;
    const plain = trimSpacesEnd(this.text.slice(this.pos, end));
    if (plain === '') give();
    // A plain scalar ends at its last non-space character.
    this.spanFrom(start, start + plain.length);
    this.pos = end;
    return plainScalar(plain, true);
  }
}

/**
 * A value written on the same line as its key or dash, and how many characters of `text` it takes
 * (its trailing comment not included). With `recording`, the spans of flow collections are recorded.
 */
function inlineValue(
  text: string,
  recording: { collections: Collections; base: number } | null,
): { value: unknown; length: number } {
  const first = text[0];
  if (first === '"' || first === "'") {
    const { value, rest } = quotedScalar(text);
    expectEnd(rest);
    return { value, length: text.length - rest.length };
  }
  if (first === '{' || first === '[') {
    const reader = new FlowReader(text, recording);
    const value = reader.collection(0);
    expectEnd(text.slice(reader.pos));
    return { value, length: reader.pos };
  }
  const plain = stripComment(text);
  return { value: plainScalar(plain, false), length: plain.length };
}

/** What the reader records of where nodes are, and where each line of the text starts. */
interface Recording {
  collections: Collections;
  /** The offset each line starts at (index 0 is line 1). */
  lineStarts: readonly number[];
  textLength: number;
}

class Reader {
  private i = 0;
  /** Path of the node being read: kept as one stack rather than an array per node. */
  private readonly path: (string | number)[] = [];
  /** Where each mapping that is an item of a sequence is, by its path joined with "/". */
  readonly itemSpans = new Map<string, ItemSpan>();
  /** When recording: the span of the node just read (undefined for an empty value). */
  last: Span | undefined;
  /** The last line of the value just read, whose line break ends it; 0 for an empty value. */
  private endLine = 0;
  /** How many characters the value just read on its key's or dash's line takes. */
  private inlineLength = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raw: readonly string[],
    /** Where to record spans; null when only data is wanted. */
    private readonly recording: Recording | null = null,
  ) {}

  /** The offset line `lineNumber` (1-based) starts at; the end of the text past the last line. */
  private lineStart(lineNumber: number): number {
    const { lineStarts, textLength } = this.recording!;
    return lineNumber <= lineStarts.length ? lineStarts[lineNumber - 1]! : textLength;
  }

  /** Records a block collection's entries, and its own span: from its first key or dash to the end of its last entry. */
  private recordCollection(
    collection: object,
    spans: CollectionSpans,
    start: number,
    last: Span | undefined,
  ): void {
    this.recording!.collections.set(collection, spans);
    this.last = last && [start, last[2], last[2]];
  }

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  /** The node whose first line is the next one, indented by `indent`. */
  node(indent: number): unknown {
    if (this.path.length > MAX_DEPTH) give();
    const line = this.peek()!;
    if (line.indent !== indent) give();
    return isDash(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  /** A value given on the lines below a `key:` or `-` with nothing after it. */
  private below(indent: number, sequenceMayAlign: boolean): unknown {
    const next = this.peek();
    if (next && next.indent > indent) return this.node(next.indent);
    if (next && next.indent === indent && sequenceMayAlign && isDash(next.text)) return this.sequence(indent);
    this.endLine = 0;
    return null;
  }

  /** After a value given on its own line, nothing may continue it on deeper lines. */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) give();
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const spans = this.recording && newCollectionSpans();
    let start = -1;
    let last: Span | undefined;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (isDash(line.text)) give();
      const colon = line.text.indexOf(':');
      if (colon <= 0) give();
      const key = line.text.slice(0, colon);
      const after = line.text.slice(colon + 1);
      if (!KEY.test(key) || SPECIAL_KEY.test(key) || (after !== '' && after[0] !== ' ')) give();
      if (Object.hasOwn(map, key)) give();
      this.i++;
      const text = trimSpacesStart(after);
      this.last = undefined;
      if (text === '' || text[0] === '#') {
        this.path.push(key);
        map[key] = this.below(indent, true);
        this.path.pop();
      } else
        map[key] = this.valueOnLine(text, indent, line.line, indent + colon + 1 + after.length - text.length);
      if (spans) {
        const at = this.lineStart(line.line) + indent;
        spans.keys.set(key, [at, at + key.length]);
        if (this.last) spans.values.set(key, this.last);
        if (start < 0) start = at;
        last = this.last;
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    if (spans) this.recordCollection(map, spans, start, last);
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const spans = this.recording && newCollectionSpans();
    let start = -1;
    let last: Span | undefined;
    for (let line = this.peek(); line && line.indent === indent && isDash(line.text); line = this.peek()) {
      if (spans && start < 0) start = this.lineStart(line.line) + indent;
      this.last = undefined;
      this.path.push(items.length);
      const after = line.text.slice(1);
      const text = trimSpacesStart(after);
      let item: unknown;
      let startLine = line.line;
      let column = indent + 1 + (after.length - text.length);
      let inline = false;
      if (text === '' || text[0] === '#') {
        this.i++;
        startLine = this.peek()?.line ?? startLine;
        column = this.peek()?.indent ?? column;
        item = this.below(indent + 1, false);
      } else if (/^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/.test(text)) {
        // A mapping that starts on the dash's line: read it as if its first key began the line.
        this.lines[this.i] = { indent: column, text, line: line.line };
        item = this.mapping(column);
      } else {
        if (isDash(text)) give();
        this.i++;
        item = this.valueOnLine(text, indent, line.line, column);
        inline = true;
      }
      if (item !== null && typeof item === 'object' && !Array.isArray(item))
        this.itemSpans.set(this.path.join('/'), this.itemSpan(startLine, column, inline));
      this.path.pop();
      if (spans) {
        if (this.last) spans.values.set(items.length, this.last);
        last = this.last;
      }
      items.push(item);
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    if (spans) this.recordCollection(items, spans, start, last);
    return items;
  }

  /**
   * Where a mapping item read just now is, as the full parser's range gives it: a flow mapping
   * (`- { … }`) ends at its closing brace, a block mapping at the line break of its last value.
   */
  private itemSpan(line: number, column: number, inline: boolean): ItemSpan {
    if (inline) return [line, column + 1, line, column + this.inlineLength + 1];
    if (this.endLine === 0) return [line, column + 1, 0, 0];
    // After the last line's break; at the end of a text without one, after its last character.
    return this.endLine < this.raw.length
      ? [line, column + 1, this.endLine + 1, 1]
      : [line, column + 1, this.endLine, this.raw[this.endLine - 1]!.length + 1];
  }

  /**
   * A value that starts on the line of its key or dash, at `column` (0-based), and belongs to a node
   * indented by `indent`.
   */
  private valueOnLine(text: string, indent: number, lineNumber: number, column: number): unknown {
    const start = this.recording ? this.lineStart(lineNumber) + column : 0;
    let value: unknown;
    if (text[0] === '|' || text[0] === '>') value = this.blockScalar(text, indent, lineNumber, start);
    else {
      const inline = inlineValue(
        text,
        this.recording && { collections: this.recording.collections, base: start },
      );
      value = inline.value;
      this.inlineLength = inline.length;
      this.endLine = lineNumber;
      // What trails a value on its line belongs to it, up to and with the line break.
      if (this.recording) this.last = [start, start + inline.length, this.lineStart(lineNumber + 1)];
    }
    this.noContinuation(indent);
    return value;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), whose lines are all
   * indented alike; the rest (kept trailing lines, more-indented lines…) is left to the full parser.
   */
  private blockScalar(header: string, indent: number, headerLine: number, start: number): string {
    const m = /^([|>])(-?)(?: +#.*)?$/.exec(header);
    if (!m) give();
    const raw = this.raw;
    // Index in raw of the line after the header; leading empty lines are left to the full parser.
    const first = headerLine;
    if (first >= raw.length || raw[first] === '') give();
    let contentIndent = 0;
    while (raw[first]!.charCodeAt(contentIndent) === 0x20) contentIndent++;
    if (contentIndent <= indent || contentIndent === raw[first]!.length) give();
    const lines: string[] = [];
    let end = first;
    for (; end < raw.length; end++) {
      const line = raw[end]!;
      if (line === '') {
        lines.push('');
        continue;
      }
      let spaces = 0;
      while (line.charCodeAt(spaces) === 0x20) spaces++;
      if (spaces === line.length) give();
      if (spaces < contentIndent) break;
      if (spaces > contentIndent) give();
      lines.push(line.slice(contentIndent));
    }
    while (lines[lines.length - 1] === '') lines.pop();
    const last = first + lines.length - 1;
    // Without a line break after its last line the block's value ends differently.
    if (last >= raw.length - 1) give();
    while (this.i < this.lines.length && this.lines[this.i]!.line <= last + 1) this.i++;
    this.endLine = last + 1;
    if (this.recording) {
      // From the indicator to the line break of the last line.
      const end = this.lineStart(last + 2);
      this.last = [start, end, end];
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
    return this.i >= this.lines.length;
  }
}

/**
 * YAML separates with spaces only (tabs are left to the full parser): a no-break or other Unicode
 * space, which String's trim methods would remove, is part of the content.
 */
const trimSpacesEnd = (text: string) => text.replace(/ +$/, '');
const trimSpacesStart = (text: string) => text.replace(/^ +/, '');

const isDash = (text: string) => text[0] === '-' && (text.length === 1 || text[1] === ' ');

/** The content lines of a text's lines: blank and comment-only lines dropped, indentation measured. */
function contentLines(raws: readonly string[]): Line[] {
  const lines: Line[] = [];
  for (let n = 0; n < raws.length; n++) {
    const raw = raws[n]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    if (indent === raw.length) continue;
    const content = raw.slice(indent);
    if (content[0] === '#') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%'))
      give();
    lines.push({ line: n + 1, indent, text: trimSpacesEnd(content) });
  }
  return lines;
}

/**
 * Where a mapping that is a sequence item (an objective, a key result, a check-in) is: its line and
 * column, and where it ends as the full parser's range says, when known (end line 0 when it ends
 * with an empty value, which only the full parser places).
 */
export type ItemSpan = readonly [line: number, column: number, endLine: number, endColumn: number];

/** What the fast path reads: the data, and where each mapping inside a sequence is. */
export interface PlainYaml {
  data: unknown;
  /** Where each mapping that is a sequence item (objectives, key results…) is, by path joined with "/". */
  itemSpans: Map<string, ItemSpan>;
}

/**
 * The data of a YAML text in the plain subset, or UNSUPPORTED. The top level must be a mapping, as
 * OKR, strategy and config files are.
 */
export function parsePlainYaml(text: string): PlainYaml | typeof UNSUPPORTED {
  const read = readPlain(text, null);
  return read === UNSUPPORTED ? read : { data: read.data, itemSpans: read.reader.itemSpans };
}

/** What the fast path knows of where the nodes of a text are, as the full parser's ranges give them. */
export interface PlainSpans {
  data: unknown;
  /** The span of the top mapping, unless it ends with an empty value. */
  root: Span | undefined;
  /** The spans of each collection's entries, by the data object it became. */
  collections: ReadonlyMap<object, CollectionSpans>;
  /** The offset each line starts at (index 0 is line 1). */
  lineStarts: readonly number[];
}

/**
 * The data of a text in the plain subset with the span of every node, or UNSUPPORTED: a second,
 * slower reading, for a file where a problem needs a position, so that pointing at a node of a
 * plain file needs no full parse. Empty values, and collections ending with one, have no span.
 */
export function readPlainSpans(text: string): PlainSpans | typeof UNSUPPORTED {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const recording: Recording = { collections: new Map(), lineStarts, textLength: text.length };
  const read = readPlain(text, recording);
  if (read === UNSUPPORTED) return read;
  return { data: read.data, root: read.reader.last, collections: recording.collections, lineStarts };
}

function readPlain(
  text: string,
  recording: Recording | null,
): { data: unknown; reader: Reader } | typeof UNSUPPORTED {
  if (hasUnusualCharacter(text)) return UNSUPPORTED;
  try {
    const raws = text.split('\n');
    const lines = contentLines(raws);
    if (lines.length === 0 || lines[0]!.indent !== 0 || isDash(lines[0]!.text)) return UNSUPPORTED;
    const reader = new Reader(lines, raws, recording);
    const data = reader.node(0);
    return reader.done() ? { data, reader } : UNSUPPORTED;
  } catch (error) {
    if (error instanceof Unsupported) return UNSUPPORTED;
    throw error;
  }
}
