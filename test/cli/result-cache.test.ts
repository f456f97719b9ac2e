import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/checksum.js';
import {
  COMPANY_YAML,
  commitAll,
  gitInit,
  makeProject,
  packageCopy,
  runOkr,
  writeFiles,
} from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-15'];
const RESULTS = join('node_modules', '.cache', 'okr', 'results.json');

const TEAM = `owner: checkout
cycle: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless for first-time buyers
    parent: grow/revenue
    key_results:
      - id: conversion
        title: Raise first-purchase conversion
        start: 2.1
        target: 3.0
        curent: 2.5
  - id: speed
    title: Make checkout pages feel instant on mobile
    parent: grow/nowhere
    key_results:
      - id: p95
        title: Keep p95 latency low
        target: 300
        keep: below
        current: 280
`;

const FILES = {
  // The default cache goes into the root's node_modules only when there is one.
  'node_modules/.package-lock.json': '{}\n',
  '.gitignore': 'node_modules/\n',
  'okr.config.yaml': 'include:\n  - "okrs/**/*.yaml"\n',
  'okrs/strategy.yaml': 'themes:\n  - id: growth\n    title: Grow with our merchants\n',
  'okrs/company.yaml': COMPANY_YAML,
  'okrs/teams/checkout.yaml': TEAM,
};

function check(cwd: string, ...extra: string[]) {
  const [globals, local] = [extra.filter((a) => a === '--no-cache'), extra.filter((a) => a !== '--no-cache')];
  return runOkr([...AS_OF, ...globals, 'check', ...local], { cwd });
}

/** The stored results' body, and a writer that stores a changed body under a valid checksum. */
function readResults(dir: string) {
  const text = readFileSync(join(dir, RESULTS), 'utf8');
  const body = JSON.parse(text.slice(text.indexOf('\n') + 1)) as {
    key: string;
    value: { diagnostics: Record<string, unknown>[] };
  };
  return {
    text,
    body,
    write(changed: unknown) {
      const json = JSON.stringify(changed);
      writeFileSync(join(dir, RESULTS), `${checksum(Buffer.from(json))}\n${json}`);
    },
  };
}

/** Rewrites every stored message, so that the output shows whether the stored results were used. */
function tamper(dir: string): void {
  const results = readResults(dir);
  for (const d of results.body.value.diagnostics) d.message = 'TAMPERED';
  results.write(results.body);
}

/** A whole second, which file times keep exactly. */
const SECOND = 1_900_000_000;

