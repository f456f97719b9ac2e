// Fitting text into a terminal's width: cutting titles at a word boundary, and tables and lines
// that give up their least useful parts first.

// Characters a terminal draws two columns wide: East Asian wide and full-width forms, and emoji.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// Characters that take no column of their own: combining marks, joiners and variation selectors.
const ZERO = /^(?:\p{Mn}|\p{Me}|\p{Cf})$/u;

function charWidth(c: string): number {
  return ZERO.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
}

/** The columns a terminal gives plain text (no colour codes). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c);
  return width;
}

const DIGIT = /\d/;
const IN_NUMBER = /[\d.,]/;
// Marks a cut text should not end on before its ellipsis.
const TRAILING = /[\s,;:.\-–—(/]+$/u;

/**
 * Text cut to `width` columns with `…`, at a word boundary (a space or a hyphen) when the text has
 * one, and never inside a number: "Reply within 48 hours" cut to 12 columns is "Reply within…".
 */
export function truncateWords(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const chars = [...text];
  let used = 0;
  let fits = 0;
  while (fits < chars.length && used + charWidth(chars[fits]!) <= width - 1)
    used += charWidth(chars[fits++]!);
  let cut = fits;
  if (!/\s/.test(chars[fits] ?? ' ')) {
    let boundary = -1;
    for (let i = fits - 1; i > 0 && boundary < 0; i--)
      if (/\s/.test(chars[i]!) || (chars[i] === '-' && i < fits)) boundary = i;
    if (boundary > 0) cut = boundary;
    else if (
      DIGIT.test(chars[fits]!) ||
      (IN_NUMBER.test(chars[fits]!) && DIGIT.test(chars[fits + 1] ?? ''))
    ) {
      // A single word cut inside a number: the whole number goes.
      while (cut > 0 && IN_NUMBER.test(chars[cut - 1]!)) cut--;
    }
  }
  const kept = chars.slice(0, cut).join('').replace(TRAILING, '');
  return `${kept}…`;
}

/** Text cut to `width` columns with `…` wherever the width ends (ids, names). */
export function truncateHard(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  let out = '';
  let used = 0;
  for (const c of text) {
    if (used + charWidth(c) > width - 1) break;
    out += c;
    used += charWidth(c);
  }
  return `${out}…`;
}

/** A table cell: its plain text, and how to colour it once it is cut to fit. */
export interface Cell {
  text: string;
  paint?: (text: string) => string;
}

export interface FitColumn {
  head: string;
  cells: Cell[];
  /** Cut at a word boundary to fit; otherwise cut only when nothing else is left to give. */
  words?: boolean;
  /** A narrower form of the column (e.g. a percentage without its bar), used by a `compact` step. */
  compact?: { head: string; cells: Cell[] };
}

/** One way to make a table narrower, tried in the order given until the table fits. */
export type FitStep = { cap: number; width: number } | { drop: number } | { compact: number };

export interface FittedTable {
  head: string[];
  rows: string[][];
  /** Column widths, one space of padding each side included (as cli-table3 counts them). */
  widths: number[];
}

const natural = (column: { head: string; cells: Cell[] }) =>
  Math.max(displayWidth(column.head), ...column.cells.map((c) => displayWidth(c.text)));

/**
 * A table made to fit `width` terminal columns, borders included: the steps are applied in order
 * (capping a column's width, dropping a column, using its compact form) until it fits, the first
 * `always` of them in any case; then the capped columns take back the room left, in column order.
 * When that is not enough, the first column is cut to 12 columns, then the widest others, then the
 * first one further.
 */
