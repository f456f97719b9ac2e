import type * as Yaml from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Problem } from '../diagnostics.js';
import type { SourceFile } from '../model.js';
import { type ItemSpan, type PlainSpans, parsePlainYaml, readPlainSpans, UNSUPPORTED } from './plain-yaml.js';
import { indexOfLineStarts, type PositionIndex, positionIndex } from './positions.js';
import { yaml } from './yaml.js';

// The yaml library is loaded on first use (see yaml.ts); these stand in for its exports.
const parseDocument = (
  text: string,
  options: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions,
) => yaml().parseDocument(text, options) as Yaml.Document.Parsed;
const LineCounter = function LineCounter() {
  return new (yaml().LineCounter)();
} as unknown as typeof Yaml.LineCounter;

export const MAX_ALIAS_COUNT = 100;
/**
 * Deepest nesting okr reads. OKR files need about eight levels; the YAML parser recurses once a
 * level and exhausts the stack somewhere below a thousand, so the text is measured before parsing.
 */
export const MAX_NESTING_DEPTH = 256;

// Characters outside YAML's printable set (YAML 1.2 §5.1): C0 and C1 controls other than tab, line
// feed, carriage return and NEL, the non-characters U+FFFE/U+FFFF, and unpaired surrogates.
const NON_PRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 27: 'ESC', 127: 'DEL' };

const hex4 = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

function codePointName(c: string): string {
  const name = CONTROL_NAMES[c.codePointAt(0)!];
  return name ? `U+${hex4(c)} ${name}` : `U+${hex4(c)}`;
}

/** The offset and description of the first character YAML does not allow in a file, if any. */
function nonPrintable(text: string): { offset: number; message: string } | null {
  const match = NON_PRINTABLE.exec(text);
  if (!match) return null;
  return {
    offset: match.index,
    message: `the file contains the character ${codePointName(match[0])}, which YAML does not allow in a file; remove it, or if it is meant, write it as the escape "\\u${hex4(match[0])}" inside double quotes`,
  };
}

const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
// After these, a quote opens a quoted scalar; elsewhere (`don't`) it is part of plain text.
const BEFORE_SCALAR = new Set(['', ':', '-', '?', ',', '[', '{']);

/** Offset just past the quoted scalar that starts at `start`. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/**
 * The offset where the nesting first goes deeper than `limit`, or -1. Counts open flow brackets and
 * block levels (indentation steps and compact `- ` entries); quoted scalars and comments are skipped.
 * It is an estimate that errs on the side of more depth, which is harmless at this limit.
 */
export function nestingTooDeep(text: string, limit = MAX_NESTING_DEPTH): number {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  let previous = '';
  let lineOffset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      lineOffset = i + 1;
      indent = 0;
      previous = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      lineStart = false;
      if (c === '#') {
        while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
        continue;
      }
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (c === ' ' || c === '\t') {
      if (text[i + 1] === '#') {
        while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      }
      continue;
    }
    if ((c === '"' || c === "'") && BEFORE_SCALAR.has(previous)) {
      i = skipQuoted(text, i) - 1;
      previous = c;
      continue;
    }
    if (FLOW_OPEN.has(c)) flow++;
    else if (FLOW_CLOSE.has(c)) flow = Math.max(0, flow - 1);
    else if (
      c === '-' &&
      flow === 0 &&
      (previous === '' || previous === '-') &&
      /[ \t]/.test(text[i + 1] ?? '')
    ) {
      // A compact sequence entry (`- - x`) opens a level on the same line.
      indents.push(i - lineOffset + 1);
    }
    previous = c;
    if (flow + indents.length > limit) return i;
  }
  return -1;
}

/** YAML 1.2 ends a line at CR too, but the parser and its line counter see only LF: a lone CR becomes LF, keeping every offset. */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Where the first alias is: the place to look at when aliases expand too far. */
function firstAliasOffset(doc: NonNullable<SourceFile['doc']>): number {
  const { isAlias, visit } = yaml();
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
    },
  });
  return offset;
}

