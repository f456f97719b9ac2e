// Build step, after tsc: compiles each JSON Schema into standalone validator code in dist/validators/, so that
// okr does not load ajv nor compile schemas at start-up. Each file records the text of the schema
// it was made from (a string compared at start-up costs less than loading node:crypto to hash it);
// okr compiles the schema itself when the schema file differs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS } from '../dist/validate/schema.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const name of ['okr-file', 'strategy', 'config']) {
  const text = readFileSync(join(root, 'schemas', `${name}.schema.json`));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  // ajv's one runtime helper is copied in: loading a validator then resolves no package.
  const code = standalone
    .default(ajv, ajv.compile(JSON.parse(text.toString('utf8'))))
    .replaceAll(ucs2length.default.code, `(${ucs2length.default.toString()})`);
  writeFileSync(join(out, `${name}.cjs`), `${code}\nmodule.exports.schemaText = ${JSON.stringify(text.toString('utf8'))};\n`);
}
