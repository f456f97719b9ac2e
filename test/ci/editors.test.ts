import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runOkr } from '../helpers.js';

const doc = readFileSync(join(REPO_ROOT, 'docs', 'editors.md'), 'utf8');
const blocks = (lang: string) =>
  [...doc.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/**
 * A schema location of the docs, as a path in this repository: okr init's copies (.okr/schemas/),
 * a dev dependency's (node_modules/okr-cli/schemas/), or the file at this version's tag.
 */
const inRepo = (location: string) =>
  join(
    REPO_ROOT,
    location
      .replace(/^(\.\.\/)*(\.\/)?(\.okr|node_modules\/okr-cli)\/schemas\//, 'schemas/')
      .replace(`https://raw.githubusercontent.com/okr-cli/okr/v${VERSION}/`, ''),
  );

describe('docs/editors.md', () => {
  it("maps each kind of file to an existing schema in VS Code's yaml.schemas, as okr init does", () => {
    const settings = JSON.parse(blocks('json')[0]!) as { 'yaml.schemas': Record<string, string[]> };
    const schemas = settings['yaml.schemas'];
    for (const location of Object.keys(schemas)) expect(existsSync(inRepo(location)), location).toBe(true);
    expect(schemas['./.okr/schemas/okr-file.schema.json']).toEqual(
      expect.arrayContaining(['okrs/**/*.yaml', '!okrs/strategy.yaml']),
    );
    expect(schemas['./.okr/schemas/strategy.schema.json']).toEqual(['okrs/strategy.yaml']);
    expect(schemas['./.okr/schemas/config.schema.json']).toEqual(['okr.config.yaml']);
    const dir = makeProject({});
    expect(runOkr(['init', '--as-of', '2026-11-20'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8'))).toEqual(settings);
  });

  it('names existing schemas in its modelines, and okr check accepts files that carry them', () => {
    const modelines = [...doc.matchAll(/# yaml-language-server: \$schema=(\S+)/g)].map((m) => m[1]!);
    expect(modelines.length).toBeGreaterThanOrEqual(4);
    for (const location of modelines) expect(existsSync(inRepo(location)), location).toBe(true);
    const configModeline = modelines.find((m) => m.includes('config.schema'))!;
    const dir = makeProject({
      'okr.config.yaml': `# yaml-language-server: $schema=${configModeline}\nroots: [checkout]\n`,
      'okrs/2026-Q4/checkout.yaml': `# yaml-language-server: $schema=${modelines[0]}
owner: checkout
cycle: 2026-Q4
objectives:
  - id: effortless-checkout
    title: Make checkout effortless for first-time buyers
    key_results:
      - id: conversion
        title: Raise first-purchase conversion
        start: 2.1
        target: 3.0
        current: 2.5
        checkins:
          - { date: 2026-11-10, value: 2.5 }
`,
    });
    const r = runOkr(['check', '--as-of', '2026-11-15'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