export function fitTable(
  columns: readonly FitColumn[],
  steps: readonly FitStep[],
  width: number,
  always = 0,
): FittedTable {
  const shown = columns.map(() => true);
  const compact = columns.map(() => false);
  const caps: number[] = columns.map(() => Number.POSITIVE_INFINITY);
  const form = (i: number) => (compact[i] ? columns[i]!.compact! : columns[i]!);
  const full = columns.map((_, i) => natural(columns[i]!));
  // Measured once: `size` runs for every cell, and measuring a column is a pass over all its cells.
  const compactFull: (number | undefined)[] = columns.map(() => undefined);
  const naturalOf = (i: number) => {
    if (!compact[i]) return full[i]!;
    compactFull[i] ??= natural(form(i));
    return compactFull[i];
  };
  const size = (i: number) => Math.min(naturalOf(i), caps[i]!);
  const total = () => {
    const visible = columns.map((_, i) => i).filter((i) => shown[i]);
    return visible.reduce((sum, i) => sum + size(i) + 3, 1);
  };
  const capped = new Set<number>();
  for (const [index, step] of steps.entries()) {
    if (index >= always && total() <= width) break;
    if ('cap' in step) {
      caps[step.cap] = Math.min(caps[step.cap]!, step.width);
      capped.add(step.cap);
    } else if ('drop' in step) shown[step.drop] = false;
    else if (columns[step.compact]!.compact) compact[step.compact] = true;
  }
  // The room left goes back to the capped columns that are still shown, in column order.
  for (const i of [...capped].sort((a, b) => a - b)) {
    if (!shown[i]) continue;
    const room = width - total();
    if (room <= 0) break;
    caps[i] = Math.min(naturalOf(i), caps[i]! + room);
  }
  // Nothing else to give: the first column (ids) is cut to 12 columns, then the widest others, then
  // the first column further.
  const cutTo = (i: number, floor: number) => {
    const over = total() - width;
    if (over > 0 && shown[i]) caps[i] = Math.max(Math.min(floor, size(i)), size(i) - over);
  };
  cutTo(0, 12);
  const others = columns
    .map((_, i) => i)
    .filter((i) => i > 0 && shown[i])
    .sort((a, b) => size(b) - size(a));
  for (const i of others) cutTo(i, 1);
  cutTo(0, 1);
  const visible = columns.map((_, i) => i).filter((i) => shown[i]);
  const cut = (i: number, text: string) => {
    const w = size(i);
    return columns[i]!.words ? truncateWords(text, w) : truncateHard(text, w);
  };
  const rowCount = columns[0]?.cells.length ?? 0;
  const rows: string[][] = [];
  for (let r = 0; r < rowCount; r++)
    rows.push(
      visible.map((i) => {
        const cell = form(i).cells[r]!;
        const text = cut(i, cell.text);
        return cell.paint ? cell.paint(text) : text;
      }),
    );
  return {
    head: visible.map((i) => cut(i, form(i).head)),
    rows,
    widths: visible.map((i) => size(i) + 2),
  };
}

/** A part of a line: shown in full, cut to fit (`words`), or left out when the line is too long. */
export interface LinePart extends Cell {
  /** Cut at a word boundary to make room (a title). */
  words?: boolean;
  /** Left out when the line does not fit, lowest first; absent: always shown. */
  drop?: number;
}

/**
 * Parts joined with two spaces into a line of at most `width` columns where it can be: the cuttable
 * parts are cut down to `min` columns, then the parts that may be left out go (lowest `drop` first),
 * then the room left goes back to the cut parts; if it is still too long they are cut further, to
 * nothing. Parts that are always shown are never cut.
 */
export function fitLine(
  prefix: string,
  prefixWidth: number,
  parts: readonly LinePart[],
  width: number,
  min = 32,
): string {
  const kept = parts.map(() => true);
  const caps = parts.map((p) => displayWidth(p.text));
  const lineWidth = () => {
    let w = prefixWidth;
    let n = 0;
    parts.forEach((_, i) => {
      if (!kept[i] || caps[i] === 0) return;
      w += caps[i]! + (n++ > 0 ? 2 : 0);
    });
    return w;
  };
  const cuttable = parts.map((p, i) => (p.words ? i : -1)).filter((i) => i >= 0);
  const shrink = (floor: number) => {
    for (const i of cuttable) {
      const over = lineWidth() - width;
      if (over <= 0) return;
      caps[i] = Math.max(Math.min(floor, caps[i]!), caps[i]! - over);
    }
  };
  shrink(min);
  const droppable = parts
    .map((p, i) => ({ i, drop: p.drop }))
    .filter((p): p is { i: number; drop: number } => p.drop !== undefined)
    .sort((a, b) => a.drop - b.drop);
  for (const { i } of droppable) {
    if (lineWidth() <= width) break;
    kept[i] = false;
  }
  // Room left after dropping goes back to the cut parts.
  for (const i of cuttable) {
    const room = width - lineWidth();
    if (room <= 0) break;
    caps[i] = Math.min(displayWidth(parts[i]!.text), caps[i]! + room);
  }
  shrink(0);
  const texts = parts.flatMap((p, i) => {
    if (!kept[i] || caps[i] === 0) return [];
    const text = p.words ? truncateWords(p.text, caps[i]!) : p.text;
    if (text === '') return [];
    return [p.paint ? p.paint(text) : text];
  });
  return prefix + texts.join('  ');
}
