import { yaml } from '../load/yaml.js';
import type { SourceFile } from '../model.js';

const DIRECTIVE = /^#\s*okr-disable-(next-)?line\b(.*)$/s;
// The lexer marks documents, scalars and flow errors with control characters that are not in the text.
const MARKER_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** The comments of a YAML text with their 1-based lines; a `#` inside a quoted or block scalar is none. */
function comments(text: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  let line = 1;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (MARKER_TOKENS.has(token)) continue;
    if (token.startsWith('#')) result.push({ line, text: token });
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++;
  }
  return result;
}

/** An `# okr-disable-line` or `# okr-disable-next-line` comment. */
export interface Directive {
  /** Where the comment is (1-based; the end column is just past it). */
  line: number;
  column: number;
  endColumn: number;
  /** The line it silences. */
  silences: number;
  /** The rules it names; empty for all of them. */
  rules: string[];
}

/** The disable comments of a file (none without reading it when its text names no directive). */
export function directives(source: SourceFile): Directive[] {
  if (!source.text.includes('okr-disable')) return [];
  const lines = source.text.split('\n');
  const found: Directive[] = [];
  for (const comment of comments(source.text)) {
    const m = DIRECTIVE.exec(comment.text.trimEnd());
    if (!m) continue;
    const rules = m[2]!
      .replace(/\s--\s.*$/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const column = (lines[comment.line - 1]?.indexOf(comment.text) ?? -1) + 1 || 1;
    const endColumn = column + comment.text.trimEnd().length;
    found.push({ line: comment.line, column, endColumn, silences: comment.line + (m[1] ? 1 : 0), rules });
  }
  return found;
}
