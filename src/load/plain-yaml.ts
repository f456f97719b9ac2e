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

/** Characters the subset leaves to the full parser wherever they appear: controls (tabs and CR too), NEL, line and paragraph separators, byte-order marks. */
function hasUnusualCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x0a : (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
      return true;
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
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
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
  const trimmed = rest.trimStart();
  if (trimmed !== '' && !(trimmed[0] === '#' && (rest.length > trimmed.length || rest === ''))) give();
}

/** A flow collection written on one line, read from `text` at `pos`, nested ones included. */
class FlowReader {
  pos = 0;
  constructor(private readonly text: string) {}

  private spaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  collection(depth: number): unknown {
    if (depth > MAX_DEPTH) give();
    const open = this.text[this.pos];
    const close = open === '{' ? '}' : ']';
    this.pos++;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    this.spaces();
    if (this.text[this.pos] === close) {
      this.pos++;
      return open === '{' ? map : list;
    }
    for (;;) {
      this.spaces();
      if (open === '{') {
        const key = /^[A-Za-z_][A-Za-z0-9_-]{0,200}(?=: )/.exec(this.text.slice(this.pos))?.[0];
        if (!key || SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) give();
        this.pos += key.length + 2;
        this.spaces();
        map[key] = this.value(depth);
      } else list.push(this.value(depth));
      this.spaces();
      const c = this.text[this.pos];
      this.pos++;
      if (c === close) return open === '{' ? map : list;
      if (c !== ',') give();
      this.spaces();
      // A trailing comma is left to the full parser.
      if (this.text[this.pos] === close) give();
    }
  }

  private value(depth: number): unknown {
    const c = this.text[this.pos];
    if (c === '[' || c === '{') return this.collection(depth + 1);
    if (c === '"' || c === "'") {
      const { value, rest } = quotedScalar(this.text.slice(this.pos));
      this.pos = this.text.length - rest.length;
      return value;
    }
    let end = this.pos;
    while (end < this.text.length && !',[]{}'.includes(this.text[end]!)) end++;
    const plain = this.text.slice(this.pos, end).trimEnd();
    this.pos = end;
    if (plain === '') give();
    return plainScalar(plain, true);
  }
}

/** A one-line flow mapping or sequence; returns it and the text after it. */
function flowCollection(text: string): { value: unknown; rest: string } {
  const reader = new FlowReader(text);
  const value = reader.collection(0);
  return { value, rest: text.slice(reader.pos) };
}

/** A value written on the same line as its key or dash. */
function inlineValue(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const { value, rest } = quotedScalar(text);
    expectEnd(rest);
    return value;
  }
  if (first === '{' || first === '[') {
    const { value, rest } = flowCollection(text);
    expectEnd(rest);
    return value;
  }
  if (first === '#') return null;
  return plainScalar(stripComment(text), false);
}

class Reader {
  private i = 0;
  /** Path of the node being read: kept as one stack rather than an array per node. */
  private readonly path: (string | number)[] = [];
  /** The line each mapping that is an item of a sequence starts on, by its path joined with "/". */
  readonly itemLines = new Map<string, number>();
  constructor(
    private readonly lines: Line[],
    private readonly raw: readonly string[],
  ) {}

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
    if (!next || next.indent < indent) return null;
    if (next.indent > indent) return this.node(next.indent);
    if (sequenceMayAlign && isDash(next.text)) return this.sequence(indent);
    return null;
  }

  /** After a value given on its own line, nothing may continue it on deeper lines. */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) give();
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (isDash(line.text)) give();
      const colon = line.text.indexOf(':');
      if (colon <= 0) give();
      const key = line.text.slice(0, colon);
      const after = line.text.slice(colon + 1);
      if (!KEY.test(key) || SPECIAL_KEY.test(key) || (after !== '' && after[0] !== ' ')) give();
      if (Object.hasOwn(map, key)) give();
      this.i++;
      const text = after.trimStart();
      if (text === '' || text[0] === '#') {
        this.path.push(key);
        map[key] = this.below(indent, true);
        this.path.pop();
      } else map[key] = this.valueOnLine(text, indent, line.line);
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isDash(line.text); line = this.peek()) {
      this.path.push(items.length);
      const after = line.text.slice(1);
      const text = after.trimStart();
      let item: unknown;
      let startLine = line.line;
      if (text === '' || text[0] === '#') {
        this.i++;
        startLine = this.peek()?.line ?? startLine;
        item = this.below(indent + 1, false);
      } else if (/^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/.test(text)) {
        // A mapping that starts on the dash's line: read it as if its first key began the line.
        const column = indent + 1 + (after.length - text.length);
        this.lines[this.i] = { indent: column, text, line: line.line };
        item = this.mapping(column);
      } else {
        if (isDash(text)) give();
        this.i++;
        item = this.valueOnLine(text, indent, line.line);
      }
      if (item !== null && typeof item === 'object' && !Array.isArray(item))
        this.itemLines.set(this.path.join('/'), startLine);
      this.path.pop();
      items.push(item);
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    return items;
  }

  /** A value that starts on the line of its key or dash, which belongs to a node indented by `indent`. */
  private valueOnLine(text: string, indent: number, lineNumber: number): unknown {
    const value =
      text[0] === '|' || text[0] === '>' ? this.blockScalar(text, indent, lineNumber) : inlineValue(text);
    this.noContinuation(indent);
    return value;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), whose lines are all
   * indented alike; the rest (kept trailing lines, more-indented lines…) is left to the full parser.
   */
  private blockScalar(header: string, indent: number, headerLine: number): string {
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

const isDash = (text: string) => text[0] === '-' && (text.length === 1 || text[1] === ' ');

/** The content lines of a text: blank and comment-only lines dropped, indentation measured. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  const raws = text.split('\n');
  for (let n = 0; n < raws.length; n++) {
    const raw = raws[n]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    if (indent === raw.length) continue;
    const content = raw.slice(indent);
    if (content[0] === '#') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%'))
      give();
    lines.push({ line: n + 1, indent, text: content.trimEnd() });
  }
  return lines;
}

/** What the fast path reads: the data, and the line each mapping inside a sequence starts on. */
export interface PlainYaml {
  data: unknown;
  /** Line of each mapping that is a sequence item (objectives, key results…), by path joined with "/". */
  itemLines: Map<string, number>;
}

/**
 * The data of a YAML text in the plain subset, or UNSUPPORTED. The top level must be a mapping, as
 * OKR, strategy and config files are.
 */
export function parsePlainYaml(text: string): PlainYaml | typeof UNSUPPORTED {
  if (hasUnusualCharacter(text)) return UNSUPPORTED;
  try {
    const lines = contentLines(text);
    if (lines.length === 0 || lines[0]!.indent !== 0 || isDash(lines[0]!.text)) return UNSUPPORTED;
    const reader = new Reader(lines, text.split('\n'));
    const data = reader.node(0);
    return reader.done() ? { data, itemLines: reader.itemLines } : UNSUPPORTED;
  } catch (error) {
    if (error instanceof Unsupported) return UNSUPPORTED;
    throw error;
  }
}
