import { type Token, tokenize, verbForms, wordForms } from '../english.js';
import type { Rule } from '../types.js';
import { lazy } from '../util.js';

// Fillers and buzzwords with their inflections and spellings. A phrase is written with spaces and
// matches with spaces or dashes between its words ("world class", "world-class", "worldclass").
const FILLERS = ['etc', 'etcetera', 'et cetera', 'stuff', 'stuffs', 'thing', 'things', 'various', 'misc'];
const FILLER_PREFIXES = ['miscellan']; // "miscellaneous"
const buzzwords = lazy(() => [
  'synergy',
  'synergies',
  'synergistic',
  'synergistically',
  ...verbForms('synergize'),
  'world class',
  'best in class',
  ...verbForms('leverage'),
  'holistic',
  'holistically',
  'next level',
  'game changing',
  'game changer',
  'game changers',
  'robust',
  'robustly',
  'robustness',
  'seamless',
  'seamlessly',
  'cutting edge',
]);
// "Optimize" is vague only when nothing says what should change: "Optimize routes to cut fuel use" is not.
const optimizeForms = lazy(
  () => new Set([...verbForms('optimize'), 'optimization', 'optimisation', 'optimizations']),
);
const changeVerbs = lazy(
  () =>
    new Set(
      [
        'cut',
        'reduce',
        'lower',
        'raise',
        'increase',
        'shorten',
        'speed',
        'save',
        'halve',
        'double',
        'lift',
        'grow',
        'boost',
        'eliminate',
        'prevent',
        'avoid',
        'stop',
        'decrease',
        'minimize',
        'maximize',
        'free',
        'drop',
        'remove',
      ].flatMap((v) => [...verbForms(v)]),
    ),
);
const COMPARATIVES = new Set(
  'faster cheaper lower higher fewer less shorter quicker smaller leaner safer'.split(' '),
);
// "Internet of Things" names a field; "things" there is no filler.
// Each with a word it cannot be without: the name's pattern is looked for only where the word is.
const NAMES_WITH_FILLERS = [{ word: /internet/iu, name: /\binternet[\s-]+of[\s-]+things\b/giu }];

interface Match {
  /** The word or phrase as written in the title. */
  text: string;
  start: number;
}

/** Normalises a word or phrase for comparison: lower case, dashes and spaces removed, trailing dot dropped. */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-–]+/g, '')
    .replace(/\.$/, '');
}

/** The listed phrases' keys, and every start of one (a key's first characters), to stop early. */
interface Phrases {
  keys: Set<string>;
  starts: Set<string>;
}

function addPhrase(phrases: Phrases, phrase: string): void {
  const k = key(phrase);
  if (!k) return;
  phrases.keys.add(k);
  for (let end = 1; end <= k.length; end++) phrases.starts.add(k.slice(0, end));
}

function copyPhrases(phrases: Phrases): Phrases {
  return { keys: new Set(phrases.keys), starts: new Set(phrases.starts) };
}

const builtInPhrases = lazy(() => {
  const phrases: Phrases = { keys: new Set(), starts: new Set() };
  for (const w of [...FILLERS, ...buzzwords()]) addPhrase(phrases, w);
  return phrases;
});

/** The phrases last made for a config's extra words: a run checks every title with the same ones. */
let lastExtra: { words: readonly string[]; phrases: Phrases } | null = null;

/** The built-in fillers and buzzwords, and every form of the `extra` words. */
function phrasesOf(extra: readonly string[]): Phrases {
  if (extra.length === 0) return builtInPhrases();
  if (
    !lastExtra ||
    lastExtra.words.length !== extra.length ||
    lastExtra.words.some((w, i) => w !== extra[i])
  ) {
    const phrases = copyPhrases(builtInPhrases());
    for (const w of extra) for (const form of w.includes(' ') ? [w] : wordForms(w)) addPhrase(phrases, form);
    lastExtra = { words: [...extra], phrases };
  }
  return lastExtra.phrases;
}

/** A word token's key (`key`), from its lower case: a word holds no space and ends on no dot. */
const tokenKey = (token: Token) => (/[-–]/.test(token.lower) ? key(token.lower) : token.lower);

/** The first filler or buzzword of the title, as written, or null. */
export function findVagueWord(title: string, extra: readonly string[] = []): string | null {
  const masked = NAMES_WITH_FILLERS.reduce(
    (t, { word, name }) => (word.test(t) ? t.replace(name, (m) => ' '.repeat(m.length)) : t),
    title,
  );
  const tokens = tokenize(masked).filter((t) => t.kind === 'word');
  const phrases = phrasesOf(extra);
  const keys = tokens.map(tokenKey);
  for (let i = 0; i < tokens.length; i++) {
    const found = phraseAt(title, tokens, keys, i, phrases) ?? prefixAt(tokens[i]!) ?? optimizeAt(tokens, i);
    if (found) return found.text;
  }
  return null;
}

/**
 * A listed phrase whose words start at token i (a hyphenated word counts as its parts); `keys` are
 * the tokens' keys.
 */
function phraseAt(
  title: string,
  tokens: readonly Token[],
  keys: readonly string[],
  i: number,
  phrases: Phrases,
): Match | null {
  let joined = '';
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (j > i && !/^[\s\-–]*$/.test(title.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    joined += keys[j]!;
    // No phrase starts so: none longer either.
    if (!phrases.starts.has(joined)) break;
    if (phrases.keys.has(joined))
      return { text: title.slice(tokens[i]!.start, tokens[j]!.end), start: tokens[i]!.start };
  }
  return null;
}

function prefixAt(token: Token): Match | null {
  return FILLER_PREFIXES.some((p) => token.lower.startsWith(p))
    ? { text: token.text, start: token.start }
    : null;
}

/** "Optimize" with nothing after it that says what should change. */
function optimizeAt(tokens: readonly Token[], i: number): Match | null {
  if (!optimizeForms().has(tokens[i]!.lower)) return null;
  const rest = tokens.slice(i + 1).map((t) => t.lower);
  const saysWhatChanges = rest.some(
    (w, k) =>
      w === 'so' ||
      (/^(to|and|by|for)$/.test(w) &&
        (changeVerbs().has(rest[k + 1] ?? '') || COMPARATIVES.has(rest[k + 1] ?? ''))),
  );
  return saysWhatChanges ? null : { text: tokens[i]!.text, start: tokens[i]!.start };
}

/** The words of a title: a number with its separators counts once ("10,000"). */
export function countWords(title: string): number {
  return tokenize(title).filter((t) => t.kind !== 'mark').length;
}

export const rule: Rule<{ minWords: number; words: string[] }> = {
  meta: {
    id: 'vague-objective',
    description:
      'The title has fewer than `minWords` (4) words, or uses filler or buzzwords; option `words` adds more.',
    severity: 'warning',
    options: { minWords: 4, words: [] },
  },
  check(ctx) {
    const { minWords, words: extra } = ctx.options;
    for (const objective of ctx.graph.objectives) {
      const vague = findVagueWord(objective.title, extra);
      const count = countWords(objective.title);
      let reason: string | null = null;
      if (vague) reason = `uses "${vague}", which says nothing; name the change you want to see`;
      else if (count < minWords)
        reason = `has ${count} word${count === 1 ? '' : 's'}; say in at least ${minWords} what should be different when it is reached`;
      if (!reason) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'title'],
        target: objective.id,
        message: `the title of objective "${objective.id}" ${reason}`,
      });
    }
  },
};
