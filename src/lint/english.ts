/**
 * The little English the wording rules need: the words of a title with their positions, the forms
 * of a verb, and numbers written as words. Rules match word forms, never whole titles.
 */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** `number`: digits, with any letters glued to them ("3x", "100k", "5G"); `mark`: anything else. */
  kind: 'word' | 'number' | 'mark';
}

// A word starts with a letter and may hold digits and inner dashes or apostrophes ("p95", "COVID-19",
// "don't"); a number starts with a digit; every other character that is not a space is a mark.
// Made on first use: V8 parses a pattern of Unicode classes when the expression is created, and
// every command loads this module, few tokenize.
let token: RegExp | undefined;

// The last text tokenized, with its tokens: a rule often reads one title twice in a row. Only the
// last: keeping every title's tokens for the run cost more than reading them again (they then
// outlive the young generation, and a map of thousands of titles is slow to fill).
let last: { text: string; tokens: readonly Token[] } | null = null;

/** The tokens of `text`, in order; the same list for the same text asked twice in a row (read it, never change it). */
export function tokenize(text: string): readonly Token[] {
  if (last?.text !== text) last = { text, tokens: tokensIn(text) };
  return last.tokens;
}

function tokensIn(text: string): Token[] {
  const tokens: Token[] = [];
  token ??= /(\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-–][\p{L}\p{M}\p{N}]+)*)|(\p{Nd}+(?:[.,]\p{Nd}+)*\p{L}*)|(\S)/gu;
  for (const m of text.matchAll(token)) {
    const kind = m[1] ? 'word' : m[2] ? 'number' : 'mark';
    // A mark made of several code units (an emoji) stays one mark.
    const t = m[0];
    tokens.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, kind });
  }
  return tokens;
}

/** True when only spaces separate two tokens (or nothing). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0\u202f]*$/.test(text.slice(a.end, b.start));
}

/** Words that are capitalised in a title only because the title is written in title case. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word').slice(1);
  const lettered = words.filter((t) => t.text.length > 3);
  if (lettered.length < 2) return false;
  return lettered.filter((t) => /^\p{Lu}/u.test(t.text)).length / lettered.length >= 0.7;
}

// Common irregular verbs: base → the other forms. A prefixed verb ("rebuild", "rewrite") takes the
// forms of its base.
const IRREGULAR: Record<string, string[]> = {
  begin: ['began', 'begun'],
  bring: ['brought'],
  build: ['built'],
  buy: ['bought'],
  choose: ['chose', 'chosen'],
  cut: [],
  do: ['did', 'done', 'does'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  find: ['found'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone', 'goes'],
  grow: ['grew', 'grown'],
  hold: ['held'],
  keep: ['kept'],
  lay: ['laid'],
  lead: ['led'],
  make: ['made'],
  meet: ['met'],
  pay: ['paid'],
  put: [],
  read: [],
  run: ['ran'],
  sell: ['sold'],
  send: ['sent'],
  set: [],
  shut: [],
  speak: ['spoke', 'spoken'],
  spend: ['spent'],
  stand: ['stood'],
  take: ['took', 'taken'],
  teach: ['taught'],
  tell: ['told'],
  think: ['thought'],
  throw: ['threw', 'thrown'],
  win: ['won'],
  write: ['wrote', 'written'],
};
const PREFIXES = ['', 're', 're-', 'co', 'co-', 'over', 'under', 'out', 'up'];

const VOWEL = /[aeiou]/;

/** Every form of an English verb: "ship" → ship, ships, shipped, shipping; "build" → built, … */
export function verbForms(verb: string): Set<string> {
  const base = verb.toLowerCase();
  const forms = new Set<string>();
  for (const spelling of spellings(base)) {
    for (const prefix of PREFIXES) {
      if (prefix && !spelling.startsWith(prefix)) continue;
      const stem = spelling.slice(prefix.length);
      // Own keys only: a word such as "constructor" is no key of the table's prototype's.
      const irregular = Object.hasOwn(IRREGULAR, stem) ? IRREGULAR[stem] : undefined;
      if (irregular) for (const form of irregular) forms.add(prefix + form);
    }
    forms.add(spelling);
    forms.add(thirdPerson(spelling));
    for (const form of regularForms(spelling)) forms.add(form);
  }
  return forms;
}

