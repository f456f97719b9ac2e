import { type Document, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { Problem } from '../diagnostics.js';
import { positionAt } from '../locate.js';
import type { SourceFile } from '../model.js';

export const MAX_ALIAS_COUNT = 100;

/** The text of the mapping key that starts at `offset`, to name a repeated key. */
function keyAt(doc: Document.Parsed, offset: number): string | null {
  let key: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

function describeYamlError(error: YAMLError, doc: Document.Parsed): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document; okr reads one document a file: split it or remove the "---" separator';
    case 'DUPLICATE_KEY': {
      const key = keyAt(doc, error.pos[0]);
      const what = key === null ? error.message.replace(/\.$/, '') : `key ${JSON.stringify(key)} is repeated`;
      return `${what}: each key may appear once in a mapping; remove or rename the repeated one`;
    }
    case 'TAG_RESOLVE_FAILED':
      return `${error.message.replace(/\.$/, '')}: okr reads plain YAML only; remove the tag`;
    default:
      return error.message.replace(/\s+at line \d+, column \d+.*$/s, '');
  }
}

function yamlProblem(file: SourceFile, message: string, offset: number, endOffset = offset): Problem {
  return {
    ruleId: 'yaml-syntax',
    message,
    file: file.path,
    target: null,
    ...positionAt(file, offset, endOffset),
  };
}

/**
 * Parses one YAML file, keeping its document and line index for positions. Every YAML error and
 * warning becomes a `yaml-syntax` problem; a file with any of them has no data.
 */
export function parseSource(path: string, rawText: string): { source: SourceFile; problems: Problem[] } {
  // A byte-order mark is not content; dropping it keeps columns of the first line as people see them.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const source: SourceFile = { path, text, doc: null, lineCounter, data: null };
  const problems: Problem[] = [];
  let doc: SourceFile['doc'];
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    // The parser recurses on nesting; a pathological depth exhausts the stack.
    const reason = error instanceof RangeError ? 'the YAML nests too deeply to read' : String(error);
    problems.push(yamlProblem(source, reason, 0));
    return { source, problems };
  }
  source.doc = doc;
  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push(yamlProblem(source, describeYamlError(error, doc), error.pos[0], error.pos[1]));
  }
  if (problems.length > 0) return { source, problems };
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason =
      error instanceof ReferenceError
        ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`
        : error instanceof RangeError
          ? 'the YAML nests too deeply to read'
          : String(error instanceof Error ? error.message : error);
    problems.push(yamlProblem(source, reason, 0));
  }
  return { source, problems };
}
