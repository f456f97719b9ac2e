// Control characters, bidirectional overrides and zero-width spaces in user text could rewrite a
// terminal or hide text; in terminal output they are shown as escapes instead.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** User text made safe to print in a terminal: control characters become visible escapes. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** What terminalLine changes: the unsafe characters, newlines and tabs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** One line of user text for a terminal: newlines and tabs shown as escapes too. */
export function terminalLine(text: string): string {
  // Nearly all text has nothing to change: one test, rather than three replacements, finds it so.
  if (!NOT_ONE_LINE.test(text)) return text;
  return terminalSafe(text).replace(/\n/g, '\\n').replace(/\t/g, ' ');
}

/**
 * Markdown-safe inline text (for table cells and lines that do not start a block): characters that
 * make emphasis, code, links, tables or HTML are escaped.
 */
export function markdownInline(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/&(?!lt;|gt;)/g, '&amp;')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(UNSAFE, '');
}

export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export function percent(progress: number): string {
  return `${Math.round(progress * 100)}%`;
}

/** A number as people read it: at most four decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

/** A value with its unit (`2.6%`, `45 M€`); `—` when there is none. */
export function withUnit(n: number | undefined, unit: string | undefined): string {
  if (n === undefined) return '—';
  if (!unit) return formatNumber(n);
  return unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`;
}
