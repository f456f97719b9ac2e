import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers.js';

const SCHEMAS = ['okr-file', 'strategy', 'config'];
const load = (name: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8'));

/** Every entry of every `properties` object in a schema, with its JSON pointer. */
function properties(node: unknown, pointer = '#'): { pointer: string; schema: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return [];
  const found: { pointer: string; schema: Record<string, unknown> }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object')
      for (const [name, schema] of Object.entries(value))
        found.push({ pointer: `${pointer}/properties/${name}`, schema: schema as Record<string, unknown> });
    found.push(...properties(value, `${pointer}/${key}`));
  }
  return found;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('JSON Schemas for editors', () => {
  it.each(SCHEMAS)('%s: draft-07, and every property has a description', (name) => {
    const schema = load(name);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(3);
    const undocumented = props.filter((p) => {
      // A property that only points at a definition takes its description from there.
      const ref = p.schema.$ref as string | undefined;
      return typeof p.schema.description !== 'string' || (p.schema.description as string).length < 5
        ? !ref
        : false;
    });
    expect(undocumented.map((p) => p.pointer)).toEqual([]);
  });

  it('a stock ajv validates the example company with them, as an editor would', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const okrFile = ajv.compile(load('okr-file'));
    const strategy = ajv.compile(load('strategy'));
    const config = ajv.compile(load('config'));
    const root = join(REPO_ROOT, 'examples', 'acme');
    const files = yamlFiles(join(root, 'okrs'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const validate = file.endsWith('strategy.yaml') ? strategy : okrFile;
      expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
    expect(config(parse(readFileSync(join(root, 'okr.config.yaml'), 'utf8')))).toBe(true);
  });

  it('the schema rejects a key result that mixes two measures', () => {
    const validate = new Ajv({ strict: false }).compile(load('okr-file'));
    const file = (kr: object) => ({
      owner: 'a',
      cycle: '2026',
      objectives: [{ id: 'o', title: 'T', key_results: [{ id: 'k', title: 'K', ...kr }] }],
    });
    expect(validate(file({ start: 1, target: 2 }))).toBe(true);
    expect(validate(file({ start: 1, target: 2, done: true }))).toBe(false);
    expect(validate(file({ target: 2 }))).toBe(false);
    expect(validate(file({ progress: 0.5, keep: 'below' }))).toBe(false);
  });
});
