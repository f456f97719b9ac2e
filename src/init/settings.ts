import {
  applyEdits,
  type FormattingOptions,
  modify,
  type ParseError,
  parse,
  printParseErrorCode,
} from 'jsonc-parser';

/** What merging okr's schema mappings into VS Code settings came to. */
export type SettingsMerge =
  | { kind: 'unchanged' }
  | { kind: 'merged'; text: string; added: string[] }
  | { kind: 'invalid'; message: string; line: number; column: number };

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

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
      ...position(text, error.offset),
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
  const options = { formattingOptions: formattingOf(text) };
  let merged = empty ? '{}' : text;
  const added: string[] = [];
  for (const [location, globs] of mappings) {
    const file = location.slice(location.lastIndexOf('/') + 1);
    const mapped = Object.keys(current ?? {}).filter((key) => key === location || key.endsWith(`/${file}`));
    if (mapped.length > 0 && !replace) continue;
    if (mapped.length === 1 && mapped[0] === location && equalGlobs(current?.[location], globs)) continue;
    for (const key of mapped)
      if (key !== location)
        merged = applyEdits(merged, modify(merged, ['yaml.schemas', key], undefined, options));
    merged = applyEdits(merged, modify(merged, ['yaml.schemas', location], globs, options));
    added.push(location);
  }
  if (added.length === 0) return { kind: 'unchanged' };
  if (empty) merged += options.formattingOptions.eol;
  return { kind: 'merged', text: merged, added };
}

function equalGlobs(value: unknown, globs: readonly string[]): boolean {
  return Array.isArray(value) && value.length === globs.length && value.every((v, i) => v === globs[i]);
}
