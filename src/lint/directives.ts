import { lastLineOf } from '../diagnostics.js';
import type { SourceFile, YamlPath } from '../model.js';
import { locate } from '../yaml/locate.js';
import { normalizeLineEnds } from '../yaml/parse.js';
import { yaml } from '../yaml/yaml.js';

const DIRECTIVE = /^#\s*okr-disable-(next-)?line\b(.*)$/s;
// The lexer marks documents, scalars and flow errors with control characters that are not in the text.
const MARKER_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The comments of a YAML text with their offsets; a `#` inside a quoted or block scalar is none. The
 * lexer's tokens, markers aside, are the text cut in pieces: their lengths add up to the offsets.
 */
function comments(text: string): { offset: number; text: string }[] {
  const result: { offset: number; text: string }[] = [];
  let offset = 0;
  // Lexed as the parser reads it, a lone CR as LF; that keeps every offset.
  for (const token of new (yaml().Lexer)().lex(normalizeLineEnds(text))) {
    if (MARKER_TOKENS.has(token)) continue;
    if (token.startsWith('#')) result.push({ offset, text: token });
    offset += token.length;
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
  const found: Directive[] = [];
  for (const comment of comments(source.text)) {
    const m = DIRECTIVE.exec(comment.text.trimEnd());
    if (!m) continue;
    const rules = m[2]!
      .replace(/\s--\s.*$/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const at = source.positions.span(comment.offset, comment.offset + comment.text.trimEnd().length);
    const { line, column, endColumn } = at;
    found.push({ line, column, endColumn, silences: line + (m[1] ? 1 : 0), rules });
  }
  return found;
}

/** The lines of a mapping: from the line it starts on to the line its last value ends on. */
type LineSpan = readonly [first: number, last: number];

/** A disable comment with everything it covers. */
export interface Disable extends Directive {
  /** The mappings of the objectives and KRs that start on the line it silences: it covers them whole. */
  items: readonly LineSpan[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths of the objectives of a file's data and of their KRs. */
function itemPaths(data: unknown): YamlPath[] {
  const paths: YamlPath[] = [];
  const objectives = isRecord(data) ? data.objectives : undefined;
  if (!Array.isArray(objectives)) return paths;
  objectives.forEach((objective, i) => {
    if (!isRecord(objective)) return;
    paths.push(['objectives', i]);
    const krs = objective.key_results;
    if (Array.isArray(krs))
      krs.forEach((kr, j) => {
        if (isRecord(kr)) paths.push(['objectives', i, 'key_results', j]);
      });
  });
  return paths;
}

/** The lines of the objectives and KRs that start on one of `lines`, by their first line. */
function itemsStartingOn(source: SourceFile, lines: ReadonlySet<number>): Map<number, LineSpan[]> {
  const result = new Map<number, LineSpan[]>();
  for (const path of itemPaths(source.data)) {
    const at = locate(source, path);
    if (!lines.has(at.line)) continue;
    result.set(at.line, [...(result.get(at.line) ?? []), [at.line, lastLineOf(at)]]);
  }
  return result;
}

/**
 * The disable comments of a file with what each covers: its line (the next one for
 * `okr-disable-next-line`) and, when an objective or KR starts on that line, that item's whole mapping.
 */
export function disables(source: SourceFile): Disable[] {
  const found = directives(source);
  if (found.length === 0) return [];
  const items = itemsStartingOn(source, new Set(found.map((d) => d.silences)));
  return found.map((d) => ({ ...d, items: items.get(d.silences) ?? [] }));
}

/** Whether a disable comment covers a problem on `line` (the rules it names aside). */
export function covers(disable: Disable, line: number): boolean {
  return line === disable.silences || disable.items.some(([first, last]) => line >= first && line <= last);
}
