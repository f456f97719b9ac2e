import {
  adjacent,
  isTitleCase,
  MAGNITUDES,
  spelledNumberAt,
  type Token,
  tokenize,
  verbForms,
} from '../english.js';
import type { NoOptions, Rule } from '../types.js';
import { lazy } from '../util.js';

// Currency signs, and the ISO codes and words of currencies that are written next to an amount.
const CURRENCY_SIGN = /(?:[A-Z]{0,3}\$|[€£¥₹₩₽₺₪₫₴₦₱฿₿₣₲₵₡₭₮₸¢﷼]|\b(?:Rs\.?|kr|Kč|zł|Fr\.?))\s?$/u;
const CURRENCY_SIGN_AFTER = /^\s?(?:[€£¥₹₩₽₺₪₫₴₦₱฿₿₣₲₵₡₭₮₸¢﷼$])/u;
const CURRENCY_CODES = new Set(
  (
    'usd eur gbp jpy cny rmb chf cad aud nzd sek nok dkk isk pln czk huf ron bgn try rub uah inr pkr ' +
    'bdt lkr idr myr sgd thb vnd krw twd hkd zar ngn kes ghs egp mad aed sar qar kwd bhd omr ils brl ' +
    'mxn ars clp cop pen'
  ).split(' '),
);
const CURRENCY_WORDS = new Set(
  (
    'dollar dollars euro euros pound pounds sterling yen yuan renminbi franc francs rupee rupees peso ' +
    'pesos real reais rand won krona kronor krone kroner zloty zlotys złoty lira lire dirham dirhams ' +
    'riyal riyals shekel shekels naira baht ringgit rupiah dinar dinars bucks'
  ).split(' '),
);
const PERCENT_WORDS = new Set(['percent', 'pct', 'pp', 'ppt', 'bps']);
// Letters glued to a number that make it an amount ("100k", "$5M", "€2bn") or a multiple ("3x").
const AMOUNT_SUFFIX = /^(?:k|m|mm|mn|b|bn|t|tn)$/i;
const MULTIPLE_SUFFIX = /^[x×]$/i;
const MULTIPLE_WORDS = ['double', 'triple', 'treble', 'quadruple', 'quintuple', 'halve'];
const multipleForms = lazy(
  () => new Map(MULTIPLE_WORDS.flatMap((w) => [...verbForms(w)].map((f) => [f, w]))),
);
// "double down", "double-check": idioms, not multiples.
const NOT_A_MULTIPLE_AFTER = new Set(['down', 'check', 'checking', 'click', 'dip']);
const FOLD = /^(?:two|three|four|five|six|seven|eight|nine|ten|hundred)fold$/;
const TIME_UNITS = new Set(
  'day days week weeks month months quarter quarters year years fortnight fortnights sprint sprints semester semesters'.split(
    ' ',
  ),
);
// Words before a duration that make it a deadline ("in 90 days", "within six months").
const TIME_BOUND_BEFORE = new Set(
  'in within over during for after before next first last past coming following remaining'.split(' '),
);
const TIME_BOUND_AFTER = new Set([
  'before',
  'after',
  'ahead',
  'from',
  'of',
  'early',
  'late',
  'earlier',
  'later',
]);
const MONTHS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
// A number after one of these is the one of a known set ("the two payroll systems"), not a count to reach.
const DETERMINERS = new Set(
  'the our its their these those both all each his her your my whose which this that every per'.split(' '),
);
// Words that can stand capitalised right before a number without naming anything.
const FUNCTION_WORDS = new Set(
  (
    'to by of in at for from under over above below with the a an and or than least most per around ' +
    'about up down into onto across beyond nearly almost only just another every each all top'
  ).split(' '),
);
// Measures written before their value ("NPS 50", "ARR 10M"): a value, not a name.
const MEASURES = new Set(
  (
    'nps csat ces arr mrr gmv ebitda roi roas ltv cac dau mau wau sla slo kpi aov dso oee mttr mttd ' +
    'ctr cpc cpa cpm fte ftes enps uptime score rating'
  ).split(' '),
);
// Lower-case words that name a thing by its number ("tier 1", "version 3", "phase 2").
const NUMBERED_NAMES = new Set(
  (
    'version release tier level phase stage scope gen generation series type class grade wave round ' +
    'sprint pillar step section article chapter form rule line zone building ward floor gate terminal ' +
    'route lane room cohort batch priority sev severity category band web model mark no number day ' +
    'week year track team unit plant site district region lot'
  ).split(' '),
);
// Units kept in the quoted metric ("4.7 stars", "200 ms").
const QUOTED_UNITS = new Set(
  'ms milliseconds s sec secs seconds min mins minutes hours hrs days weeks months years stars points pts'.split(
    ' ',
  ),
);
// Common verbs that start an objective: a capitalised first word that is not one of these and is
// followed by a number is a name ("Windows 11 on every laptop"), else the number is a count ("Hire 60").
const VERBS = new Set(
  (
    'accelerate achieve acquire activate add adopt answer attend attract audit automate become book ' +
    'bring build buy certify clean close collect complete connect convert cut decrease defend deliver ' +
    'deploy design develop digitise digitize distribute donate double drive earn eliminate employ enable ' +
    'engage enlist enroll enrol equip establish expand feed finish fix fund gain generate get give ' +
    'graduate grow halve handle help hire hit host house improve increase inspect install keep land ' +
    'launch lift lower maintain make match mentor migrate mobilise mobilize modernise modernize move ' +
    'onboard open place plant print process produce protect provide publish raise reach recover recruit ' +
    'recycle reduce register release remove repair replace rescue reskill resettle resolve restore retain ' +
    'retire return run save scale screen secure sell serve ship shorten sign speed stabilise stabilize ' +
    'start supply support sustain take teach test train treat triple upgrade upskill visit welcome win'
  ).split(' '),
);
const verbFormSet = lazy(() => new Set([...VERBS].flatMap((v) => [...verbForms(v)])));

