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

const give = (): never => {
  throw new Unsupported();
};

interface Line {
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

/** One scalar inside a flow collection. */
function flowScalar(text: string): unknown {
  const t = text.trim();
  if (t[0] === '"' || t[0] === "'") {
    const { value, rest } = quotedScalar(t);
    if (rest.trim() !== '') give();
    return value;
  }
  if (t === '') give();
  return plainScalar(t, true);
}

/** Splits a flow collection's inside at its commas, respecting quotes. */
function splitFlow(inner: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && inner[i + 1] === "'") i++;
        else quote = null;
      } else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(inner.slice(start, i));
      start = i + 1;
    } else if ('[]{}#'.includes(c)) give();
  }
  if (quote) give();
  parts.push(inner.slice(start));
  return parts;
}

/** A one-line flow mapping or sequence of scalars; returns it and the text after it. */
function flowCollection(text: string): { value: unknown; rest: string } {
  const open = text[0]!;
  const closeChar = open === '{' ? '}' : ']';
  let close = -1;
  let quote: string | null = null;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = null;
      } else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === closeChar) {
      close = i;
      break;
    }
  }
  if (close === -1) give();
  const inner = text.slice(1, close);
  const rest = text.slice(close + 1);
  if (inner.trim() === '') return { value: open === '{' ? {} : [], rest };
  const parts = splitFlow(inner);
  if (open === '[') return { value: parts.map(flowScalar), rest };
  const map: Record<string, unknown> = {};
  for (const part of parts) {
    const colon = part.indexOf(': ');
    if (colon === -1) give();
    const key = part.slice(0, colon).trim();
    if (!KEY.test(key) || SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) give();
    map[key] = flowScalar(part.slice(colon + 2));
  }
  return { value: map, rest };
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
  constructor(private readonly lines: Line[]) {}

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  /** The node whose first line is the next one, indented by `indent`. */
  node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) give();
    const line = this.peek()!;
    if (line.indent !== indent) give();
    return isDash(line.text) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** A value given on the lines below a `key:` or `-` with nothing after it. */
  private below(indent: number, depth: number, sequenceMayAlign: boolean): unknown {
    const next = this.peek();
    if (!next || next.indent < indent) return null;
    if (next.indent > indent) return this.node(next.indent, depth + 1);
    if (sequenceMayAlign && isDash(next.text)) return this.sequence(indent, depth + 1);
    return null;
  }

  /** After a value given on its own line, nothing may continue it on deeper lines. */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) give();
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
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
      if (text === '' || text[0] === '#') map[key] = this.below(indent, depth, true);
      else {
        map[key] = inlineValue(text);
        this.noContinuation(indent);
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    return map;
  }

  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isDash(line.text); line = this.peek()) {
      const after = line.text.slice(1);
      const text = after.trimStart();
      if (text === '' || text[0] === '#') {
        this.i++;
        items.push(this.below(indent + 1, depth, false));
        continue;
      }
      if (isDash(text)) give();
      const column = indent + 1 + (after.length - text.length);
      if (/^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/.test(text)) {
        // A mapping that starts on the dash's line: read it as if its first key began the line.
        this.lines[this.i] = { indent: column, text };
        items.push(this.mapping(column, depth + 1));
        continue;
      }
      this.i++;
      items.push(inlineValue(text));
      this.noContinuation(indent);
    }
    const next = this.peek();
    if (next && next.indent > indent) give();
    return items;
  }

  done(): boolean {
    return this.i >= this.lines.length;
  }
}

const isDash = (text: string) => text[0] === '-' && (text.length === 1 || text[1] === ' ');

/** The content lines of a text: blank and comment-only lines dropped, indentation measured. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    if (indent === raw.length) continue;
    const content = raw.slice(indent);
    if (content[0] === '#') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%'))
      give();
    lines.push({ indent, text: content.trimEnd() });
  }
  return lines;
}

/**
 * The data of a YAML text in the plain subset, or UNSUPPORTED. The top level must be a mapping, as
 * OKR and strategy files are.
 */
export function parsePlainYaml(text: string): unknown {
  if (hasUnusualCharacter(text)) return UNSUPPORTED;
  try {
    const lines = contentLines(text);
    if (lines.length === 0 || lines[0]!.indent !== 0 || isDash(lines[0]!.text)) return UNSUPPORTED;
    const reader = new Reader(lines);
    const data = reader.node(0, 0);
    return reader.done() ? data : UNSUPPORTED;
  } catch (error) {
    if (error instanceof Unsupported) return UNSUPPORTED;
    throw error;
  }
}
