import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, runOkr, tempDir, writeFiles } from '../helpers.js';
import { okrRepo, teamYaml } from './okr-repo.js';

/**
 * A folder with a `git` that records each run's arguments, then runs the real git: what okr asks
 * of git, counted without changing what git does.
 */
function recordingGit(): { bin: string; calls: () => string[][] } {
  const bin = tempDir('okr-gitlog-');
  const log = join(bin, 'calls.log');
  const real = execPathOfGit();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nexec "${real}" "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return {
    bin,
    calls: () => {
      try {
        return readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' '));
      } catch {
        return [];
      }
    },
  };
}

function execPathOfGit(): string {
  const dirs = (process.env.PATH ?? '').split(':');
  for (const dir of dirs) {
    try {
      readFileSync(join(dir, 'git'));
      return join(dir, 'git');
    } catch {}
  }
  throw new Error('git not found on PATH');
}

/** 25 team files, changed one by one over 25 more commits. */
function busyRepo(): string {
  const files: Record<string, string> = {};
  for (let t = 0; t < 25; t++) files[`okrs/team-${t}.yaml`] = teamYaml().replaceAll('checkout', `team-${t}`);
  const dir = okrRepo(files, '2026-10-01T12:00:00Z');
  for (let t = 0; t < 25; t++) {
    writeFiles(dir, {
      [`okrs/team-${t}.yaml`]: teamYaml({ current: 2.6 }).replaceAll('checkout', `team-${t}`),
    });
    commitAll(dir, `check-in ${t}`, `2026-10-${String(2 + (t % 20)).padStart(2, '0')}T12:00:00Z`);
  }
  return dir;
}

describe('git is read in batches', () => {
  it('runs one git log and one cat-file --batch whatever the number of files and commits', () => {
    const dir = busyRepo();
    const base = git(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    for (const args of [
      ['diff', base, 'HEAD', '--format', 'json'],
      ['history', 'team-7/conversion', '--format', 'json'],
      ['check', '--base', base, '--as-of', '2026-11-20'],
    ]) {
      const recorder = recordingGit();
      const r = runOkr(args, { cwd: dir, env: { PATH: `${recorder.bin}:${process.env.PATH}` } });
      expect(r.stderr).toBe('');
      const calls = recorder.calls();
      const named = (sub: string) => calls.filter((c) => c.includes(sub)).length;
      expect(named('cat-file'), args.join(' ')).toBe(1);
      // The OKR files' history in one log; check --base reads the range's work trailers (for
      // unknown-work-ref) in one log more, over BASE..HEAD.
      const logs = calls.filter((c) => c.includes('log'));
      const trailerLogs = logs.filter((c) => c.some((a) => a.includes('%(trailers:')));
      expect(logs.length - trailerLogs.length, args.join(' ')).toBeLessThanOrEqual(1);
      expect(trailerLogs.length, args.join(' ')).toBe(args[0] === 'check' ? 1 : 0);
      expect(named('show'), args.join(' ')).toBe(0);
      // A handful of ordinary calls (rev-parse, ls-tree, merge-base), never one per file or commit.
      expect(calls.length, args.join(' ')).toBeLessThan(12);
    }
  });

  it('reads from git no blob whose text the working tree has', () => {
    const run = (dir: string, args: string[]) => {
      const recorder = recordingGit();
      const r = runOkr(args, { cwd: dir, env: { PATH: `${recorder.bin}:${process.env.PATH}` } });
      expect(r.stderr, args.join(' ')).toBe('');
      return recorder.calls();
    };
    // The history of stale-kr: one commit, whose files are the working tree's.
    const single = okrRepo({ 'okrs/checkout.yaml': teamYaml() });
    const check = run(single, ['check', '--as-of', '2026-11-20']);
    expect(check.filter((c) => c.includes('log'))).toHaveLength(1);
    expect(check.filter((c) => c.includes('cat-file'))).toEqual([]);
    // A history git log listed proves the repository; whether it is shallow is read from .git.
    expect(check.filter((c) => c[0] === 'rev-parse')).toEqual([]);
    // A diff against HEAD of a clean working tree: the base's files are the working tree's, and so
    // are those of the one commit of its history (read for stale-kr on both sides).
    const diffSingle = run(single, ['diff', 'HEAD', '--format', 'json']);
    expect(diffSingle.filter((c) => c.includes('ls-tree'))).toHaveLength(1);
    expect(diffSingle.filter((c) => c.includes('cat-file'))).toEqual([]);
    // With a longer history, its older values are read, through one batch, for both sides at once.
    const busy = busyRepo();
    const diff = run(busy, ['diff', 'HEAD', '--format', 'json']);
    expect(diff.filter((c) => c.includes('ls-tree'))).toHaveLength(1);
    expect(diff.filter((c) => c.includes('cat-file'))).toHaveLength(1);
    expect(diff.filter((c) => c.includes('log'))).toHaveLength(1);
  });
});
