import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../bench/generate.js';
import { runOkr, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-20'];

/** 250 teams (over 250 files, enough for a worker thread), some with problems of every kind. */
function bigOrg(): string {
  const dir = tempDir('okr-threads-');
  generateOrg(dir, { teams: 250 });
  const edit = (name: string, change: (text: string) => string) => {
    const file = join(dir, 'okrs', 'teams', name);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };
  // A schema problem, a YAML problem, a file only the full parser reads, and a missing parent.
  edit('team-7.yaml', (t) => t.replace('title:', 'tilte:'));
  edit('team-120.yaml', (t) => `${t}  - id: [unclosed\n`);
  edit('team-200.yaml', (t) => t.replaceAll('\n', '\r\n'));
  edit('team-240.yaml', (t) => t.replace(/parent: \S+/, 'parent: nowhere/at-all'));
  return dir;
}

/** The entries of a cache of loaded files, by key. */
function cacheEntries(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return (JSON.parse(text.slice(text.indexOf('\n') + 1)) as { entries: Record<string, unknown> }).entries;
}

describe('loading many files in a worker thread', () => {
  it('gives the same diagnostics, status and cache as loading them all in the main thread', () => {
    const dir = bigOrg();
    const threaded = (args: string[], cache: string) =>
      runOkr([...AS_OF, '--cache-location', cache, ...args], {
        cwd: dir,
        env: { OKR_THREADS: '2', DEBUG: 'okr' },
      });
    const single = (args: string[], cache: string) =>
      runOkr([...AS_OF, '--cache-location', cache, ...args], {
        cwd: dir,
        env: { OKR_THREADS: '1', DEBUG: 'okr' },
      });

    const check = threaded(['check', '--format', 'json'], 'cache-a');
    // The worker took part: it loaded a share of the files.
    const [, loaded, total] = /okr: (\d+) of (\d+) files loaded in a worker thread/.exec(check.stderr) ?? [];
    expect(Number(loaded)).toBeGreaterThan(50);
    expect(Number(total)).toBeGreaterThan(250);
    const alone = single(['check', '--format', 'json'], 'cache-b');
    expect(alone.stderr).not.toMatch(/worker thread/);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toEqual(JSON.parse(alone.stdout));
    const problems = (JSON.parse(check.stdout) as { problems: { ruleId: string }[] }).problems;
    expect([...new Set(problems.map((p) => p.ruleId))]).toEqual(
      expect.arrayContaining(['schema', 'yaml-syntax', 'unresolved-parent', 'stale-kr']),
    );

    // What the worker loaded was cached exactly as the main thread caches it.
    expect(cacheEntries(join(dir, 'cache-a', 'files.json'))).toEqual(
      cacheEntries(join(dir, 'cache-b', 'files.json')),
    );

    const status = (run: typeof threaded) =>
      run(['--no-cache', 'status', '--format', 'json', '--owner', 'company,team-7,team-240'], 'unused');
    const a = status(threaded);
    const b = status(single);
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as { objectives: unknown[] }).objectives.length).toBeGreaterThan(3);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
});
