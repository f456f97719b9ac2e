import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { packageCopy, REPO_ROOT, runOkr } from '../helpers.js';

const ACME = join(REPO_ROOT, 'examples', 'acme');
const ARGS = ['--as-of', '2026-11-20', 'status', '--format', 'json'];

function runCopy(dir: string, args: string[], env: Record<string, string> = {}) {
  const { NO_COLOR: _, FORCE_COLOR: __, ...rest } = process.env;
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'okr'), ...args], {
    cwd: ACME,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the code cache of the bundle', () => {
  it('is written by the build next to the bundle', () => {
    expect(existsSync(join(REPO_ROOT, 'dist', 'bundle', 'okr.cjs.cache'))).toBe(true);
  });

  it('when spoilt, missing or of another build, is not used: okr runs as with a fitting one', () => {
    const expected = runOkr(ARGS, { cwd: ACME });
    expect(expected.code).toBe(0);
    const dir = packageCopy();
    const cache = join(dir, 'dist', 'bundle', 'okr.cjs.cache');
    const spoilers: [string, () => void][] = [
      ['garbage', () => writeFileSync(cache, 'not a code cache at all\n'.repeat(1000))],
      ['empty', () => writeFileSync(cache, '')],
      [
        'of another script',
        () => writeFileSync(cache, new Script('(function () { return 1; })').createCachedData()),
      ],
      ['missing', () => rmSync(cache)],
    ];
    for (const [name, spoil] of spoilers) {
      spoil();
      const run = runCopy(dir, ARGS, { NO_COLOR: '1' });
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: '' });
      expect(run.stdout).toBe(expected.stdout);
    }
  });

  it('lets the bundle import ES-only packages (chalk, for colours), with or without a cache', () => {
    const dir = packageCopy();
    const withCache = runCopy(dir, ['--as-of', '2026-11-20', 'status'], { FORCE_COLOR: '1' });
    rmSync(join(dir, 'dist', 'bundle', 'okr.cjs.cache'));
    const without = runCopy(dir, ['--as-of', '2026-11-20', 'status'], { FORCE_COLOR: '1' });
    for (const run of [withCache, without]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('\u001b[');
    }
    expect(without.stdout).toBe(withCache.stdout);
  });
});
