// npm's `version` script: after `npm version` has set the new version in package.json, writes it
// wherever a file names a release:
// - every schema's `$id`, the address of that schema as published with the release's tag, so that
//   an editor or a validator that caches schemas by `$id` never mixes two versions of one;
// - the documentation's `okr-cli/okr@vX.Y.Z` (the Action) and `okr-cli/okr/vX.Y.Z/` (files at a tag).
// npm then commits these files with package.json (`git add` in package.json's script).
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function rewrite(file, edit) {
  const text = readFileSync(file, 'utf8');
  const updated = edit(text);
  if (updated === text) return;
  writeFileSync(`${file}.tmp`, updated);
  renameSync(`${file}.tmp`, file);
}

const schemas = join(root, 'schemas');
for (const name of readdirSync(schemas).filter((f) => f.endsWith('.schema.json'))) {
  const id = `https://raw.githubusercontent.com/okr-cli/okr/v${version}/schemas/${name}`;
  rewrite(join(schemas, name), (text) => text.replace(/("\$id":\s*)"[^"]*"/, `$1${JSON.stringify(id)}`));
}

const docs = ['README.md', ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(md|ya?ml)$/.test(f))
  .map((f) => join('docs', f))];
for (const doc of docs)
  rewrite(join(root, doc), (text) =>
    text
      .replace(/okr-cli\/okr@v\d+\.\d+\.\d+[\w.-]*/g, `okr-cli/okr@v${version}`)
      .replace(/okr-cli\/okr\/v\d+\.\d+\.\d+[\w.-]*\//g, `okr-cli/okr/v${version}/`)
      .replace(/^(\s*rev: )v\d+\.\d+\.\d+[\w.-]*$/gm, `$1v${version}`),
  );