/** The text of the mapping key that starts at `offset`, to name a repeated key. */
function keyAt(doc: Document.Parsed, offset: number): string | null {
  const { isScalar, visit } = yaml();
  let key: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

const CLOSING_QUOTE = /^Missing closing (["'])quote/;
const CLOSING_BRACKET = /end with an? ([\]}])$/;

/**
 * Where the quoted scalar or flow collection that an error about its missing end is about starts
 * (its quote or bracket, the innermost one reaching the error), or null. The parser reports such
 * an error where it gave up, often at the end of the file, past the last line.
 */
function unclosedStart(doc: Document.Parsed, error: YAMLError, textLength: number): number | null {
  const quote = error.code === 'MISSING_CHAR' && CLOSING_QUOTE.test(error.message);
  // Also said of a closed collection indented too little; only at the end of the text is it surely unclosed.
  const bracket = CLOSING_BRACKET.test(error.message) && error.pos[0] >= textLength;
  if (!quote && !bracket) return null;
  const { isCollection, isScalar, visit } = yaml();
  const at = error.pos[0];
  let start: number | null = null;
  visit(doc, (_, node) => {
    const fits = quote
      ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
      : isCollection(node) && node.flow === true;
    const range = fits ? (node as { range?: readonly number[] | null }).range : null;
    if (range && range[0]! < at && range[1]! >= at && (start === null || range[0]! > start))
      start = range[0]!;
  });
  return start;
}

function describeYamlError(error: YAMLError, doc: Document.Parsed): string {
  const quote = error.code === 'MISSING_CHAR' ? CLOSING_QUOTE.exec(error.message)?.[1] : undefined;
  if (quote)
    return `the ${quote === '"' ? 'double' : 'single'}-quoted value that starts here has no closing ${quote}; add it where the value ends`;
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document; okr reads one document a file: split it or remove the "---" separator';
    case 'DUPLICATE_KEY': {
      const key = keyAt(doc, error.pos[0]);
      const what = key === null ? error.message.replace(/\.$/, '') : `key ${JSON.stringify(key)} is repeated`;
      return `${what}: each key may appear once in a mapping; remove or rename the repeated one`;
    }
    case 'TAG_RESOLVE_FAILED':
      return `${error.message.replace(/\.$/, '')}: okr reads plain YAML only; remove the tag`;
    default:
      // The parser catches its own stack overflow on nesting the depth scan did not see as deep.
      if (error.message.includes('Maximum call stack'))
        return 'the YAML nests too deeply to read; remove the extra nesting';
      return error.message.replace(/\s+at line \d+, column \d+.*$/s, '');
  }
}

function yamlProblem(file: SourceFile, message: string, offset: number, endOffset = offset): Problem {
  // The parser may give up past the last line break; a problem there is shown at the end of the last line.
  const last = file.text.endsWith('\n') ? file.text.length - 1 : file.text.length;
  return {
    ruleId: 'yaml-syntax',
    message,
    file: file.path,
    target: null,
    ...file.positions.span(Math.min(offset, last), Math.min(Math.max(offset, endOffset), last)),
  };
}

/** What makes a text unfit to hand to the YAML parser: a character YAML forbids, or nesting too deep to parse safely. */
function beforeParsing(text: string): { offset: number; message: string } | null {
  const bad = nonPrintable(text);
  if (bad) return bad;
  const deep = nestingTooDeep(text);
  if (deep === -1) return null;
  return {
    offset: deep,
    message: `the YAML nests more than ${MAX_NESTING_DEPTH} levels deep here; an OKR file needs a handful of levels: remove the extra nesting`,
  };
}

/**
 * Parses one YAML file, keeping its document and line index for positions. Every YAML error and
 * warning becomes a `yaml-syntax` problem; a file with any of them has no data.
 */
