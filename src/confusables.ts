// Characters that look like ASCII letters and digits but are different code points. Two names that
// differ only by them read the same to a person and differently to okr (and to `--owner` filters).
// A small, deliberate subset of Unicode's confusables (UTS #39): the Cyrillic and Greek letters that
// render like Latin ones in common fonts, and invisible characters; fullwidth and other compatibility
// forms are folded by NFKC.

/** [look-alike, the ASCII it looks like, its Unicode name] */
const LOOK_ALIKES: readonly [string, string, string][] = [
  ['\u0430', 'a', 'CYRILLIC SMALL LETTER A'],
  ['\u0441', 'c', 'CYRILLIC SMALL LETTER ES'],
  ['\u0501', 'd', 'CYRILLIC SMALL LETTER KOMI DE'],
  ['\u0435', 'e', 'CYRILLIC SMALL LETTER IE'],
  ['\u04bb', 'h', 'CYRILLIC SMALL LETTER SHHA'],
  ['\u0456', 'i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  ['\u0458', 'j', 'CYRILLIC SMALL LETTER JE'],
  ['\u04cf', 'l', 'CYRILLIC SMALL LETTER PALOCHKA'],
  ['\u043e', 'o', 'CYRILLIC SMALL LETTER O'],
  ['\u0440', 'p', 'CYRILLIC SMALL LETTER ER'],
  ['\u051b', 'q', 'CYRILLIC SMALL LETTER QA'],
  ['\u0455', 's', 'CYRILLIC SMALL LETTER DZE'],
  ['\u051d', 'w', 'CYRILLIC SMALL LETTER WE'],
  ['\u0445', 'x', 'CYRILLIC SMALL LETTER HA'],
  ['\u0443', 'y', 'CYRILLIC SMALL LETTER U'],
  ['\u0410', 'A', 'CYRILLIC CAPITAL LETTER A'],
  ['\u0412', 'B', 'CYRILLIC CAPITAL LETTER VE'],
  ['\u0421', 'C', 'CYRILLIC CAPITAL LETTER ES'],
  ['\u0415', 'E', 'CYRILLIC CAPITAL LETTER IE'],
  ['\u041d', 'H', 'CYRILLIC CAPITAL LETTER EN'],
  ['\u0406', 'I', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'],
  ['\u0408', 'J', 'CYRILLIC CAPITAL LETTER JE'],
  ['\u041a', 'K', 'CYRILLIC CAPITAL LETTER KA'],
  ['\u041c', 'M', 'CYRILLIC CAPITAL LETTER EM'],
  ['\u041e', 'O', 'CYRILLIC CAPITAL LETTER O'],
  ['\u0420', 'P', 'CYRILLIC CAPITAL LETTER ER'],
  ['\u0405', 'S', 'CYRILLIC CAPITAL LETTER DZE'],
  ['\u0422', 'T', 'CYRILLIC CAPITAL LETTER TE'],
  ['\u0425', 'X', 'CYRILLIC CAPITAL LETTER HA'],
  ['\u04ae', 'Y', 'CYRILLIC CAPITAL LETTER STRAIGHT U'],
  ['\u03b1', 'a', 'GREEK SMALL LETTER ALPHA'],
  ['\u03b9', 'i', 'GREEK SMALL LETTER IOTA'],
  ['\u03ba', 'k', 'GREEK SMALL LETTER KAPPA'],
  ['\u03bd', 'v', 'GREEK SMALL LETTER NU'],
  ['\u03bf', 'o', 'GREEK SMALL LETTER OMICRON'],
  ['\u03c1', 'p', 'GREEK SMALL LETTER RHO'],
  ['\u03c5', 'u', 'GREEK SMALL LETTER UPSILON'],
  ['\u0391', 'A', 'GREEK CAPITAL LETTER ALPHA'],
  ['\u0392', 'B', 'GREEK CAPITAL LETTER BETA'],
  ['\u0395', 'E', 'GREEK CAPITAL LETTER EPSILON'],
  ['\u0396', 'Z', 'GREEK CAPITAL LETTER ZETA'],
  ['\u0397', 'H', 'GREEK CAPITAL LETTER ETA'],
  ['\u0399', 'I', 'GREEK CAPITAL LETTER IOTA'],
  ['\u039a', 'K', 'GREEK CAPITAL LETTER KAPPA'],
  ['\u039c', 'M', 'GREEK CAPITAL LETTER MU'],
  ['\u039d', 'N', 'GREEK CAPITAL LETTER NU'],
  ['\u039f', 'O', 'GREEK CAPITAL LETTER OMICRON'],
  ['\u03a1', 'P', 'GREEK CAPITAL LETTER RHO'],
  ['\u03a4', 'T', 'GREEK CAPITAL LETTER TAU'],
  ['\u03a5', 'Y', 'GREEK CAPITAL LETTER UPSILON'],
  ['\u03a7', 'X', 'GREEK CAPITAL LETTER CHI'],
  ['\u2010', '-', 'HYPHEN'],
  ['\u2011', '-', 'NON-BREAKING HYPHEN'],
  ['\u2012', '-', 'FIGURE DASH'],
  ['\u2212', '-', 'MINUS SIGN'],
];

/** Characters that take no room: they make two strings differ while printing the same. */
const INVISIBLE: ReadonlyMap<string, string> = new Map([
  ['\u00ad', 'SOFT HYPHEN'],
  ['\u034f', 'COMBINING GRAPHEME JOINER'],
  ['\u180e', 'MONGOLIAN VOWEL SEPARATOR'],
  ['\u200b', 'ZERO WIDTH SPACE'],
  ['\u200c', 'ZERO WIDTH NON-JOINER'],
  ['\u200d', 'ZERO WIDTH JOINER'],
  ['\u2060', 'WORD JOINER'],
  ['\ufeff', 'ZERO WIDTH NO-BREAK SPACE'],
]);

const FOLD = new Map(LOOK_ALIKES.map(([c, ascii]) => [c, ascii]));
const NAMES = new Map(LOOK_ALIKES.map(([c, , name]) => [c, name]));
const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** The Unicode name of a character okr knows about, else null. */
function nameOf(c: string): string | null {
  const known = NAMES.get(c) ?? INVISIBLE.get(c);
  if (known) return known;
  const code = c.codePointAt(0)!;
  if (code >= 0xff21 && code <= 0xff3a)
    return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(code - 0xfee0)}`;
  if (code >= 0xff41 && code <= 0xff5a)
    return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(code - 0xfee0 - 0x20)}`;
  if (code >= 0xff10 && code <= 0xff19) return `FULLWIDTH DIGIT ${DIGITS[code - 0xff10]}`;
  return null;
}

/** `"а" (U+0430 CYRILLIC SMALL LETTER A)`: a character as a message shows it. */
export function describeChar(c: string): string {
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const named = nameOf(c) ? `${code} ${nameOf(c)}` : code;
  // A character that prints as nothing is named only.
  return INVISIBLE.has(c) || /\p{C}/u.test(c) ? `the invisible ${named}` : `"${c}" (${named})`;
}

/** Any character beyond ASCII (UTF-16 code units, surrogates included). */
const NOT_ASCII = /[\u0080-\uffff]/;

/** What a character reads as: its ASCII look-alike, nothing for an invisible one, else itself. */
function foldChar(c: string): string {
  if (INVISIBLE.has(c)) return '';
  const folded = FOLD.get(c);
  if (folded !== undefined) return folded;
  if (c.charCodeAt(0) < 0x80) return c;
  const compatible = c.normalize('NFKC');
  return /^[\x20-\x7e]+$/.test(compatible) ? compatible : c;
}

/** The string as it reads: two strings with the same skeleton look alike. */
export function skeleton(text: string): string {
  // No ASCII character folds to another, so the common all-ASCII text is its own skeleton.
  if (!NOT_ASCII.test(text)) return text;
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** The distinct characters of `text` that read as something else, in order of appearance. */
export function lookAlikes(text: string): { char: string; looksLike: string }[] {
  const seen = new Set<string>();
  const found: { char: string; looksLike: string }[] = [];
  for (const c of text) {
    const folded = foldChar(c);
    if (folded === c || seen.has(c)) continue;
    seen.add(c);
    found.push({ char: c, looksLike: folded });
  }
  return found;
}

/** `"о" (U+043E CYRILLIC SMALL LETTER O) looks like "o"` for each look-alike of `text`, joined. */
export function explainLookAlikes(text: string): string {
  return lookAlikes(text)
    .map(({ char, looksLike }) =>
      looksLike === '' ? describeChar(char) : `${describeChar(char)} looks like "${looksLike}"`,
    )
    .join(', ');
}

/** Whether the only characters of `text` that read as something else are invisible ones (and there are some). */
export function onlyInvisible(text: string): boolean {
  const found = lookAlikes(text);
  return found.length > 0 && found.every((l) => l.looksLike === '');
}
