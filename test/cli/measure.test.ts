import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, OKR_BIN, runOkr, tempDir, writeFiles } from '../helpers.js';
import { measureProject, okrFile, read, results, runOkrAsync } from './measure-run.js';

const METRICS = 'metrics/platform.json';

describe('okr measure: file sources', () => {
  it('records each value as okr checkin does, with source: measure, and leaves every other byte as it was', () => {
    const dir = measureProject(
      [
        { id: 'uptime', measure: `{ file: ${METRICS}, path: uptime.value }` },
        { id: 'deploys', measure: `{ file: ${METRICS}, path: deploys.2.count }` },
      ],
      { [METRICS]: '{"uptime": {"value": 99.5}, "deploys": [{"count": 1}, {"count": 2}, {"count": 37}]}\n' },
    );
    const r = runOkr(['measure', '--date', '2026-11-20'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Table: KR, old → new (start 0 stands for an unset current), source, what was done.
    expect(r.stdout).toContain('stable/uptime   0 → 99.5  file    recorded');
    expect(r.stdout).toContain('stable/deploys  0 → 37    file    recorded');
    expect(r.stdout).toContain('2 values recorded on 2026-11-20');
    expect(read(dir, 'okrs/platform.yaml')).toBe(
      okrFile([
        {
          id: 'uptime',
          fields: 'start: 0\ntarget: 100\ncurrent: 99.5',
          measure: `{ file: ${METRICS}, path: uptime.value }`,
          after: 'checkins:\n  - { date: 2026-11-20, value: 99.5, source: measure }',
        },
        {
          id: 'deploys',
          fields: 'start: 0\ntarget: 100\ncurrent: 37',
          measure: `{ file: ${METRICS}, path: deploys.2.count }`,
          after: 'checkins:\n  - { date: 2026-11-20, value: 37, source: measure }',
        },
      ]),
    );
    // The file is valid after the write: source: measure is part of the check-in schema.
    const check = runOkr(['check', '--as-of', '2026-11-20', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout).problems).toEqual([]);
  });

  it('names each failing file measure with its KR and reason, leaves a file whose only KR failed byte for byte, records the others', () => {
    const failing = okrFile([{ id: 'gone', measure: '{ file: metrics/none.json, path: a }' }], 'solo');
    const dir = makeProject({
      'okrs/platform.yaml': okrFile([
        { id: 'good', measure: `{ file: ${METRICS}, path: good }` },
        { id: 'nopath', measure: `{ file: ${METRICS}, path: missing.deep }` },
        { id: 'text', measure: `{ file: ${METRICS}, path: text }` },
        { id: 'nan', measure: '{ file: metrics/nan.yaml, path: value }' },
        { id: 'link', measure: '{ file: metrics/link.json, path: value }' },
        { id: 'up', measure: '{ file: ../outside.json, path: value }' },
        { id: 'abs', measure: '{ file: /etc/hostname, path: value }' },
        { id: 'also', measure: `{ file: ${METRICS}, path: also }` },
      ]),
      'okrs/solo.yaml': failing,
      [METRICS]: '{"good": 12, "text": "12", "also": 5}\n',
      'metrics/nan.yaml': 'value: .nan\n',
    });
    const outside = tempDir('okr-outside-');
    writeFileSync(join(outside, 'secret.json'), '{"value": 1}\n');
    writeFileSync(join(dir, '..', 'outside.json'), '{"value": 1}\n');
    symlinkSync(join(outside, 'secret.json'), join(dir, 'metrics', 'link.json'));
    const r = runOkr(['measure', '--date', '2026-11-20'], { cwd: dir });
    expect(r.code).toBe(1);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toEqual([
      'okr: "stable/nopath": path "missing" is missing in file "metrics/platform.json"',
      'okr: "stable/text": path "text" in file "metrics/platform.json" is the string "12", not a finite number',
      'okr: "stable/nan": path "value" in file "metrics/nan.yaml" is NaN, not a finite number',
      'okr: "stable/link": file "metrics/link.json" is a link to a place outside the repository; okr reads only files inside it',
      'okr: "stable/up": file "../outside.json" goes out of the repository with ".."; give a path inside it',
      'okr: "stable/abs": file "/etc/hostname" is an absolute path; give a path relative to the root',
      'okr: "solo/gone": file "metrics/none.json" is missing',
    ]);
    expect(read(dir, 'okrs/solo.yaml')).toBe(failing);
    // Only good and also changed: their current and one check-in each.
    const recorded = (id: string, value: number) => ({
      id,
      fields: `start: 0\ntarget: 100\ncurrent: ${value}`,
      measure: `{ file: ${METRICS}, path: ${id} }`,
      after: `checkins:\n  - { date: 2026-11-20, value: ${value}, source: measure }`,
    });
    expect(read(dir, 'okrs/platform.yaml')).toBe(
      okrFile([
        recorded('good', 12),
        { id: 'nopath', measure: `{ file: ${METRICS}, path: missing.deep }` },
        { id: 'text', measure: `{ file: ${METRICS}, path: text }` },
        { id: 'nan', measure: '{ file: metrics/nan.yaml, path: value }' },
        { id: 'link', measure: '{ file: metrics/link.json, path: value }' },
        { id: 'up', measure: '{ file: ../outside.json, path: value }' },
        { id: 'abs', measure: '{ file: /etc/hostname, path: value }' },
        recorded('also', 5),
      ]),
    );
    expect(r.stdout).toContain('2 values recorded on 2026-11-20, 7 failed');
  });

  it('--dry-run prints what it would record and writes nothing; -f json gives the results to scripts', () => {
    const dir = measureProject(
      [
        {
          id: 'uptime',
          measure: `{ file: ${METRICS}, path: v }`,
          fields: 'start: 0\ntarget: 100\ncurrent: 40',
        },
      ],
      {
        [METRICS]: '{"v": 60}\n',
      },
    );
    const before = read(dir, 'okrs/platform.yaml');
    const r = runOkr(['measure', '--dry-run', '-f', 'json', '--date', '2026-11-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      date: '2026-11-20',
      dryRun: true,
      results: [
        {
          kr: 'stable/uptime',
          file: 'okrs/platform.yaml',
          source: 'file',
          before: 40,
          value: 60,
          recorded: false,
          later: null,
          error: null,
        },
      ],
    });
    const text = runOkr(['measure', '--dry-run', '--date', '2026-11-20'], { cwd: dir });
    expect(text.stdout).toContain('stable/uptime  40 → 60  file    would record');
    expect(read(dir, 'okrs/platform.yaml')).toBe(before);
    expect(existsSync(join(dir, 'okrs/platform.yaml.lock'))).toBe(false);
  });

  it('measures only the objectives and KRs named, and refuses a name with no measure (exit 2)', () => {
    const dir = makeProject({
      'okrs/platform.yaml': okrFile([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }]),
      'okrs/other.yaml': okrFile([{ id: 'b', measure: `{ file: ${METRICS}, path: b }` }], 'other'),
      [METRICS]: '{"a": 1, "b": 2}\n',
    });
    const other = read(dir, 'okrs/other.yaml');
    const r = runOkr(['measure', 'stable/a', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect([...results(r.stdout).keys()]).toEqual(['stable/a']);
    expect(read(dir, 'okrs/other.yaml')).toBe(other);
    const unknown = runOkr(['measure', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('okr: "nope" names no objective or key result with a measure');
  });

  it('refuses to write in a closed file: exit 1 naming the file, which stays byte for byte', () => {
    const closed = okrFile([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }], 'stable', '2026-12-31');
    const dir = makeProject({ 'okrs/platform.yaml': closed, [METRICS]: '{"a": 1}\n' });
    const r = runOkr(['measure', 'stable', '--date', '2026-12-01'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('okr: okrs/platform.yaml is closed (closed: 2026-12-31)');
    expect(read(dir, 'okrs/platform.yaml')).toBe(closed);
    // Without names, the files of closed cycles are left out: their numbers are final.
    const all = runOkr(['measure'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toBe('no key result has a measure to read\n');
    expect(read(dir, 'okrs/platform.yaml')).toBe(closed);
  });

  it('8 runs in parallel on the same file lose no check-in: each takes the lock, reads the file again and writes once', async () => {
    const dir = measureProject([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }], {
      [METRICS]: '{"a": 7}\n',
    });
    const dates = Array.from({ length: 8 }, (_, i) => `2026-11-${String(10 + i)}`);
    const runs = await Promise.all(dates.map((d) => runOkrAsync(['measure', '--date', d], { cwd: dir })));
    for (const r of runs) expect(r.stderr).toBe('');
    const text = read(dir, 'okrs/platform.yaml');
    // One check-in per run: 8 lines "- { date: 2026-11-1x, value: 7, source: measure }", any order.
    const entries = [...text.matchAll(/- \{ date: (2026-11-\d\d), value: 7, source: measure \}/g)].map(
      (m) => m[1],
    );
    expect(entries.sort()).toEqual(dates);
    expect(text.match(/current: 7/g)).toHaveLength(1);
  });

  it('a measured KR is not stale while its measure succeeds: the check-in is its last update (stale-kr)', () => {
    const dir = measureProject(
      [
        {
          id: 'a',
          measure: `{ file: ${METRICS}, path: a }`,
          after: 'checkins:\n  - { date: 2026-10-01, value: 3 }',
        },
      ],
      { [METRICS]: '{"a": 9}\n' },
    );
    const stale = (asOf: string) =>
      (
        JSON.parse(runOkr(['check', '--as-of', asOf, '-f', 'json'], { cwd: dir }).stdout) as {
          problems: { ruleId: string }[];
        }
      ).problems.filter((p) => p.ruleId === 'stale-kr').length;
    // 2026-11-20 - 2026-10-01 = 50 days > 14: stale.
    expect(stale('2026-11-20')).toBe(1);
    expect(runOkr(['measure', '--date', '2026-11-18'], { cwd: dir }).code).toBe(0);
    // 2026-11-20 - 2026-11-18 = 2 days <= 14: not stale.
    expect(stale('2026-11-20')).toBe(0);
  });
});

describe('measure: in the schema', () => {
  const check = (measure: string, fields?: string) => {
    const dir = measureProject([{ id: 'a', measure, ...(fields ? { fields } : {}) }]);
    return runOkr(['check'], { cwd: dir });
  };

  it('refuses mixed sources, missing parts and a measure on a milestone, each with one message at file:line:column', () => {
    // The measure line of KR "a" is line 12 of the file: 8 lines of header, then id, title, start, target.
    const cases: [string, string | undefined, string][] = [
      [
        '{ file: m.json, command: [x] }',
        undefined,
        '12:9  error    "measure" mixes "file" and "command": a measure reads exactly one source, file + path, url + path, or command (+ path)',
      ],
      ['{ file: m.json }', undefined, '12:18  error    "measure" is missing "path"'],
      ['{ url: "https://example.com/x" }', undefined, '12:18  error    "measure" is missing "path"'],
      ['{ command: [] }', undefined, '12:29  error    "command" must not be empty'],
      [
        '{ url: "https://example.com/x", path: a, timeout: 500 }',
        undefined,
        '12:68  error    "timeout" must be <= 120, not 500',
      ],
      [
        '{ url: "ftp://x", path: a }',
        undefined,
        '12:25  error    "url" must be an http:// or https:// address',
      ],
      ['{ path: a }', undefined, '12:9  error    "measure" names no source'],
      [
        '{ file: m.json, path: a }',
        'done: false',
        '11:9  error    "measure" belongs to numeric (start + target) and threshold (target + keep) key results',
      ],
    ];
    for (const [measure, fields, expected] of cases) {
      const r = check(measure, fields);
      expect(r.code, measure).toBe(1);
      const lines = r.stdout.split('\n').filter((l) => l.includes(' error '));
      expect(lines, measure).toHaveLength(1);
      expect(lines[0], measure).toContain(`okrs/platform.yaml:${expected}`);
      expect(r.stderr, measure).not.toContain('    at ');
    }
  });
});

describe('okr config', () => {
  it('shows measure.allow, [file] by default and as the config lists it', () => {
    const dir = makeProject({});
    expect(JSON.parse(runOkr(['config', '-f', 'json'], { cwd: dir }).stdout).measure).toEqual({
      allow: ['file'],
    });
    writeFiles(dir, { 'okr.config.yaml': 'measure: { allow: [file, url] }\n' });
    expect(JSON.parse(runOkr(['config', '-f', 'json'], { cwd: dir }).stdout).measure).toEqual({
      allow: ['file', 'url'],
    });
    writeFiles(dir, { 'okr.config.yaml': 'measure: { allow: [shell] }\n' });
    const bad = runOkr(['config'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('okr.config.yaml:1:');
  });
});

describe('okr measure: the progress line', () => {
  // `script` (util-linux) runs okr on a pseudo-terminal, so that stderr is a TTY as in a shell.
  const onTerminal = (dir: string, env: Record<string, string | undefined>) => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(OKR_BIN)} measure --dry-run`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } as NodeJS.ProcessEnv,
    });
    return result.stdout;
  };

  it.runIf(spawnSync('script', ['--version']).status === 0)(
    'is drawn on stderr on a terminal and erased, not with TERM=dumb or NO_COLOR, never into a pipe',
    () => {
      const dir = measureProject([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }], {
        [METRICS]: '{"a": 2}\n',
      });
      expect(onTerminal(dir, { TERM: 'xterm' })).toContain(
        '\r\x1b[Kokr measure: read 1 of 1 sources\r\x1b[K',
      );
      expect(onTerminal(dir, { TERM: 'dumb' })).not.toContain('sources');
      expect(onTerminal(dir, { TERM: 'xterm', NO_COLOR: '1' })).not.toContain('sources');
      expect(runOkr(['measure', '--dry-run'], { cwd: dir }).stderr).toBe('');
    },
  );
});

describe('measure-unavailable and the results cache of okr check', () => {
  it('a measure file that appears or goes away is seen by the next check, though no OKR file changed', () => {
    const dir = measureProject([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }], {
      'node_modules/.keep': '',
    });
    const rules = () =>
      (
        JSON.parse(runOkr(['check', '-f', 'json'], { cwd: dir }).stdout) as { problems: { ruleId: string }[] }
      ).problems.map((p) => p.ruleId);
    expect(rules()).toEqual(['measure-unavailable']);
    expect(existsSync(join(dir, 'node_modules/.cache/okr'))).toBe(true);
    writeFiles(dir, { [METRICS]: '{"a": 1}\n' });
    expect(rules()).toEqual([]);
    rmSync(join(dir, METRICS));
    expect(rules()).toEqual(['measure-unavailable']);
  });

  it('a file whose objective or KR is no mapping is a schema error at its line, not a crash of the scan for measure files', () => {
    const dir = measureProject([{ id: 'a', measure: `{ file: ${METRICS}, path: a }` }], {
      'node_modules/.keep': '',
      'okrs/broken.yaml':
        'cycle: 2026-Q4\nowner: team\nobjectives:\n  - null\n  - id: b\n    title: Ship it\n    key_results: [null]\n',
    });
    for (const args of [
      ['check', '-f', 'json'],
      ['--no-cache', 'check', '-f', 'json'],
    ]) {
      const r = runOkr(args, { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const problems = (
        JSON.parse(r.stdout) as { problems: { ruleId: string; file: string; line: number }[] }
      ).problems;
      expect(
        problems.filter((p) => p.file === 'okrs/broken.yaml' && p.ruleId === 'schema').map((p) => p.line),
      ).toContain(4);
      expect(problems.map((p) => p.ruleId)).toContain('measure-unavailable');
    }
  });
});
