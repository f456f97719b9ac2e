import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The longest a file of src/ may be, in lines, unless SIZE_EXCEPTIONS says why it is longer. */
export const FILE_LINES = 600;
/** The longest a function may be, in lines from its first to its last, unless SIZE_EXCEPTIONS says why. */
export const FUNCTION_LINES = 80;

/**
 * The files and functions allowed past the limits, each with the reason. A key is a path under the
 * folder checked (`yaml/plain-yaml.ts`) or a function in it (`yaml/plain-yaml.ts#readBlock`).
 */
export const SIZE_EXCEPTIONS: Readonly<Record<string, string>> = {
  'yaml/plain-yaml.ts':
    'the fast reader: one line-by-line state machine over block mappings and sequences; its scalar, ' +
    'line and item-span readers are already their own files, and cutting the machine itself would ' +
    'spread one loop over several files',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

/**
 * What is too long under `dir`: files over FILE_LINES lines and functions (declarations, methods,
 * arrow functions and function expressions) over FUNCTION_LINES, each named with its length, minus
 * the exceptions. Read with the TypeScript compiler's own parser.
 */
export function checkSizes(
  dir: string,
  exceptions: Readonly<Record<string, string>> = SIZE_EXCEPTIONS,
): string[] {
  const found: string[] = [];
  for (const path of tsFiles(dir).sort()) {
    const name = relative(dir, path).split('\\').join('/');
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const lines = source.getLineStarts().length - (text.endsWith('\n') ? 1 : 0);
    if (lines > FILE_LINES && !(name in exceptions))
      found.push(`${name} has ${lines} lines (more than ${FILE_LINES})`);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const fn = functionName(node as ts.FunctionLikeDeclaration);
        const length = last - first + 1;
        if (length > FUNCTION_LINES && !(`${name}#${fn}` in exceptions))
          found.push(`${name}:${first + 1} ${fn} has ${length} lines (more than ${FUNCTION_LINES})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
