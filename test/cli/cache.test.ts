import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/checksum.js';
import { COMPANY_YAML, makeProject, runOkr, writeFiles } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-15'];
const CACHE_FILE = join('node_modules', '.cache', 'okr', 'files.json');

const FILES = {
  // The default cache goes into the root's node_modules only when there is one.
  'node_modules/.package-lock.json': '{}\n',
  'okrs/company.yaml': COMPANY_YAML,
  'okrs/teams/checkout.yaml': `owner: checkout
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
    key_results:
      - id: p95
        title: Keep p95 latency low
        target: 300
        keep: below
        current: 280
`,
  // A file only the full YAML parser reads, with a problem located by its Document.
  'okrs/teams/payments.yaml': `owner: payments\r\ncycle: 2026-Q4\r\nobjectives:\r\n  - id: wallets\r\n    title: Offer the wallets our buyers use\r\n    parent: grow/nowhere\r\n    key_results:\r\n      - id: eu\r\n        title: Wallets live in the EU\r\n        done: false\r\n`,
};

function check(cwd: string, ...extra: string[]) {
  return runOkr([...AS_OF, ...extra, 'check', '--format', 'json'], { cwd });
}

/** The cache file's body, and a writer that stores a changed body with a valid checksum. */
function readCache(dir: string, file = join(dir, CACHE_FILE)) {
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('\n') + 1);
  return {
    text,
    body: JSON.parse(body) as {
      /** okr's version and a hash of its loader and schema, a NUL between. */
      key: string;
      value: Record<string, { problems: { message: string }[] }>;
    },
    write(changed: unknown) {
      const json = JSON.stringify(changed);
      writeFileSync(file, `${checksum(Buffer.from(json))}\n${json}`);
    },
  };
}

/**
 * Removes okr check's cache of results (tested in result-cache.test.ts), which would otherwise answer
 * a check of unchanged files without reading the cache of loaded files at all.
 */
function dropResults(dir: string): void {
  rmSync(join(dir, 'node_modules', '.cache', 'okr', 'results.json'), { force: true });
}

/** Changes every cached problem message, so that output shows whether the cache was used. */
function tamper(dir: string, version?: string): void {
  const cache = readCache(dir);
  for (const entry of Object.values(cache.body.value)) for (const p of entry.problems) p.message = 'TAMPERED';
  if (version) cache.body.key = version + cache.body.key.slice(cache.body.key.indexOf('\0'));
  cache.write(cache.body);
  dropResults(dir);
}

