/** One line of a line diff: kept, removed from the old text or added by the new one. */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
  /** 1-based line numbers in the old and new text (of the line, or of where it would be). */
  oldLine: number;
  newLine: number;
}

/** Lines of a text, without their line breaks; a final line break does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

// Beyond this many cells the middle is shown as replaced wholesale rather than matched line by line.
const MAX_TABLE = 4_000_000;

/** Longest-common-subsequence edit script of the part that differs. */
function middleOps(a: readonly string[], b: readonly string[]): (' ' | '-' | '+')[] {
  if (a.length * b.length > MAX_TABLE) return [...a.map(() => '-' as const), ...b.map(() => '+' as const)];
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  const ops: (' ' | '-' | '+')[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push(' ');
      i++;
      j++;
    } else if (i < a.length && (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      ops.push('-');
      i++;
    } else {
      ops.push('+');
      j++;
    }
  }
  return ops;
}

/** The line diff of two texts: common lines at both ends are matched first, then the middle. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const ops: (' ' | '-' | '+')[] = [
    ...Array<' '>(prefix).fill(' '),
    ...middleOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...Array<' '>(suffix).fill(' '),
  ];
  const lines: DiffLine[] = [];
  let [i, j] = [0, 0];
  for (const op of ops) {
    const text = op === '+' ? b[j]! : a[i]!;
    lines.push({ op, text, oldLine: i + 1, newLine: j + 1 });
    if (op !== '+') i++;
    if (op !== '-') j++;
  }
  return lines;
}

function hunkRange(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * A unified diff (`diff -u` format) between two versions of one file, with `context` lines around
 * each change; empty when the texts have the same lines.
 */
export function unifiedDiff(oldText: string, newText: string, path: string, context = 3): string {
  const lines = diffLines(oldText, newText);
  const changed = lines.flatMap((l, i) => (l.op === ' ' ? [] : [i]));
  if (changed.length === 0) return '';
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let k = 0;
  while (k < changed.length) {
    const first = Math.max(0, changed[k]! - context);
    let last = Math.min(lines.length - 1, changed[k]! + context);
    while (k + 1 < changed.length && changed[k + 1]! - context <= last + 1) {
      k++;
      last = Math.min(lines.length - 1, changed[k]! + context);
    }
    k++;
    const hunk = lines.slice(first, last + 1);
    const oldCount = hunk.filter((l) => l.op !== '+').length;
    const newCount = hunk.filter((l) => l.op !== '-').length;
    out += `@@ -${hunkRange(hunk[0]!.oldLine, oldCount)} +${hunkRange(hunk[0]!.newLine, newCount)} @@\n`;
    for (const l of hunk) out += `${l.op}${l.text}\n`;
  }
  return out;
}