/** "organize" and "organise", "analyze" and "analyse". */
function spellings(base: string): string[] {
  if (/[iy]ze$/.test(base)) return [base, `${base.slice(0, -2)}se`];
  if (/[iy]se$/.test(base)) return [base, `${base.slice(0, -2)}ze`];
  return [base];
}

function thirdPerson(base: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Past and -ing forms by the spelling rules, with and without a doubled final consonant. */
function regularForms(base: string): string[] {
  if (base.endsWith('ie')) return [`${base}d`, `${base.slice(0, -2)}ying`];
  if (/(ee|ye|oe)$/.test(base)) return [`${base}d`, `${base}ing`];
  if (base.endsWith('e')) return [`${base}d`, `${base.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(base)) return [`${base.slice(0, -1)}ied`, `${base}ing`];
  const forms = [`${base}ed`, `${base}ing`];
  // Consonant, vowel, consonant: "ship" → "shipped"; "develop" → "developed" (both spellings kept).
  const last = base.at(-1) ?? '';
  if (/[^aeiouwxy]/.test(last) && VOWEL.test(base.at(-2) ?? '') && !VOWEL.test(base.at(-3) ?? 'a'))
    forms.push(`${base}${last}ed`, `${base}${last}ing`);
  return forms;
}

/** Forms of a noun or adjective a team might add as a word: "synergy" → synergies, … */
export function wordForms(word: string): Set<string> {
  const base = word.toLowerCase();
  const forms = new Set([base, `${base}s`, `${base}es`, `${base}ly`]);
  if (/[^aeiou]y$/.test(base)) forms.add(`${base.slice(0, -1)}ies`);
  for (const form of verbForms(base)) forms.add(form);
  return forms;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};
export const MAGNITUDES = new Set([
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'lakh',
  'crore',
  'mio',
  'mrd',
]);

/** The words of numbers: units and magnitudes (a Set: "constructor" is no number). */
let cardinals: Set<string> | undefined;

/** Whether a word is a number word or a hyphenated run of them ("ninety-five"). */
function isCardinalWord(lower: string): boolean {
  cardinals ??= new Set([...Object.keys(UNITS), ...MAGNITUDES]);
  const words = cardinals;
  return /[-–]/.test(lower) ? lower.split(/[-–]/).every((part) => words.has(part)) : words.has(lower);
}

export interface SpelledNumber {
  /** Index of the first and last token of the number. */
  first: number;
  last: number;
  /** It holds hundred, thousand, million…: a size, not a small count. */
  magnitude: boolean;
  /** The number is "one" alone, which mostly means "a single" or "the same". */
  one: boolean;
}

/**
 * A number written in words starting at token `i`: "fifty thousand", "ninety-five", "a million",
 * "half a million", "two hundred and fifty". Null when none starts there.
 */
export function spelledNumberAt(tokens: readonly Token[], i: number): SpelledNumber | null {
  let j = i;
  const at = (k: number) => tokens[k]?.lower ?? '';
  // "a million", "an eighty": only before a magnitude or "dozen"; "half a million".
  if (at(j) === 'half' && at(j + 1) === 'a' && MAGNITUDES.has(at(j + 2))) j += 2;
  else if ((at(j) === 'a' || at(j) === 'an') && (MAGNITUDES.has(at(j + 1)) || at(j + 1) === 'dozen')) j += 1;
  if (tokens[j]?.kind !== 'word' || !isCardinalWord(at(j))) return null;
  let last = j;
  let magnitude = false;
  for (let k = j; k < tokens.length; k++) {
    const w = at(k);
    if (tokens[k]!.kind === 'word' && isCardinalWord(w)) {
      last = k;
      if (w.split(/[-–]/).some((p) => MAGNITUDES.has(p))) magnitude = true;
      continue;
    }
    // "two hundred and fifty"
    if (w === 'and' && magnitude && tokens[k + 1]?.kind === 'word' && isCardinalWord(at(k + 1))) continue;
    break;
  }
  return { first: i, last, magnitude, one: last === j && at(j) === 'one' };
}
