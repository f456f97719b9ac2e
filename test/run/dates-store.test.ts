import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, commitAll, gitInit, makeProject, runOkr, tempDir, writeFiles } from '../helpers.js';

// The dates `okr status` reads from git to judge staleness are kept in the cache store, keyed by the
// git state: a warm status runs no git process at all. Git runs are counted with a stand-in `git`
// first on the PATH that appends its arguments to a file and then runs the real git (which does all
// the work: nothing of git is imitated).

const AS_OF = ['--as-of', '2026-11-15'];

/** A folder holding a `git` that logs each run to `log` and hands it to the real one. */
function countingGit(log: string): string {
  const bin = tempDir('okr-git-wrapper-');
  const real = process.env
    .PATH!.split(':')
    .map((dir) => join(dir, 'git'))
    .find((path) => {
      try {
        readFileSync(path);
        return true;
      } catch {
        return false;
      }
    })!;
  const script = join(bin, 'git');
  writeFileSync(script, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(script, 0o755);
  return bin;
}

function runs(log: string): number {
  try {
    return readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

describe('the git dates kept in the store', () => {
  const setup = () => {
    const dir = makeProject({ 'node_modules/.package-lock.json': '{}\n', 'okrs/company.yaml': COMPANY_YAML });
    gitInit(dir);
    commitAll(dir, 'okrs', '2026-10-01T12:00:00Z');
    const log = join(tempDir(), 'git-runs.log');
    const env = { PATH: `${countingGit(log)}:${process.env.PATH}` };
    const status = (...extra: string[]) =>
      runOkr([...AS_OF, ...extra, 'status', '--format', 'json'], { cwd: dir, env });
    return { dir, log, status };
  };

  it('lets a warm okr status run no git process, with the same output', () => {
    const { log, status } = setup();
    const cold = status();
    expect(cold.code).toBe(0);
    const coldRuns = runs(log);
    // The cold run asks git (at least its log of the OKR files).
    expect(coldRuns).toBeGreaterThan(0);
    const warm = status();
    expect(runs(log)).toBe(coldRuns);
    expect(warm).toEqual(cold);
    expect(warm).toEqual(status('--no-cache'));
  });

  it('is read again from git after a new commit', () => {
    const { dir, log, status } = setup();
    const before = status();
    const coldRuns = runs(log);
    writeFiles(dir, { 'okrs/company.yaml': COMPANY_YAML.replace(/current: \S+/, 'current: 1') });
    commitAll(dir, 'new value', '2026-11-10T12:00:00Z');
    const committed = runs(log);
    const after = status();
    // The new commit changed HEAD's branch: the stored dates no longer apply and git runs again.
    expect(runs(log)).toBeGreaterThan(committed);
    expect(after).toEqual(status('--no-cache'));
    expect(after.stdout).not.toEqual(before.stdout);
    expect(coldRuns).toBeGreaterThan(0);
  });
});