interface Context {
  text: string;
  tokens: readonly Token[];
  titleCase: boolean;
  /** Index of the first word: a capitalised first word is capitalised because it comes first. */
  firstWord: number;
}

/** The first metric the title carries, quoted whole ("$5M", "20%", "3x", "fifty thousand"), or null. */
export function findMetric(title: string): string | null {
  const tokens = tokenize(title);
  const context: Context = {
    text: title,
    tokens,
    titleCase: isTitleCase(tokens),
    firstWord: tokens.findIndex((t) => t.kind !== 'mark'),
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const found =
      token.kind === 'number'
        ? digitsMetric(context, i)
        : token.kind === 'word'
          ? wordMetric(context, i)
          : token.text === '#' && tokens[i + 1]?.kind === 'number' && adjacent(title, token, tokens[i + 1]!)
            ? quote(context, i, i + 1)
            : null;
    if (found) return found;
  }
  return null;
}

function quote(ctx: Context, first: number, last: number): string {
  return ctx.text.slice(ctx.tokens[first]!.start, ctx.tokens[last]!.end);
}

/** A number written with digits at token i: a metric unless it names, dates or bounds something. */
function digitsMetric(ctx: Context, i: number): string | null {
  const { text, tokens } = ctx;
  const token = tokens[i]!;
  const digits = /^[\d.,]+/.exec(token.text)![0];
  const suffix = token.text.slice(digits.length);
  const before = text.slice(0, token.start);
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const glued = next && next.start === token.end ? next.text : '';

  // An amount of money: a sign or code before it, or a currency after it.
  const sign = CURRENCY_SIGN.exec(before);
  const code = prev && adjacent(text, prev, token) && isCurrencyCode(prev);
  if (sign || code) {
    const start = sign ? token.start - sign[0].length : prev!.start;
    return text.slice(start, amountEnd(ctx, i));
  }
  // Letters glued to the number.
  if (suffix) {
    if (MULTIPLE_SUFFIX.test(suffix) || AMOUNT_SUFFIX.test(suffix)) {
      // "4K" and "8K" are screens, not thousands.
      if (/^K$/.test(suffix) && Number(digits) < 10) return null;
      return text.slice(token.start, amountEnd(ctx, i));
    }
    return null; // "3D", "5G", "1st", "1990s"
  }
  if (glued === '%' || glued === '×') return text.slice(token.start, next!.end);
  if (CURRENCY_SIGN_AFTER.test(text.slice(token.end))) return text.slice(token.start, amountEnd(ctx, i));
  const after = afterNumber(ctx, i, i);
  if (after) return after;

  // Not metrics: "24/7", "31/03", "1:1", "HTTP/2", "3-5" is a range of counts.
  if (glued === '/' || glued === ':' || (prev && prev.end === token.start && /^[/:.]$/.test(prev.text)))
    return null;
  if (glued === '-' || glued === '–') {
    const compound = tokens[i + 2];
    if (compound?.kind === 'word' && compound.start === next!.end)
      return /^fold$/i.test(compound.text) ? quote(ctx, i, i + 2) : null; // "10-fold"; "30-day", "5-star"
  }
  if (isYear(digits) || (prev?.end === token.start && /^['’]$/.test(prev.text))) return null; // "2027", "'27"
  if (isDate(ctx, i)) return null;
  if (prev?.lower === 'per') return null; // "per 1,000 doses": a rate's base, not a target
  const withUnit = unitEnd(ctx, i) > token.end;
  if (/^\d+\.0$/.test(digits) && !withUnit) return null; // a version: "4.0"
  // A name with its number ("ISO 27001", "Python 3"), unless a count starts the title ("Serve 25,000").
  if (prev && isName(ctx, i - 1, i) && !(i - 1 === ctx.firstWord && digits.includes(','))) return null;
  if (isTimeBound(ctx, i, i)) return null;
  const plain = /^\d{1,3}$/.test(digits);
  if (plain && prev && adjacent(text, prev, token) && DETERMINERS.has(prev.lower)) return null;
  return text.slice(token.start, unitEnd(ctx, i));
}

/** What follows a number (token `last` ends it) that makes it a metric: a percent, a multiple, money. */
function afterNumber(ctx: Context, first: number, last: number): string | null {
  const { tokens } = ctx;
  const at = (k: number) => tokens[k]?.lower ?? '';
  let k = last + 1;
  // "2 million dollars", "5 million euros"
  while (MAGNITUDES.has(at(k))) k++;
  const end = k - 1;
  const start = tokens[first]!.start;
  if (PERCENT_WORDS.has(at(k)) || at(k) === '%') return ctx.text.slice(start, tokens[k]!.end);
  if (at(k) === 'per' && at(k + 1) === 'cent') return ctx.text.slice(start, tokens[k + 1]!.end);
  if (/^percentage$/.test(at(k)) && /^points?$/.test(at(k + 1)))
    return ctx.text.slice(start, tokens[k + 1]!.end);
  if (at(k) === 'basis' && /^points?$/.test(at(k + 1))) return ctx.text.slice(start, tokens[k + 1]!.end);
  if (CURRENCY_WORDS.has(at(k)) || (tokens[k] && isCurrencyCode(tokens[k]!)))
    return ctx.text.slice(start, tokens[k]!.end);
  if (at(k) === 'times' || at(k) === 'x' || at(k) === '×') return ctx.text.slice(start, tokens[k]!.end);
  if (at(k) === 'fold') return ctx.text.slice(start, tokens[k]!.end);
  if (end > last) return ctx.text.slice(start, tokens[end]!.end); // "2 million", "1.5 billion"
  return null;
}

/** The end of an amount: its magnitude words and currency after it ("$2 million", "€5m EUR"). */
function amountEnd(ctx: Context, i: number): number {
  const { tokens } = ctx;
  let k = i + 1;
  if (tokens[k]?.text === '%') return tokens[k]!.end;
  while (MAGNITUDES.has(tokens[k]?.lower ?? '')) k++;
  const word = tokens[k];
  if (word && (CURRENCY_WORDS.has(word.lower) || isCurrencyCode(word) || /^[€£¥₹$]$/.test(word.text))) k++;
  return tokens[k - 1]!.end;
}

/** The end of a count or score with its unit, if the unit is a short one ("200 ms", "4.7 stars"). */
function unitEnd(ctx: Context, i: number): number {
  const next = ctx.tokens[i + 1];
  return next && adjacent(ctx.text, ctx.tokens[i]!, next) && QUOTED_UNITS.has(next.lower)
    ? next.end
    : ctx.tokens[i]!.end;
}

/** "USD", "CHF": a currency code, written in capitals. */
function isCurrencyCode(token: Token): boolean {
  return CURRENCY_CODES.has(token.lower) && /^[A-Z]{3}$/.test(token.text);
}

function isYear(digits: string): boolean {
  return /^(19|20|21)\d\d$/.test(digits);
}

/** "March 31", "31 March", "the 1st of June", "9 am". */
function isDate(ctx: Context, i: number): boolean {
  const { tokens } = ctx;
  const prev = tokens[i - 1]?.lower ?? '';
  const next = tokens[i + 1]?.lower ?? '';
  return (
    MONTHS.has(prev.replace(/\.$/, '')) ||
    MONTHS.has(next) ||
    (next === 'of' && MONTHS.has(tokens[i + 2]?.lower ?? '')) ||
    /^(am|pm|a\.m|p\.m)$/.test(next)
  );
}

/**
 * A duration that says when the work is due ("in 90 days", "within six months", "over the next 12
 * months"), not a duration to reach ("time-to-hire to 30 days").
 */
function isTimeBound(ctx: Context, first: number, last: number): boolean {
  const { tokens } = ctx;
  let unit = last + 1;
  while (/^(more|additional|extra|full|business|working|calendar)$/.test(tokens[unit]?.lower ?? '')) unit++;
  if (!TIME_UNITS.has(tokens[unit]?.lower ?? '')) return false;
  let k = first - 1;
  while (/^(just|only|about|around|roughly|approximately|the|a)$/.test(tokens[k]?.lower ?? '')) k--;
  return TIME_BOUND_BEFORE.has(tokens[k]?.lower ?? '') || TIME_BOUND_AFTER.has(tokens[unit + 1]?.lower ?? '');
}

/** Whether the word at `w`, right before the number at `n`, names a thing by that number ("ISO 27001"). */
function isName(ctx: Context, w: number, n: number): boolean {
  const word = ctx.tokens[w]!;
  if (word.kind !== 'word' || !adjacent(ctx.text, word, ctx.tokens[n]!)) return false;
  const lower = word.lower;
  if (MEASURES.has(lower) || CURRENCY_CODES.has(lower) || FUNCTION_WORDS.has(lower)) return false;
  if (NUMBERED_NAMES.has(lower)) return true;
  if (/\p{Lu}/u.test(word.text.slice(1))) return true; // "ISO", "SOC", "iOS", "GitHub"
  if (!/^\p{Lu}/u.test(word.text)) return false;
  // A capitalised word: a name unless it is a verb that starts the title ("Hire 60 engineers") or
  // capitalised only by title case.
  const isVerb = verbFormSet().has(lower) || /(ate|ize|ise|ify)$/.test(lower);
  if (w === ctx.firstWord || ctx.titleCase) return !isVerb;
  return true;
}

/** A metric that starts with the word at token i: "fifty thousand", "twenty percent", "Double". */
function wordMetric(ctx: Context, i: number): string | null {
  const { tokens, text } = ctx;
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const multiple = multipleForms().get(token.lower);
  if (multiple && !(next && NOT_A_MULTIPLE_AFTER.has(next.lower))) return token.text;
  if (FOLD.test(token.lower)) return token.text;
  if ((token.lower === 'twice' || token.lower === 'thrice') && next?.lower === 'as') return token.text;
  // "by half", "in half", "by a third", "by two thirds"
  if ((token.lower === 'by' || token.lower === 'in') && next?.lower === 'half') return quote(ctx, i, i + 1);
  if (token.lower === 'by' && next) {
    const fraction = tokens[i + 2]?.lower ?? '';
    if (/^(a|one|two|three)$/.test(next.lower) && /^(thirds?|quarters?|fifths?|tenths?)$/.test(fraction))
      return quote(ctx, i, i + 2);
  }
  const spelled = spelledNumberAt(tokens, i);
  if (!spelled) return null;
  const after = afterNumber(ctx, spelled.first, spelled.last);
  if (after) return after;
  const last = tokens[spelled.last]!;
  if (spelled.one) return null; // "one place", "one team"
  // "four-day week", "two-factor": a compound adjective, not a count.
  if (/[-–]$/.test(text.slice(last.end, last.end + 1))) return null;
  if (isTimeBound(ctx, spelled.first, spelled.last)) return null;
  const prev = tokens[i - 1];
  if (prev && DETERMINERS.has(prev.lower)) return null; // "the two payroll systems"
  // "zero" is a target only after "to" or "at" ("cut incidents to zero"); "zero harm" is a stance.
  if (tokens[spelled.first]!.lower === 'zero' && !/^(to|at)$/.test(prev?.lower ?? '')) return null;
  return text.slice(tokens[spelled.first]!.start, unitEnd(ctx, spelled.last));
}

export const rule: Rule<NoOptions> = {
  meta: {
    id: 'metric-in-objective',
    description:
      "The objective's title carries a target or measure (a percentage, an amount of money, a multiple, a count to reach): numbers belong in key results.",
    severity: 'warning',
    options: {},
  },
  check(ctx) {
    for (const objective of ctx.graph.objectives) {
      const metric = findMetric(objective.title);
      if (!metric) continue;
      ctx.report({
        file: objective.file,
        path: [...objective.path, 'title'],
        target: objective.id,
        message: `the title of objective "${objective.id}" carries the metric "${metric}"; keep the objective qualitative and move the number into a key result`,
      });
    }
  },
};