describe('the cache of loaded files', () => {
  it('gives the same output warm as cold, for check and status', () => {
    const dir = makeProject(FILES);
    const cold = check(dir);
    expect(cold.code).toBe(1);
    expect(JSON.parse(cold.stdout).problems.length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
    const warm = check(dir);
    expect(warm).toEqual(cold);
    const statusCold = runOkr([...AS_OF, '--no-cache', 'status', '--format', 'json'], { cwd: dir });
    const statusWarm = runOkr([...AS_OF, 'status', '--format', 'json'], { cwd: dir });
    expect(statusWarm).toEqual(statusCold);
    // company's objective, checkout's second (the first has a schema error), payments'.
    expect(JSON.parse(statusWarm.stdout).objectives.map((o: { line: number }) => o.line)).toEqual([4, 13, 4]);
  });

  it('is used when it is whole and of this version', () => {
    const dir = makeProject(FILES);
    check(dir);
    tamper(dir);
    // What the cache says is what okr reports: the proof that a warm run reads neither YAML nor schema.
    expect(check(dir).stdout).toContain('TAMPERED');
  });

  it('reads a file again when it changes', () => {
    const dir = makeProject(FILES);
    const before = check(dir);
    writeFiles(dir, {
      'okrs/teams/checkout.yaml': FILES['okrs/teams/checkout.yaml'].replace('curent', 'current'),
    });
    const after = check(dir);
    const messages = (r: typeof before) =>
      JSON.parse(r.stdout).problems.map((p: { message: string }) => p.message);
    expect(messages(before).some((m: string) => m.includes('"curent"'))).toBe(true);
    expect(messages(after).some((m: string) => m.includes('"curent"'))).toBe(false);
    expect(after).toEqual(check(dir, '--no-cache'));
  });

  const corruptions: Record<string, (dir: string) => void> = {
    'garbage bytes': (dir) =>
      writeFileSync(join(dir, CACHE_FILE), Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x42, 0x0a, 0x7b])),
    'truncated JSON': (dir) => {
      const { text } = readCache(dir);
      writeFileSync(join(dir, CACHE_FILE), text.slice(0, Math.floor(text.length / 2)));
    },
    'a changed body under the old checksum': (dir) => {
      const { text } = readCache(dir);
      writeFileSync(join(dir, CACHE_FILE), text.replace(/"message":"[^"]*"/, '"message":"TAMPERED"'));
    },
    'entries of the wrong structure': (dir) => {
      const cache = readCache(dir);
      const entries = Object.values(cache.body.value) as unknown as Record<string, unknown>[];
      entries.forEach((entry, i) => {
        if (i % 3 === 0) entry.problems = [{ message: 'TAMPERED' }];
        else if (i % 3 === 1) entry.ok = 'yes';
        else entry.data = 'TAMPERED';
      });
      cache.write(cache.body);
    },
    'a body that is not an object': (dir) => readCache(dir).write(['TAMPERED']),
  };

  for (const [name, corrupt] of Object.entries(corruptions))
    it(`ignores and rewrites a cache with ${name}`, () => {
      const dir = makeProject(FILES);
      const cold = check(dir);
      corrupt(dir);
      dropResults(dir);
      const after = check(dir);
      expect(after).toEqual(cold);
      expect(after.stdout).not.toContain('TAMPERED');
      // Rewritten whole: its checksum holds and it is used again.
      const { text } = readCache(dir);
      const body = text.slice(text.indexOf('\n') + 1);
      expect(checksum(Buffer.from(body))).toBe(text.slice(0, text.indexOf('\n')));
      expect(check(dir)).toEqual(cold);
    });

  it('does not use what another version of okr wrote', () => {
    const dir = makeProject(FILES);
    const cold = check(dir);
    tamper(dir, '0.0.0-another');
    expect(check(dir)).toEqual(cold);
    expect(readCache(dir).body.key.split('\0')[0]).not.toBe('0.0.0-another');
  });

  it('still succeeds when the cache cannot be written', () => {
    const dir = makeProject({ ...FILES, 'not-a-folder': 'a file where the cache folder would go\n' });
    const expected = check(dir, '--no-cache');
    const r = check(dir, '--cache-location', 'not-a-folder/okr');
    expect(r).toEqual(expected);
    expect(r.stderr).toBe('');
    const status = runOkr([...AS_OF, '--cache-location', 'not-a-folder/okr', 'status'], { cwd: dir });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('okrs/teams/checkout.yaml has 1 error');
  });

  it('writes nothing and reads nothing with --no-cache', () => {
    const dir = makeProject(FILES);
    const r = check(dir, '--no-cache');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'node_modules', '.cache'))).toBe(false);
    check(dir);
    tamper(dir);
    expect(check(dir, '--no-cache')).toEqual(r);
  });

  it('keeps the cache where --cache-location says, relative to the folder okr runs in', () => {
    const dir = makeProject({ ...FILES, 'okr.config.yaml': 'roots: [company]\n' });
    const r = runOkr(
      [...AS_OF, '-C', 'okrs', '--cache-location', '../.okrcache', 'check', '--format', 'json'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, '.okrcache', 'files.json'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', '.cache'))).toBe(false);
    expect(
      JSON.parse(readFileSync(join(dir, '.okrcache', 'files.json'), 'utf8').split('\n')[1]!).value,
    ).toBeTypeOf('object');
  });

  it('writes no cache into a repository without node_modules unless --cache-location asks', () => {
    const { 'node_modules/.package-lock.json': _, ...withoutModules } = FILES;
    const dir = makeProject(withoutModules);
    expect(check(dir).code).toBe(1);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it('keeps the default cache at the root, also with -C', () => {
    const dir = makeProject(FILES);
    writeFiles(dir, { 'okr.config.yaml': 'roots: [company]\n' });
    const r = runOkr([...AS_OF, '-C', 'okrs/teams', 'check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
    expect(existsSync(join(dir, 'okrs', 'teams', 'node_modules'))).toBe(false);
  });
});

describe('positions of problems found in files read from the cache', () => {
  const ITEMS = {
    'node_modules/.package-lock.json': '{}\n',
    'okrs/company.yaml': `${COMPANY_YAML}        checkins:
          - { date: "2026-10-01", value: 12 }
          - date: "2026-11-01"
            value: 15
      - id: launch
        title: Launch the partner portal
      - id: ship
        title: Ship the merchant app
        done: false
`,
    // Mappings inside flow sequences: items the fast path does not record.
    'okrs/teams/flow.yaml': `owner: flow
cycle: 2026-Q4
objectives:
  - id: flow
    title: Make the flow of payments visible to every merchant
    parent: grow/revenue
    key_results:
      - { id: seen, title: Show payments, checkins: [{ date: "2026-11-01", value: 1 }] }
      - id: launch
        title: Launch the payments dashboard
        checkins: [{ date: "2026-11-02", value: 2 }]
`,
  };
  const lines = (r: { stdout: string }) =>
    JSON.parse(r.stdout).problems.map((p: { file: string; line: number; ruleId: string }) => [
      p.file,
      p.ruleId,
      p.line,
    ]);

  it('are those of a cold run, and come from the stored item positions', () => {
    const dir = makeProject(ITEMS);
    const cold = check(dir, '--no-cache');
    expect(lines(cold).length).toBeGreaterThanOrEqual(3);
    check(dir);
    dropResults(dir);
    // Read from the cache, the rules' problems are placed as in a cold run.
    expect(check(dir)).toEqual(cold);

    // Moving the stored starts one character on shows that they are what places problems in
    // block-sequence items (the file's position index turns the offsets into lines and columns);
    // the file whose items hide in flow collections does not use them.
    const cache = readCache(dir);
    const entries = cache.body.value as unknown as Record<string, { itemSpans: number[] | null }>;
    for (const entry of Object.values(entries))
      entry.itemSpans = entry.itemSpans?.map((n, i) => (i % 2 === 0 ? n + 1 : n)) ?? null;
    cache.write(cache.body);
    dropResults(dir);
    const places = (r: { stdout: string }): [string, string, number, number][] =>
      JSON.parse(r.stdout).problems.map(
        (p: { file: string; line: number; column: number; ruleId: string }) => [
          p.file,
          p.ruleId,
          p.line,
          p.column,
        ],
      );
    const shifted = places(check(dir));
    const expected = places(cold);
    expect(shifted.filter(([file]) => file === 'okrs/teams/flow.yaml')).toEqual(
      expected.filter(([file]) => file === 'okrs/teams/flow.yaml'),
    );
    const company = (list: [string, string, number, number][]) =>
      list.filter(([file]) => file === 'okrs/company.yaml');
    expect(company(shifted).length).toBeGreaterThan(0);
    // Problems are sorted by position: compare as sets.
    const moved = company(expected).map(
      ([file, rule, line, column]) => `${file} ${rule} ${line}:${column + 1}`,
    );
    expect(
      company(shifted).some(([file, rule, line, column]) =>
        moved.includes(`${file} ${rule} ${line}:${column}`),
      ),
    ).toBe(true);
  });
});
