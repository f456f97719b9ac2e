import { checkedKrs } from '../../graph/graph.js';
import { isTitleCase, type Token, tokenize, verbForms } from '../english.js';
import type { Rule } from '../types.js';
import { lazy } from '../util.js';

/** Verbs that describe work done; a phrase's first word takes every form ("rolled out", "setting up"). */
const OUTPUT_VERBS = [
  'launch',
  'ship',
  'build',
  'implement',
  'create',
  'write',
  'release',
  'deliver',
  'complete',
  'finish',
  'publish',
  'hold',
  'run',
  'host',
  'hire',
  'migrate',
  'roll out',
  'set up',
  'redesign',
  'organize',
  'conduct',
  'develop',
  'introduce',
  'deploy',
];
const closeForms = lazy(() => verbForms('close'));
// "Close 200 tickets": closing work items counts work done; closing a deal is an outcome.
const WORK_ITEMS =
  /^(tickets?|issues?|bugs?|tasks?|stories|story|items?|cards?|prs?|requests?|cases?|findings?|defects?|epics?|jiras?|actions?)$/;
// Words a title may start with before its verb: "We launched…", "Successfully migrate…".
const LEADING_WORDS = new Set(
  "we i we'll we’ll will to have has had also then successfully fully finally officially formally publicly jointly safely".split(
    ' ',
  ),
);
// After a verb, these start its object ("Launch the…", "Hire 5…"); after a noun they rarely stand.
const OBJECT_STARTS = new Set(
  (
    'a an the our all every each any some its their his her my your this these those both more ' +
    'new another additional several multiple two three four five six seven eight nine ten one it them ' +
    'us daily weekly monthly quarterly annual yearly out up'
  ).split(' '),
);
// After a noun spelled like a verb, these show it is the subject: "Releases are…", "Builds that fail…".
const SUBJECT_SIGNS = new Set('is are was were has have per that which who whose'.split(' '));
const MEASURE_NOUNS = new Set(
  'rate rates frequency cadence uptime downtime latency throughput duration velocity failures errors volume cost costs ratio time times'.split(
    ' ',
  ),
);
const AFTER_MEASURE_NOUN = new Set(
  'of for per on in at across from to below above under over is are was were down up within'.split(' '),
);
const VALUE = String.raw`(?:[$€£¥₹]?\d[\d.,]*\s?[%kmb]?|zero|none|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|daily|weekly|monthly|quarterly|yearly|annually|hourly)`;
// A measure and where it should be: "from 82% to 97%", "below 3%", "at least 4.5", "at 99.9%".
const MEASURE = new RegExp(
  String.raw`\bfrom\s+${VALUE}\s.*?\bto\s+${VALUE}|(?:\b(?:above|below|under|over|at least|at most|less than|more than|fewer than|greater than|or above|or below|by)\s+|[<>≤≥]=?\s*)${VALUE}|\bat\s+(?:\d[\d.,]*\s?%|zero)|\d\s*%?\s+or\s+(?:above|below|more|less|higher|lower|better)\b`,
  'iu',
);
const GOES_LIVE = /\b(?:go|goes|going|gone|went|is|are|was|were|be|been|being)\s+live\b|\bgo-live\b/iu;
// Searched first: a title without the word is most titles, and the pattern above is slow to fail.
const LIVE = /live/iu;

interface Verb {
  /** Forms of the verb's first word. */
  forms: Set<string>;
  /** The rest of a phrasal verb ("out" of "roll out"), matched as written. */
  rest: string[];
}

function compile(verbs: readonly string[]): Verb[] {
  return verbs.map((verb) => {
    const [first = '', ...rest] = verb.toLowerCase().trim().split(/\s+/);
    // A verb's forms with "re-" and "co-" ("relaunch", "co-host") describe the same work.
    const forms = new Set(
      [first, `re${first}`, `re-${first}`, `co-${first}`].flatMap((v) => [...verbForms(v)]),
    );
    return { forms, rest };
  });
}

/** The built-in verbs, compiled once: most titles are checked with no verbs of the config's. */
const builtInVerbs = lazy(() => compile(OUTPUT_VERBS));

/** Index of the first word after ticket prefixes, emoji, list numbers and labels ("[OPS-12] ", "KR2: "). */
function leadIndex(tokens: readonly Token[]): number {
  let i = 0;
  for (;;) {
    const t = tokens[i];
    if (!t) return i;
    if (t.kind === 'mark' && /^[[({]$/.test(t.text)) {
      const close = tokens.findIndex((u, k) => k > i && /^[\])}]$/.test(u.text));
      if (close !== -1 && close - i <= 6) {
        i = close + 1;
        continue;
      }
    }
    if (t.kind === 'mark') i++;
    else if (t.kind === 'number' && (tokens[i + 1]?.kind === 'mark' || tokens[i - 1]?.text === '#'))
      i++; // "1. Ship…", "#142 Ship…"
    else if (t.kind === 'word' && /^[A-Za-z][A-Za-z0-9]*-\d+$/.test(t.text))
      i++; // "OPS-12"
    else if (t.kind === 'word' && /^kr\d*$/i.test(t.text) && tokens[i + 1]?.kind !== 'word') i++;
    else if (t.kind === 'word' && LEADING_WORDS.has(t.lower)) i++;
    else return i;
  }
}

