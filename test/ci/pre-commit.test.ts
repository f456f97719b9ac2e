import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitInit, REPO_ROOT, tempDir, writeFiles } from '../helpers.js';

// pre-commit installs a `language: node` hook from the hook's repository at a tag: it clones it,
// runs `npm install` there (which builds okr: dist/ is not committed), `npm pack`, reading the
// tarball's name from its stdout, and installs that tarball. This test does all of that with the
// real pre-commit, from a repository holding this checkout's HEAD.

const GOOD = `owner: company
cycle: 2026
objectives:
  - id: grow
    title: Grow revenue with our merchants across Europe
    key_results:
      - id: revenue
        title: Raise yearly revenue
        progress: 0.5
`;
const BROKEN = GOOD.replace('cycle: 2026', 'cycle: 2026-Q9');

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 900_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** pre-commit of the given major version in a new virtual environment, or why there is none. */
function installPreCommit(major: 3 | 4): { bin: string } | { missing: string } {
  const venv = join(tempDir('okr-venv-'), 'venv');
  const made = run('python3', ['-m', 'venv', venv], REPO_ROOT);
  if (made.code !== 0) return { missing: `python3 -m venv failed: ${made.out.trim()}` };
  const pip = run(
    join(venv, 'bin', 'pip'),
    // One retry: where the public index cannot be reached, pip's default five retries with back-off
    // spend over a minute per run before it settles for the indexes that answer.
    ['install', '--quiet', '--retries', '1', `pre-commit>=${major},<${major + 1}`],
    REPO_ROOT,
  );
  if (pip.code === 0) return { bin: join(venv, 'bin', 'pre-commit') };
  // Debian packages pre-commit 3 (.ci/run installs it where the index has no 3.x).
  const system = run('/usr/bin/pre-commit', ['--version'], REPO_ROOT);
  if (system.code === 0 && new RegExp(`^pre-commit ${major}\\.`).test(system.out.trim()))
    return { bin: '/usr/bin/pre-commit' };
  return {
    missing: `pre-commit ${major} cannot be installed from the Python package index here (PyPI is not reachable), and /usr/bin/pre-commit is not ${major}.x: ${pip.out.trim().split('\n').slice(-1)[0]}`,
  };
}

/** A repository holding this checkout's HEAD, tagged v-test: what `repo:` and `rev:` name. */
function hookRepository(): string {
  const bare = join(tempDir('okr-hook-repo-'), 'okr.git');
  git(REPO_ROOT, ['clone', '-q', '--bare', REPO_ROOT, bare]);
  git(bare, ['tag', 'v-test', 'HEAD']);
  return bare;
}

describe.each([3, 4] as const)('the pre-commit hook with pre-commit %i', (major) => {
  it('installs from a tag of this repository, fails on a broken OKR file and passes on a good one', (ctx) => {
    const preCommit = installPreCommit(major);
    if ('missing' in preCommit) {
      ctx.skip(preCommit.missing);
      return;
    }
    const repo = tempDir('okr-user-');
    gitInit(repo);
    writeFiles(repo, {
      '.pre-commit-config.yaml': `repos:
  - repo: ${hookRepository()}
    rev: v-test
    hooks:
      - id: okr-check
`,
      'okr.config.yaml': 'roots: [company]\n',
      'okrs/company.yaml': BROKEN,
    });
    git(repo, ['add', '-A']);
    // pre-commit's own cache, and npm's cache for the packages the hook installs.
    const env = {
      PRE_COMMIT_HOME: tempDir('okr-pre-commit-home-'),
      npm_config_prefer_offline: 'true',
    };
    const broken = run(preCommit.bin, ['run', '--all-files'], repo, env);
    expect(broken.out).toMatch(/okr check\.+Failed/);
    expect(broken.out).toContain('okrs/company.yaml');
    expect(broken.out).toContain('unknown-cycle');
    expect(broken.code).toBe(1);

    writeFileSync(join(repo, 'okrs', 'company.yaml'), GOOD);
    git(repo, ['add', '-A']);
    const good = run(preCommit.bin, ['run', '--all-files'], repo, env);
    expect(good.out).toMatch(/okr check\.+Passed/);
    expect(good.code).toBe(0);
  }, 900_000);
});