/** The same file with new content of the same size, its modification time set back to SECOND. */
function editKeepingSizeAndTime(dir: string, path: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const file = join(dir, path);
  const before = statSync(file, { bigint: true });
  expect(before.mtimeNs).toBe(BigInt(SECOND) * 1_000_000_000n);
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  utimesSync(file, SECOND, SECOND);
  const after = statSync(file, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

describe("okr check's cache of results", () => {
  for (const format of ['stylish', 'json'])
    it(`gives exactly the cold output when warm, with ${format}`, () => {
      const dir = makeProject(FILES);
      const cold = check(dir, '--format', format);
      expect(cold.code).toBe(1);
      expect(cold.stdout).toContain('curent');
      expect(existsSync(join(dir, RESULTS))).toBe(true);
      const warm = check(dir, '--format', format);
      expect(warm).toEqual(cold);
      expect(warm).toEqual(check(dir, '--no-cache', '--format', format));
      // The warm run answered from the stored results: changing them changes its output.
      tamper(dir);
      expect(check(dir, '--format', format).stdout).toContain('TAMPERED');
    });

  it('keeps options that only select or print diagnostics out of the key', () => {
    const dir = makeProject(FILES);
    check(dir);
    tamper(dir);
    expect(check(dir, '--quiet', '--format', 'json').stdout).toContain('TAMPERED');
    expect(check(dir, 'okrs/teams').stdout).toContain('TAMPERED');
  });

  it('checks again a file edited to the same size and modification time', () => {
    const dir = makeProject(FILES);
    utimesSync(join(dir, 'okrs/teams/checkout.yaml'), SECOND, SECOND);
    const before = check(dir, '--format', 'json');
    editKeepingSizeAndTime(dir, 'okrs/teams/checkout.yaml', 'curent: 2.5', 'durent: 2.5');
    const after = check(dir, '--format', 'json');
    expect(after.stdout).toContain('durent');
    expect(after.stdout).not.toContain('curent');
    expect(after).toEqual(check(dir, '--no-cache', '--format', 'json'));
    expect(after).not.toEqual(before);
  });

  it('checks again a file edited to the same size with a newer time', () => {
    const dir = makeProject(FILES);
    check(dir);
    writeFiles(dir, { 'okrs/teams/checkout.yaml': TEAM.replace('grow/nowhere', 'grow/revenue') });
    const after = check(dir, '--format', 'json');
    expect(after.stdout).not.toContain('nowhere');
    expect(after).toEqual(check(dir, '--no-cache', '--format', 'json'));
  });

  it('gives the same output for a file touched but not changed', () => {
    const dir = makeProject(FILES);
    const before = check(dir, '--format', 'json');
    const file = join(dir, 'okrs/teams/checkout.yaml');
    utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(check(dir, '--format', 'json')).toEqual(before);
    expect(check(dir, '--format', 'json')).toEqual(before);
  });

  it('checks again when a file appears', () => {
    const dir = makeProject(FILES);
    check(dir);
    tamper(dir);
    writeFiles(dir, { 'okrs/teams/ops.yaml': TEAM.replace('owner: checkout', 'owner: ops') });
    const after = check(dir, '--format', 'json');
    expect(after.stdout).not.toContain('TAMPERED');
    expect(after.stdout).toContain('okrs/teams/ops.yaml');
  });

  it('checks again when okr.config.yaml, the strategy file or --as-of change', () => {
    const dir = makeProject(FILES);
    expect(check(dir, '--format', 'json').stdout).toContain('unresolved-parent');
    tamper(dir);
    writeFiles(dir, { 'okr.config.yaml': `${FILES['okr.config.yaml']}rules:\n  unresolved-parent: off\n` });
    const config = check(dir, '--format', 'json');
    expect(config.stderr).toBe('');
    expect(config.stdout).not.toContain('TAMPERED');
    expect(config.stdout).not.toContain('unresolved-parent');
    expect(config).toEqual(check(dir, '--no-cache', '--format', 'json'));

    expect(check(dir, '--format', 'json')).toEqual(config);
    tamper(dir);
    writeFiles(dir, { 'okrs/strategy.yaml': 'themes: 3\n' });
    const strategy = check(dir, '--format', 'json');
    expect(strategy.stderr).toBe('');
    expect(strategy.stdout).not.toContain('TAMPERED');
    expect(strategy.stdout).toContain('okrs/strategy.yaml');

    tamper(dir);
    const later = runOkr(['--as-of', '2026-11-16', 'check'], { cwd: dir });
    expect(later.stdout).not.toContain('TAMPERED');
    expect(later).toEqual(runOkr(['--as-of', '2026-11-16', '--no-cache', 'check'], { cwd: dir }));
  });

  it('neither reads nor writes the results with --no-cache', () => {
    const dir = makeProject(FILES);
    const uncached = check(dir, '--no-cache');
    expect(existsSync(join(dir, RESULTS))).toBe(false);
    check(dir);
    tamper(dir);
    const text = readFileSync(join(dir, RESULTS), 'utf8');
    expect(check(dir, '--no-cache')).toEqual(uncached);
    expect(readFileSync(join(dir, RESULTS), 'utf8')).toBe(text);
  });

  it('neither reads nor writes the results with --base', () => {
    const dir = makeProject(FILES);
    gitInit(dir);
    commitAll(dir, 'okrs');
    const cold = check(dir, '--base', 'HEAD', '--format', 'json');
    expect(existsSync(join(dir, RESULTS))).toBe(false);
    check(dir);
    tamper(dir);
    expect(check(dir, '--base', 'HEAD', '--format', 'json')).toEqual(cold);
  });

  const corruptions: Record<string, (dir: string) => void> = {
    'garbage bytes': (dir) => writeFileSync(join(dir, RESULTS), Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0x7b])),
    'truncated JSON': (dir) => {
      const { text } = readResults(dir);
      writeFileSync(join(dir, RESULTS), text.slice(0, Math.floor(text.length / 2)));
    },
    'a changed body under the old checksum': (dir) => {
      const { text } = readResults(dir);
      writeFileSync(join(dir, RESULTS), text.replace(/"message":"[^"]*"/g, '"message":"TAMPERED"'));
    },
    'diagnostics of the wrong structure': (dir) => {
      const results = readResults(dir);
      results.body.value.diagnostics.forEach((d, i) => {
        if (i % 2 === 0) d.line = 'TAMPERED';
        else d.severity = 'TAMPERED';
      });
      results.write(results.body);
    },
    'a body that is not an object': (dir) => readResults(dir).write(['TAMPERED']),
  };

  for (const [name, corrupt] of Object.entries(corruptions))
    it(`ignores and rewrites stored results with ${name}`, () => {
      const dir = makeProject(FILES);
      const cold = check(dir, '--format', 'json');
      corrupt(dir);
      const after = check(dir, '--format', 'json');
      expect(after).toEqual(cold);
      expect(after.stdout).not.toContain('TAMPERED');
      const { text } = readResults(dir);
      const body = text.slice(text.indexOf('\n') + 1);
      expect(checksum(Buffer.from(body))).toBe(text.slice(0, text.indexOf('\n')));
    });

  it('checks again when a new commit changes the dates of stale-kr, the files unchanged', () => {
    const dir = makeProject(FILES);
    gitInit(dir);
    commitAll(dir, 'okrs', '2026-10-01T12:00:00Z');
    // Edited, not committed: the value counts as changed on --as-of, so it is not stale.
    writeFiles(dir, {
      'okrs/company.yaml': FILES['okrs/company.yaml'].replace('current: 15', 'current: 16'),
    });
    const staleTargets = (r: { stdout: string }) =>
      (JSON.parse(r.stdout).problems as { ruleId: string; target: string }[])
        .filter((p) => p.ruleId === 'stale-kr')
        .map((p) => p.target);
    const before = runOkr(['--as-of', '2026-12-20', 'check', '--format', 'json'], { cwd: dir });
    expect(staleTargets(before)).not.toContain('grow/revenue');
    // Committed with an old date: the same files, but the value last changed on that day.
    commitAll(dir, 'check-in', '2026-10-02T12:00:00Z');
    const after = runOkr(['--as-of', '2026-12-20', 'check', '--format', 'json'], { cwd: dir });
    expect(staleTargets(after)).toContain('grow/revenue');
    expect(after).toEqual(
      runOkr(['--as-of', '2026-12-20', '--no-cache', 'check', '--format', 'json'], { cwd: dir }),
    );
  });
});

describe("okr check's cache of results across builds of okr", () => {
  /** Runs the okr of a package copy, its output whether the stored results were used. */
  const checkWith = (pkg: string, dir: string) =>
    spawnSync(process.execPath, [join(pkg, 'bin', 'okr'), ...AS_OF, 'check'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    }).stdout;

  it('checks again when the code okr runs or a schema changed, not for the modules the bundle replaces', () => {
    const pkg = packageCopy();
    const dir = makeProject(FILES);
    const cold = checkWith(pkg, dir);
    expect(cold).toContain('curent');
    let time = SECOND;
    const touch = (path: string) => {
      time += 10;
      utimesSync(join(pkg, path), time, time);
    };
    // Not in the bundle's key: the modules it was built from.
    tamper(dir);
    touch('dist/cli/main.js');
    expect(checkWith(pkg, dir)).toContain('TAMPERED');
    for (const path of [
      'dist/bundle/okr.cjs',
      'dist/validators/okr-file.cjs',
      'schemas/okr-file.schema.json',
    ]) {
      tamper(dir);
      expect(checkWith(pkg, dir)).toContain('TAMPERED');
      touch(path);
      expect({ path, output: checkWith(pkg, dir) }).toEqual({ path, output: cold });
    }
  });
});