/** The verb phrase the title leads with, as written, when it reads as a verb rather than a noun. */
function leadingOutputVerb(title: string, verbs: readonly Verb[]): string | null {
  const tokens = tokenize(title);
  let start = leadIndex(tokens);
  // "Payments: ship Apple Pay": a short label before a colon.
  const colon = tokens.findIndex((t, k) => k > start && k <= start + 3 && t.text === ':');
  if (colon !== -1 && matchVerb(tokens, start, verbs) === null)
    start = leadIndex(tokens.slice(colon + 1)) + colon + 1;
  // "Design and build the new flow": a verb of the list after the first one, joined by "and".
  const joined = tokens[start]?.kind === 'word' && /^(and|&)$/.test(tokens[start + 1]?.lower ?? '');
  const first = start;
  if (joined && matchVerb(tokens, start, verbs) === null && matchVerb(tokens, start + 2, verbs) !== null)
    start += 2;
  const end = matchVerb(tokens, start, verbs);
  if (end !== null)
    return readsAsVerb(title, tokens, end) ? title.slice(tokens[first]!.start, tokens[end]!.end) : null;
  // "Rolled-out the tool", "Setup SSO": a phrasal verb written as one word is mostly a noun ("Roll-out of
  // the intranet", "Setup time"), so it counts only when an object clearly follows.
  const word = tokens[start];
  if (word?.kind !== 'word' || !isJoinedPhrasalVerb(word.lower, verbs)) return null;
  return objectFollows(tokens, start) ? word.text : null;
}

function isJoinedPhrasalVerb(word: string, verbs: readonly Verb[]): boolean {
  return verbs.some((verb) => {
    if (verb.rest.length === 0) return false;
    const rest = verb.rest.join('');
    const cut = word.replace(/[-–]/g, '');
    return (
      cut.endsWith(rest) && verb.forms.has(word.slice(0, word.length - rest.length).replace(/[-–]$/, ''))
    );
  });
}

/** An article, a number, a name or a quote right after token i: the start of an object. */
function objectFollows(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.kind !== 'word') return next.kind === 'number' || /^["“'‘]$/.test(next.text);
  return OBJECT_STARTS.has(next.lower) || (/\p{Lu}/u.test(next.text) && !isTitleCase(tokens));
}

/** Index of the last token of a listed verb phrase starting at token i, or null. */
function matchVerb(tokens: readonly Token[], i: number, verbs: readonly Verb[]): number | null {
  const first = tokens[i];
  if (first?.kind !== 'word') return null;
  if (closeForms().has(first.lower) && tokens.slice(i + 1, i + 6).some((t) => WORK_ITEMS.test(t.lower)))
    return tokens[i + 1]?.lower === 'out' ? i + 1 : i;
  for (const verb of verbs) {
    if (!verb.forms.has(first.lower)) continue;
    if (verb.rest.every((word, k) => tokens[i + 1 + k]?.lower === word)) return i + verb.rest.length;
  }
  return null;
}

/**
 * Whether the word at `end` is a verb with its object ("Release the app") rather than a noun that
 * starts a measure ("Release frequency from monthly to weekly", "Host uptime above 99.9%").
 */
function readsAsVerb(title: string, tokens: readonly Token[], end: number): boolean {
  const next = tokens[end + 1];
  if (next?.kind !== 'word') return true; // a number, a quote or nothing: "Hire 5…", "Launch “Ask a nurse”"
  if (OBJECT_STARTS.has(next.lower)) return true;
  if (/\p{Lu}/u.test(next.text) && !isTitleCase(tokens)) return true; // "Implement SSO", "Migrate payroll to Workday"
  if (SUBJECT_SIGNS.has(next.lower)) return false;
  // "Host uptime across the fleet", but "Implement rate limiting".
  const third = tokens[end + 2];
  if (MEASURE_NOUNS.has(next.lower) && (third?.kind !== 'word' || AFTER_MEASURE_NOUN.has(third.lower)))
    return false;
  return !MEASURE.test(title.slice(next.start));
}

/** "goes live" anywhere, unless the title measures something ("Clinics that go live from 10 to 40"). */
function goesLive(title: string): string | null {
  if (!LIVE.test(title)) return null;
  const match = GOES_LIVE.exec(title);
  if (!match || MEASURE.test(title)) return null;
  const before = title.slice(0, match.index).trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  return /^(who|that|which|where)$/.test(before) ? null : match[0];
}

/** What makes a KR title an output, quoted as written ("Rolled out", "goes live"), or null. */
export function findOutputWording(title: string, extraVerbs: readonly string[] = []): string | null {
  const verbs = extraVerbs.length === 0 ? builtInVerbs() : compile([...OUTPUT_VERBS, ...extraVerbs]);
  return leadingOutputVerb(title, verbs) ?? goesLive(title);
}

export const rule: Rule<{ verbs: string[] }> = {
  meta: {
    id: 'output-kr',
    description:
      'A key result of any kind whose title describes work done rather than an outcome: it leads with an output verb (launch, ship, build, hire, migrate, roll out, …) in any form, or says that something goes live; option `verbs` adds more.',
    severity: 'warning',
    options: { verbs: [] },
  },
  check(ctx) {
    const verbs =
      ctx.options.verbs.length === 0 ? builtInVerbs() : compile([...OUTPUT_VERBS, ...ctx.options.verbs]);
    // Every KR of every kind, those of a repeated objective too: the title is its own.
    for (const kr of checkedKrs(ctx.graph)) {
      const verb = leadingOutputVerb(kr.title, verbs);
      const live = verb ? null : goesLive(kr.title);
      if (!verb && !live) continue;
      const what = verb ? `starts with "${verb}"` : `says "${live}"`;
      ctx.report({
        file: kr.file,
        path: [...kr.path, 'title'],
        target: kr.fullId,
        message: `key result "${kr.fullId}" ${what}: it counts work done, not an outcome; measure what the work changes instead`,
      });
    }
  },
};
