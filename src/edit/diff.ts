import { diffArrays, structuredPatch } from 'diff';

// The line diff and the unified diff of `okr checkin --dry-run` come from jsdiff (`diff`), a
// maintained Myers diff: smaller to keep correct than the hand-written longest-common-subsequence
// table it replaces. Only the patch's text is written here, as `diff -u` writes it.

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

/** The line diff of two texts. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let [i, j] = [1, 1];
  for (const change of diffArrays(splitLines(oldText), splitLines(newText))) {
    const op = change.added ? '+' : change.removed ? '-' : ' ';
    for (const text of change.value) {
      lines.push({ op, text, oldLine: i, newLine: j });
      if (op !== '+') i++;
      if (op !== '-') j++;
    }
  }
  return lines;
}

/** A hunk's range as `diff -u` writes it; an empty range starts after a line of the text (0: before the first). */
function hunkRange(start: number, count: number, textLines: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? Math.min(start, textLines) : start},${count}`;
}

/**
 * A unified diff (`diff -u` format) between two versions of one file, with `context` lines around
 * each change; empty when the texts have the same lines.
 */
export function unifiedDiff(oldText: string, newText: string, path: string, context = 3): string {
  // Line breaks as `splitLines` sees them: CRLF and a missing final one are not changes.
  const [a, b] = [splitLines(oldText), splitLines(newText)];
  const normal = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  const { hunks } = structuredPatch(path, path, normal(a), normal(b), '', '', { context });
  if (hunks.length === 0) return '';
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const h of hunks)
    out += `@@ -${hunkRange(h.oldStart, h.oldLines, a.length)} +${hunkRange(h.newStart, h.newLines, b.length)} @@\n${h.lines.map((l) => `${l}\n`).join('')}`;
  return out;
}
