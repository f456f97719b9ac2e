/**
 * The pieces of the fast reader (plain-yaml.ts) that know single characters and scalars: the
 * characters it leaves to the full parser, the keys and plain scalars it reads and what they resolve
 * to under YAML's core schema, and the way it gives up (`give`, UNSUPPORTED).
 */

/** Returned when the text is outside the subset; the full parser decides. */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

export class Unsupported extends Error {}

export function give(): never {
  throw new Unsupported();
}

/**
 * Characters that may need a closer look: all but the line break, printable ASCII and the ranges
 * of ordinary characters. One regular expression scans a text many times faster than a loop.
 */
const SUSPECT = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/g;

/**
 * Characters the subset leaves to the full parser wherever they appear: controls (tabs and CR too),
 * NEL, line and paragraph separators, byte-order marks, the noncharacters U+FFFE and U+FFFF and
 * unpaired surrogates: among them every character YAML forbids, which the full parser reports.
 */
export function hasUnusualCharacter(text: string): boolean {
  SUSPECT.lastIndex = 0;
  while (SUSPECT.test(text)) {
    const at = SUSPECT.lastIndex - 1;
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    // Only a high surrogate followed by a low one, a character beyond the first plane, is fine.
    if (!(c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) return true;
    SUSPECT.lastIndex = at + 2;
  }
  return false;
}

const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
/** The longest key the subset reads. */
export const MAX_KEY = 201;
export const MAX_DEPTH = 64;

export const SPACE = 0x20;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;

/*
 * The scans below run over most characters of every file, mostly before the engine has optimized
 * this code: a regular expression, which runs as native code from the start, scans them faster
 * than a loop over charCodeAt.
 */
/** A key and its colon, at `lastIndex`. */
export const KEY_AT = /[A-Za-z_][A-Za-z0-9_-]*:/y;
/** What may end or change a plain scalar: a comment, a colon, the end of the line. */
export const PLAIN_STOP = /[#:\n]/g;
/** What ends or changes a double-quoted scalar: its closing quote, an escape, the end of the line. */
export const DOUBLE_QUOTED_STOP = /["\\\n]/g;
/** What ends a plain scalar in a flow collection: `,[]{}`. */
export const isFlowIndicator = (c: number) =>
  c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/**
 * Keys read lately, by a hash of their length and characters: a set of OKR files uses few keys, and
 * reusing one spares a string, and a look-up in the engine's table of property names, per key.
 */
export const knownKeys: string[] = new Array<string>(256).fill('');

/**
 * Short scalars read lately (as written, quotes included) and their values: ids, units, dates and
 * small numbers recur across OKR files, and reusing a value spares a string or number per value.
 */
export const knownScalars: string[] = new Array<string>(512).fill('');
export const knownValues: unknown[] = new Array<unknown>(512).fill(null);
/** The longest scalar remembered: longer ones are seldom repeated. */
export const MAX_KNOWN_SCALAR = 16;

/** Where a text from `start` to `end` is remembered among the known scalars. */
export function scalarSlot(text: string, start: number, end: number): number {
  const length = end - start;
  return (
    (length * 31 +
      text.charCodeAt(start) * 7 +
      text.charCodeAt(end - 1) * 3 +
      text.charCodeAt((start + end) >> 1)) &
    511
  );
}

/** A key that must not become a plain property: core-schema names of null and booleans, and `__proto__`. */
export function isSpecialKey(key: string): boolean {
  const c = key.charCodeAt(0);
  // Fast exit: only these first characters can start one.
  const maybe =
    c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x5f;
  return maybe && SPECIAL_KEY.test(key);
}

// The YAML 1.2 core schema, tried in the full parser's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The value of a decimal integer, or of a decimal with digits before its point: the numbers OKR
 * files mostly hold, read without trying each pattern of the schema; undefined for anything else.
 */
function decimal(text: string): number | undefined {
  const c = text.charCodeAt(0);
  let at = c === 0x2b || c === DASH ? 1 : 0;
  const digits = at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  if (at === digits) return undefined;
  if (at === text.length) return parseInt(text, 10);
  if (text.charCodeAt(at) !== 0x2e) return undefined;
  at++;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  return at === text.length ? parseFloat(text) : undefined;
}

/** The value of a plain scalar under the core schema. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // The first character says which patterns may match: `~nN` a null, `tTfF` a bool, `.+-` or a digit a number.
  if (c === 0x7e || c === 0x6e || c === 0x4e) return NULL.test(text) ? null : text;
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)
    return BOOL.test(text) ? c === 0x74 || c === 0x54 : text;
  if (!(c === 0x2e || c === 0x2b || c === DASH || isDigit(c))) return text;
  const number = decimal(text);
  if (number !== undefined) return number;
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

/** First characters that make a plain scalar something else: `?:,[]{}#&*!|>'"%@` and backquote. */
export const NOT_PLAIN_START = new Set('?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
