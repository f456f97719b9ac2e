import type { CycleWindow } from './model.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The same few dates and cycle names are asked for once per key result: remember the answers.
const parsedDays = new Map<string, number | null>();
const builtInWindows = new Map<string, CycleWindow | null>();

/** Days since 1970-01-01 (UTC) of a real calendar date `YYYY-MM-DD`, or null. */
export function parseDay(text: string): number | null {
  if (typeof text !== 'string') return computeDay(text);
  let day = parsedDays.get(text);
  if (day === undefined) {
    day = computeDay(text);
    parsedDays.set(text, day);
  }
  return day;
}

function computeDay(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function today(): number {
  return Math.floor(Date.now() / DAY_MS);
}

function utcDay(year: number, month0: number, date: number): number {
  return Math.round(Date.UTC(year, month0, date) / DAY_MS);
}

/** The window of a month range [firstMonth0, lastMonth0] of a year, last day inclusive. */
function months(year: number, first0: number, last0: number): CycleWindow {
  return { start: utcDay(year, first0, 1), end: utcDay(year, last0 + 1, 1) - 1 };
}

/**
 * The window of a cycle name: the config's declared cycles first, then the built-in forms
 * YYYY, YYYY-H1|H2, YYYY-Q1..Q4 and YYYY-MM. Null when the name is neither.
 */
export function cycleWindow(
  name: string,
  declared: Readonly<Record<string, { start: string; end: string }>>,
): CycleWindow | null {
  if (Object.hasOwn(declared, name)) {
    const start = parseDay(declared[name]!.start);
    const end = parseDay(declared[name]!.end);
    return start === null || end === null ? null : { start, end };
  }
  let window = builtInWindows.get(name);
  if (window === undefined) {
    window = builtInWindow(name);
    builtInWindows.set(name, window);
  }
  return window;
}

function builtInWindow(name: string): CycleWindow | null {
  let m = /^(\d{4})$/.exec(name);
  if (m) return months(Number(m[1]), 0, 11);
  m = /^(\d{4})-H([12])$/.exec(name);
  if (m) return Number(m[2]) === 1 ? months(Number(m[1]), 0, 5) : months(Number(m[1]), 6, 11);
  m = /^(\d{4})-Q([1-4])$/.exec(name);
  if (m) {
    const q = Number(m[2]) - 1;
    return months(Number(m[1]), q * 3, q * 3 + 2);
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (m) return months(Number(m[1]), Number(m[2]) - 1, Number(m[2]) - 1);
  return null;
}

/** Fraction of the window elapsed at day `d`, in days, clamped to [0, 1]. */
export function elapsedFraction(window: CycleWindow, d: number): number {
  const span = window.end + 1 - window.start;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (d - window.start) / span));
}
