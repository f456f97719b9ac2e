import {
  applyEdits,
  type FormattingOptions,
  findNodeAtLocation,
  modify,
  type Node,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { positionIndex } from '../yaml/positions.js';

/** What merging okr's schema mappings into VS Code settings came to. */
export type SettingsMerge =
  | { kind: 'unchanged' }
  | { kind: 'merged'; text: string; added: string[] }
  | { kind: 'invalid'; message: string; line: number; column: number };

/** Indentation and line ends as the file has them, so that added lines look like the user's. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  return {
    insertSpaces: !indent?.startsWith('\t'),
    tabSize: indent && !indent.startsWith('\t') ? indent.length : 2,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Adds okr's schema mappings (location → globs) to the `yaml.schemas` of a VS Code settings file
 * (JSON with comments), changing nothing else: the user's keys, comments, order, indentation and
 * trailing commas stay as they are. A schema the settings already map, from whatever location, is
 * left alone unless `replace`: then its other locations are dropped and okr's is set.
 */
export function mergeSchemaSettings(
  text: string,
  mappings: readonly [string, string[]][],
  replace: boolean,
): SettingsMerge {
  const errors: ParseError[] = [];
  const settings: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  if (errors.length > 0) {
    const error = errors[0]!;
    return {
      kind: 'invalid',
      message: `is not valid JSON with comments (${printParseErrorCode(error.error)}); fix it, or add the "yaml.schemas" of docs/editors.md by hand`,
      ...positionIndex(text).at(error.offset),
    };
  }
  const empty = text.trim() === '';
  if (!empty && !isObject(settings))
    return { kind: 'invalid', message: 'must hold an object of settings', line: 1, column: 1 };
  const current = isObject(settings) ? settings['yaml.schemas'] : undefined;
  if (current !== undefined && !isObject(current))
    return {
      kind: 'invalid',
      message: '"yaml.schemas" must be an object mapping schema locations to globs',
      line: 1,
      column: 1,
    };
  const formatting = formattingOf(text);
  const options = { formattingOptions: formatting };
  let merged = empty ? '{}' : text;
  const added: [string, string[]][] = [];
  for (const [location, globs] of mappings) {
    const file = location.slice(location.lastIndexOf('/') + 1);
    const mapped = Object.keys(current ?? {}).filter((key) => key === location || key.endsWith(`/${file}`));
    if (mapped.length > 0 && !replace) continue;
    if (mapped.length === 1 && mapped[0] === location && equalGlobs(current?.[location], globs)) continue;
    for (const key of mapped)
      merged = applyEdits(merged, modify(merged, ['yaml.schemas', key], undefined, options));
    added.push([location, globs]);
  }
  if (added.length === 0) return { kind: 'unchanged' };
  const root = parseTree(merged, [], { allowTrailingComma: true });
  const schemas = root && findNodeAtLocation(root, ['yaml.schemas']);
  const appended =
    schemas?.type === 'object'
      ? appendProperties(merged, schemas, added, formatting)
      : root
        ? appendProperties(merged, root, [['yaml.schemas', Object.fromEntries(added)]], formatting)
        : null;
  if (appended !== null) merged = appended;
  else
    for (const [location, globs] of added)
      merged = applyEdits(merged, modify(merged, ['yaml.schemas', location], globs, options));
  if (empty) merged += formatting.eol;
  return { kind: 'merged', text: merged, added: added.map(([location]) => location) };
}

/** The whitespace a unit of indentation is. */
const indentUnit = (f: FormattingOptions) => (f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t');

/**
 * Adds properties after the last one of an object, each on its own lines, indented as that one is,
 * and touches no other byte: a comment that ends the last property's line stays on it, and a trailing
 * comma stays a trailing comma. Null when the object's layout does not allow it (an empty object, or
 * its last property on one line with other code), for jsonc-parser's own edit to do.
 */
function appendProperties(
  text: string,
  object: Node,
  properties: readonly [string, unknown][],
  formatting: FormattingOptions,
): string | null {
  const last = object.children?.[object.children.length - 1];
  if (!last) return null;
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = text.slice(lineStart, last.offset);
  if (!/^[ \t]*$/.test(indent)) return null;
  const end = last.offset + last.length;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  const rest = text.slice(end, lineEnd);
  if (!/^[ \t]*,?[ \t]*(\/\/.*|\/\*.*\*\/[ \t]*)?$/.test(rest)) return null;
  const trailingComma = rest.trimStart().startsWith(',');
  const eol = formatting.eol ?? '\n';
  const block = properties
    .map(([key, value]) => {
      const json = JSON.stringify(value, null, indentUnit(formatting)).split('\n').join(`${eol}${indent}`);
      return `${indent}${JSON.stringify(key)}: ${json}`;
    })
    .join(`,${eol}`);
  return `${text.slice(0, end)}${trailingComma ? '' : ','}${rest}${eol}${block}${trailingComma ? ',' : ''}${text.slice(lineEnd)}`;
}

function equalGlobs(value: unknown, globs: readonly string[]): boolean {
  return Array.isArray(value) && value.length === globs.length && value.every((v, i) => v === globs[i]);
}