export function parseSource(path: string, rawText: string): { source: SourceFile; problems: Problem[] } {
  // A byte-order mark is not content; dropping it keeps columns of the first line as people see them.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const problems: Problem[] = [];
  const unreadable = beforeParsing(text);
  if (unreadable) {
    const source: SourceFile = { path, text, doc: null, positions: positionIndex(text), data: null };
    problems.push(yamlProblem(source, unreadable.message, unreadable.offset));
    return { source, problems };
  }
  const lineCounter = new LineCounter();
  let doc: NonNullable<SourceFile['doc']>;
  try {
    doc = parseDocument(normalizeLineEnds(text), {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
    });
  } catch (error) {
    // The parser recurses on nesting; a pathological depth exhausts the stack (and leaves its line
    // counter short).
    const reason = error instanceof RangeError ? 'the YAML nests too deeply to read' : String(error);
    const source: SourceFile = { path, text, doc: null, positions: positionIndex(text), data: null };
    problems.push(yamlProblem(source, reason, 0));
    return { source, problems };
  }
  // The parser's line counter saw every line break of the text (a lone CR as the LF it was handed):
  // its line starts are the file's position index.
  const positions = indexOfLineStarts(lineCounter.lineStarts);
  const source: SourceFile = { path, text, doc, positions, data: null };
  for (const error of [...doc.errors, ...doc.warnings]) {
    const start = unclosedStart(doc, error, text.length);
    problems.push(yamlProblem(source, describeYamlError(error, doc), start ?? error.pos[0], error.pos[1]));
  }
  if (problems.length > 0) return { source, problems };
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason =
      error instanceof ReferenceError
        ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`
        : error instanceof RangeError
          ? 'the YAML nests too deeply to read'
          : String(error instanceof Error ? error.message : error);
    problems.push(yamlProblem(source, reason, error instanceof ReferenceError ? firstAliasOffset(doc) : 0));
  }
  return { source, problems };
}

/**
 * A source whose data is already known (read by the fast path, or from the cache): its Document is
 * built on first use, which is only when a problem in it needs a position the fast path did not
 * record. Its position index comes from the line starts the fast path found, or, for a cached file,
 * from its text on first use. Item spans may be given as a function, called on first use too.
 */
export function lazySource(
  path: string,
  text: string,
  data: unknown,
  itemSpans?: ReadonlyMap<string, ItemSpan> | (() => ReadonlyMap<string, ItemSpan> | undefined),
  lineStarts?: ArrayLike<number>,
): SourceFile {
  let doc: SourceFile['doc'] | undefined;
  let positions: PositionIndex | undefined = lineStarts && indexOfLineStarts(lineStarts);
  let spans: PlainSpans | null | undefined;
  let items = itemSpans;
  return {
    path,
    text,
    data,
    get itemSpans() {
      if (typeof items === 'function') items = items();
      return items;
    },
    get spans() {
      if (spans === undefined) {
        const read = readPlainSpans(text);
        spans = read === UNSUPPORTED ? null : read;
      }
      return spans;
    },
    get doc() {
      doc ??= parseDocument(normalizeLineEnds(text), { prettyErrors: false, uniqueKeys: true, strict: true });
      return doc;
    },
    get positions() {
      positions ??= positionIndex(text);
      return positions;
    },
  };
}

/** The text as okr reads it: a byte-order mark is not content. */
export function withoutBom(rawText: string): string {
  return rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
}

/**
 * As `parseSource`, but a file written in the plain subset of YAML is read by the fast path, and
 * its Document is built only if a position in it is asked for. Data and problems are the same.
 */
export function parseSourceLazily(
  path: string,
  rawText: string,
): { source: SourceFile; problems: Problem[] } {
  const text = withoutBom(rawText);
  // The fast path declines every character the full parser refuses before parsing, which it reports.
  const plain = parsePlainYaml(text);
  if (plain === UNSUPPORTED) return parseSource(path, rawText);
  return { source: lazySource(path, text, plain.data, plain.itemSpans, plain.lineStarts), problems: [] };
}
