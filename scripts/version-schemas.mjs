// npm's `version` script: after `npm version` has set the new version in package.json, writes it
// into every schema's `$id`, the address of that schema as published with the release's tag, so
// that an editor or a validator that caches schemas by `$id` never mixes two versions of one.
// npm then commits the schemas with package.json (`git add schemas` in package.json's script).
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = join(root, 'schemas');
for (const name of readdirSync(folder).filter((f) => f.endsWith('.schema.json'))) {
  const file = join(folder, name);
  const text = readFileSync(file, 'utf8');
  const id = `https://raw.githubusercontent.com/okr-cli/okr/v${version}/schemas/${name}`;
  const updated = text.replace(/("\$id":\s*)"[^"]*"/, `$1${JSON.stringify(id)}`);
  if (updated === text) continue;
  writeFileSync(`${file}.tmp`, updated);
  renameSync(`${file}.tmp`, file);
}
