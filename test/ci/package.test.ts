import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, REPO_ROOT, tempDir } from '../helpers.js';

/** The budget of the package itself, unpacked (its dependencies aside). */
// Raised from 1 MB when close, rollover and their two rules came in (about 1.01 MB with them); the
// bundle, its compile cache and the validators are what grows with each command. Raised to 1.4 MB
// with measure, explain, agenda, grade, work and init --hooks (about 1.2 MB with them), leaving room
// for the compile cache to cover okr work's code too.
const UNPACKED_BUDGET = 1_400_000;

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below `dir`, as `/`-separated paths relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

let packDir: string;
let pack: ReturnType<typeof run>;
beforeAll(() => {
  packDir = tempDir('okr-pack-');
  pack = run('npm', ['pack', '--pack-destination', packDir], REPO_ROOT);
}, 300_000);

describe('the npm package', () => {
  it('npm pack prints only the tarball name on stdout', () => {
    expect(pack.code).toBe(0);
    expect(pack.stdout).toBe(`${pkg.name}-${pkg.version}.tgz\n`);
  });

  it(`ships only what runs, within ${UNPACKED_BUDGET / 1_000_000} MB unpacked`, () => {
    const unpacked = tempDir('okr-unpacked-');
    const tar = run(
      'tar',
      ['-xzf', join(packDir, `${pkg.name}-${pkg.version}.tgz`), '-C', unpacked],
      REPO_ROOT,
    );
    expect(tar.code).toBe(0);
    const root = join(unpacked, 'package');
    expect(filesBelow(root)).toEqual([
      'LICENSE',
      'README.md',
      'bin/okr',
      'bin/package.json',
      'dist/bundle/okr.cjs',
      'dist/bundle/okr.cjs.cache',
      'dist/validators/config.cjs',
      'dist/validators/okr-file.cjs',
      'dist/validators/strategy.cjs',
      'package.json',
      'schemas/config.schema.json',
      'schemas/okr-file.schema.json',
      'schemas/strategy.schema.json',
    ]);
    const size = filesBelow(root).reduce((sum, path) => sum + statSync(join(root, path)).size, 0);
    expect(size).toBeLessThan(UNPACKED_BUDGET);
  });

  it('names its repository, its bin okr, and needs ajv only to build', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ okr: 'bin/okr' });
    expect(manifest.repository.url).toBe('git+https://github.com/okr-cli/okr.git');
    expect(manifest.bugs.url).toBe('https://github.com/okr-cli/okr/issues');
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/okr-cli\/okr/);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['okr', 'okrs']));
    expect(Object.keys(pkg.dependencies)).not.toContain('ajv');
    expect(Object.keys(pkg.devDependencies)).toContain('ajv');
  });

  it('is installed by one command in every document', () => {
    const docs = [
      'README.md',
      ...readdirSync(join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.md'))
        .map((path) => join('docs', path)),
    ];
    const commands = docs.flatMap((doc) =>
      [
        ...readFileSync(join(REPO_ROOT, doc), 'utf8').matchAll(
          /\b(?:npm (?:install|i|add)|npx|pnpm|yarn)\b[^\n`]*\bokr\b[^\n`]*/g,
        ),
      ].map((m) => `${doc}: ${m[0].trim()}`),
    );
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const command of commands) expect(command).toMatch(/: npm install --global okr-cli$/);
  });

  it('has schema $ids that name this version', () => {
    for (const name of ['okr-file', 'strategy', 'config']) {
      const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(schema.$id).toBe(
        `https://raw.githubusercontent.com/okr-cli/okr/v${pkg.version}/schemas/${name}.schema.json`,
      );
    }
  });

  it('installed from its tarball into an empty prefix, sets up a repository on master that okr check passes', (ctx) => {
    const registry = run('npm', ['ping'], REPO_ROOT);
    if (registry.code !== 0)
      ctx.skip(
        `the npm registry cannot be reached (npm ping: ${registry.stderr.trim()}), so the tarball's dependencies cannot be installed`,
      );
    const prefix = tempDir('okr-prefix-');
    const install = run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        join(packDir, `${pkg.name}-${pkg.version}.tgz`),
      ],
      prefix,
      { npm_config_prefer_offline: 'true' },
    );
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    // The validators were compiled at build time: no ajv anywhere in the installed tree.
    expect(filesBelow(prefix).filter((path) => /\/node_modules\/ajv\//.test(path))).toEqual([]);
    const okr = join(prefix, 'bin', 'okr');
    expect(existsSync(okr)).toBe(true);

    const repo = tempDir('okr-user-');
    git(repo, ['init', '-q', '-b', 'master']);
    const init = run(okr, ['init', '--as-of', '2026-11-20'], repo);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created .okr/schemas/okr-file.schema.json\n');
    const workflow = readFileSync(join(repo, '.github/workflows/okr.yml'), 'utf8');
    expect(workflow).toContain('branches: ["master"]');
    expect(workflow).toContain(`- uses: okr-cli/okr@v${pkg.version}\n`);
    // The editor's schemas are copies in the repository, the same as the package's.
    for (const name of ['okr-file', 'strategy', 'config'])
      expect(readFileSync(join(repo, '.okr/schemas', `${name}.schema.json`), 'utf8')).toBe(
        readFileSync(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8'),
      );
    const check = run(okr, ['check', '--as-of', '2026-11-20'], repo);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    const version = run(okr, ['--version'], repo);
    expect(version.stdout).toBe(`${pkg.version}\n`);

    // A schema edited in the installed package has no prebuilt validator, and no ajv to compile it.
    const schema = join(prefix, 'lib', 'node_modules', pkg.name, 'schemas', 'okr-file.schema.json');
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}\n`);
    const broken = run(okr, ['check', '--as-of', '2026-11-20'], repo);
    expect(broken.code).toBe(2);
    expect(broken.stderr.split('\n')[0]).toBe(
      `okr: internal error: okr's schemas/okr-file.schema.json differs from the one its validator was built from, and ajv is not installed to compile it; reinstall okr, or run "npm run build" in a checkout of okr`,
    );
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
});
