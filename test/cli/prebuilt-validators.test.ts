import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, tempDir } from '../helpers.js';

/** A copy of the built package (bin, dist, schemas), using this checkout's node_modules. */
function copyPackage(): string {
  const dir = tempDir('okr-package-');
  for (const part of ['bin', 'dist', 'schemas', 'package.json'])
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs a package's okr check, with node telling on stderr which CommonJS modules it loads. */
function check(packageDir: string, cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_DEBUG: 'module' };
  const r = spawnSync(process.execPath, [join(packageDir, 'bin', 'okr'), 'check', '--no-cache'], {
    cwd,
    env,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, loadsAjv: /Module\._load REQUEST ajv\b/.test(r.stderr) };
}

const OKRS = {
  'okrs/team.yaml':
    'owner: payments\ncycle: 2026-Q4\nobjectives:\n  - id: fast-checkout\n    title: Make checkout effortless for buyers\n    key_results:\n      - id: judged\n        title: Buyers find checkout effortless\n        progress: 0.5\n',
};

describe('validators compiled at build time', () => {
  it('are used as long as the schema is the one they were built from; an edited schema is compiled', () => {
    const project = makeProject(OKRS);
    const built = copyPackage();
    const fresh = check(built, project);
    expect(fresh.stdout).not.toContain('owner');
    expect(fresh.loadsAjv).toBe(false);

    // A schema edited after the build (an owner of at most 4 characters) is not the prebuilt one's.
    const schemaFile = join(built, 'schemas', 'okr-file.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    schema.properties.owner.maxLength = 4;
    writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
    const edited = check(built, project);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('"owner" must NOT have more than 4 characters');
    expect(edited.loadsAjv).toBe(true);
  });
});
