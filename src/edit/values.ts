// What a check-in VALUE, --confidence and --date may be, as typed on the command line.
import { parseDay } from '../dates.js';
import type { KrKind } from '../model.js';

/** The kinds of KR that have a value of their own to check in. */
export type MeasuredKind = Exclude<KrKind, 'rollup'>;

export type CheckinValue = number | boolean;

const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const TRUE_WORDS = ['true', 'done', 'yes'];
const FALSE_WORDS = ['false', 'undone', 'no'];

/** A finite decimal number written out (no hex, no Infinity, no empty text), or null. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Reads the VALUE argument of a check-in for a KR of `kind`. */
export function parseCheckinValue(kind: MeasuredKind, text: string): Parsed<CheckinValue> {
  if (kind === 'milestone') {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
    if (FALSE_WORDS.includes(word)) return { ok: true, value: false };
    return { ok: false, expected: 'true or false (or done/undone, yes/no)' };
  }
  const n = parseDecimal(text);
  if (kind === 'judged') {
    if (n !== null && n >= 0 && n <= 1) return { ok: true, value: n };
    const hint = n !== null && n > 1 && n <= 100 ? `; for ${n}% write ${n / 100}` : '';
    return { ok: false, expected: `a progress from 0 to 1, e.g. 0.6${hint}` };
  }
  if (n === null) return { ok: false, expected: 'a finite number, e.g. 2.7' };
  return { ok: true, value: n };
}

export function parseConfidence(text: string): Parsed<number> {
  const n = parseDecimal(text);
  if (n !== null && n >= 0 && n <= 1) return { ok: true, value: n };
  return { ok: false, expected: 'a number from 0 to 1, e.g. 0.6' };
}

export function parseCheckinDate(text: string): Parsed<string> {
  return parseDay(text) === null
    ? { ok: false, expected: 'a real date YYYY-MM-DD, e.g. 2026-11-20' }
    : { ok: true, value: text };
}
