import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffLines } from '../../src/edit/diff.js';
import { loadOkrSource } from '../../src/load/load.js';
import { makeProject, OKR_BIN, REPO_ROOT, type RunResult, runOkr } from '../helpers.js';

const FILE = 'okrs/2026-Q4/checkout.yaml';
const MESSY = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'checkin', 'messy.yaml'), 'utf8');
const COMPANY = `owner: company
cycle: 2026-Q4
objectives:
  - id: grow-revenue
    title: Grow revenue from new buyers across Europe
    key_results:
      - id: rolled
        title: New buyer revenue grows as the teams deliver
`;
const AS_OF = ['--as-of', '2026-11-20'];

function project(checkout = MESSY): string {
  return makeProject({
    'okr.config.yaml': 'roots: [company, checkout]\n',
    [FILE]: checkout,
    'okrs/2026-Q4/company.yaml': COMPANY,
  });
}

const folderOf = (dir: string) => join(dir, 'okrs', '2026-Q4');
const readOkr = (dir: string) => readFileSync(join(dir, FILE), 'utf8');

/** A refusal: non-zero exit, one line on stderr that starts with "okr:", nothing on stdout. */
function expectOneLineRefusal(r: RunResult, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^okr: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

function statusKr(dir: string, id: string): Record<string, unknown> {
  const r = runOkr(['status', '--format', 'json', ...AS_OF], { cwd: dir });
  const report = JSON.parse(r.stdout) as { objectives: { keyResults: { id: string }[] }[] };
  return report.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;
}

describe('okr checkin, each kind of key result', () => {
  it('numeric: sets current and confidence, appends the check-in, and nothing else changes', () => {
    const dir = project();
    const r = runOkr(
      [
        'checkin',
        'effortless-checkout/conversion',
        '2.7',
        '--confidence',
        '0.7',
        '--note',
        'guest checkout',
        ...AS_OF,
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${FILE}: "effortless-checkout/conversion" current 2.6 -> 2.7, check-in of 2026-11-20 added\n`,
    );
    const changed = diffLines(MESSY, readOkr(dir)).filter((l) => l.op !== ' ');
    expect(changed.map((l) => `${l.op}${l.text.trim()}`)).toEqual([
      '-current: 2.6    # last measured on the dashboard',
      '+current: 2.7    # last measured on the dashboard',
      '-confidence: 0.6',
      '+confidence: 0.7',
      '+- {date: 2026-11-20, value: 2.7, confidence: 0.7, note: "guest checkout"}',
    ]);
    expect(statusKr(dir, 'effortless-checkout/conversion')).toMatchObject({ current: 2.7, confidence: 0.7 });
  });

  it('threshold: adds current when the KR had none', () => {
    const dir = project();
    const r = runOkr(['checkin', 'effortless-checkout/latency', '280', '--date', '2026-11-18'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('current unset -> 280, check-in of 2026-11-18 added');
    expect(statusKr(dir, 'effortless-checkout/latency')).toMatchObject({ current: 280, progress: 1 });
  });

  it('milestone: takes done/undone and sets done', () => {
    const dir = project();
    expect(runOkr(['checkin', 'effortless-checkout/one-click', 'done', ...AS_OF], { cwd: dir }).code).toBe(0);
    expect(statusKr(dir, 'effortless-checkout/one-click')).toMatchObject({ progress: 1 });
    expect(readOkr(dir)).toContain('        done: True  # milestone\n');
    expect(runOkr(['checkin', 'effortless-checkout/one-click', 'undone', ...AS_OF], { cwd: dir }).code).toBe(
      0,
    );
    expect(readOkr(dir)).toContain('        done: False  # milestone\n');
    const checkins = loadOkrSource(FILE, readOkr(dir)).file!.data.objectives[0]!.key_results![2]!.checkins!;
    expect(checkins.map((c) => c.value)).toEqual([false, true, false]);
  });

  it('judged: sets progress inside a flow mapping', () => {
    const dir = project();
    expect(runOkr(['checkin', 'support/quality', '0.65', ...AS_OF], { cwd: dir }).code).toBe(0);
    expect(statusKr(dir, 'support/quality')).toMatchObject({ progress: 0.65 });
    expect(readOkr(dir)).toContain(
      'checkins: [ {date: 2026-10-10, value: 0.4}, {date: 2026-11-20, value: 0.65} ]',
    );
  });

  it('a check-in older than the latest joins the history and leaves the value', () => {
    const dir = project();
    const r = runOkr(
      ['checkin', 'effortless-checkout/conversion', '2.2', '--date', '2026-10-20', '--confidence', '0.4'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${FILE}: "effortless-checkout/conversion" check-in of 2026-10-20 added; current stays 2.6, from the later check-in of 2026-11-01\n`,
    );
    const changed = diffLines(MESSY, readOkr(dir)).filter((l) => l.op !== ' ');
    expect(changed.map((l) => `${l.op}${l.text.trim()}`)).toEqual([
      '+- {date: 2026-10-20, value: 2.2, confidence: 0.4}',
    ]);
  });

  it('keeps the file mode', () => {
    const dir = project();
    chmodSync(join(dir, FILE), 0o640);
    expect(runOkr(['checkin', 'faster-refunds/refund-days', '4', ...AS_OF], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, FILE)).mode & 0o777).toBe(0o640);
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dir = project();
    const r = runOkr(['checkin', 'effortless-checkout/conversion', '2.7', '--dry-run', ...AS_OF], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- a/${FILE}\n+++ b/${FILE}\n@@ -14,13 +14,14 @@\n`);
    expect(r.stdout).toContain(
      '\n-        current: 2.6    # last measured on the dashboard\n+        current: 2.7    # last',
    );
    expect(r.stdout).toContain('\n+          - {date: 2026-11-20, value: 2.7}\n');
    expect(readOkr(dir)).toBe(MESSY);
  });
});

describe('okr checkin leaves the file untouched when it cannot check in', () => {
  const made: string[] = [];
  afterEach(() => {
    // Let the temporary folders be removed.
    for (const dir of made.splice(0)) {
      chmodSync(folderOf(dir), 0o755);
      chmodSync(join(dir, FILE), 0o644);
    }
  });

  function untouched(dir: string): void {
    expect(readOkr(dir)).toBe(MESSY);
    expect(readdirSync(folderOf(dir)).sort()).toEqual(['checkout.yaml', 'company.yaml']);
  }

  it('refuses a value that does not fit the kind', () => {
    const dir = project();
    for (const [ref, value, expected] of [
      [
        'effortless-checkout/conversion',
        'abc',
        /"abc" is not a value for key result "effortless-checkout\/conversion", which is numeric \(from 2.1 to 3\): give a finite number/,
      ],
      ['effortless-checkout/latency', '1e999', /give a finite number/],
      ['effortless-checkout/one-click', 'maybe', /give true or false/],
      ['support/quality', '60', /for 60% write 0.6/],
      ['grow-revenue/rolled', '1', /has no measure of its own/],
    ] as const) {
      expectOneLineRefusal(runOkr(['checkin', ref, value], { cwd: dir }), 2, expected);
      untouched(dir);
    }
    expectOneLineRefusal(
      runOkr(['checkin', 'support/quality', '0.5', '--date', '2026-02-30'], { cwd: dir }),
      2,
      /--date takes a real date/,
    );
    expectOneLineRefusal(
      runOkr(['checkin', 'support/quality', '0.5', '--confidence', '7'], { cwd: dir }),
      2,
      /--confidence takes a number from 0 to 1/,
    );
    untouched(dir);
  });

  it('refuses an unknown reference and names the nearest ids', () => {
    const dir = project();
    expectOneLineRefusal(
      runOkr(['checkin', 'effortless-checkot/conversion', '2.7'], { cwd: dir }),
      2,
      /no key result "effortless-checkot\/conversion"; did you mean "effortless-checkout\/conversion"\?/,
    );
    expectOneLineRefusal(
      runOkr(['checkin', 'support/qualty', '0.7'], { cwd: dir }),
      2,
      /objective "support" has no key result "qualty"; its key results are "support\/quality", "support\/nps"/,
    );
    expectOneLineRefusal(
      runOkr(['checkin', 'latency', '1'], { cwd: dir }),
      2,
      /"effortless-checkout\/latency"/,
    );
    expectOneLineRefusal(runOkr(['checkin', 'support', '1'], { cwd: dir }), 2, /"support" is an objective/);
    untouched(dir);
  });

  it('refuses a read-only file', () => {
    // As root, access() allows writing anything; okr reads the permission bits itself, so the
    // read-only intent holds for root too.
    const dir = project();
    made.push(dir);
    chmodSync(join(dir, FILE), 0o444);
    expectOneLineRefusal(
      runOkr(['checkin', 'effortless-checkout/conversion', '2.7'], { cwd: dir }),
      1,
      /okrs\/2026-Q4\/checkout.yaml is read-only; make it writable/,
    );
    // The value is judged first: a wrong one is a usage mistake whatever the file.
    expectOneLineRefusal(
      runOkr(['checkin', 'effortless-checkout/conversion', 'x'], { cwd: dir }),
      2,
      /give a finite number/,
    );
    untouched(dir);
  });

  it('refuses a read-only folder: no lock, no temporary file', () => {
    const dir = project();
    made.push(dir);
    chmodSync(folderOf(dir), 0o555);
    expectOneLineRefusal(
      runOkr(['checkin', 'effortless-checkout/conversion', '2.7'], { cwd: dir }),
      1,
      /the folder okrs\/2026-Q4 is read-only/,
    );
    untouched(dir);
  });

  it('waits for a lock held by a live process, then fails clearly', () => {
    const dir = project();
    const lock = join(dir, `${FILE}.lock`);
    const holder = JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 't' });
    writeFileSync(lock, holder);
    const r = runOkr(['checkin', 'effortless-checkout/conversion', '2.7'], {
      cwd: dir,
      env: { OKR_LOCK_TIMEOUT_MS: '300' },
    });
    expectOneLineRefusal(
      r,
      1,
      /is being changed by another okr \(process \d+, lock okrs\/2026-Q4\/checkout.yaml.lock\)/,
    );
    expect(readOkr(dir)).toBe(MESSY);
    expect(readFileSync(lock, 'utf8')).toBe(holder);
  });

  it('writes nothing when the edit would change more than the KR', () => {
    const anchored = MESSY.replace('current: 2.6    #', 'current: &seen 2.6    #').replace(
      'value: 2.6}',
      'value: *seen}',
    );
    const dir = project(anchored);
    expectOneLineRefusal(
      runOkr(['checkin', 'effortless-checkout/conversion', '2.7'], { cwd: dir }),
      1,
      /cannot be written without changing other parts of the file/,
    );
    expect(readOkr(dir)).toBe(anchored);
  });
});

function countCheckins(text: string): number {
  return loadOkrSource(FILE, text).file!.data.objectives.reduce(
    (n, o) => n + (o.key_results ?? []).reduce((m, k) => m + (k.checkins?.length ?? 0), 0),
    0,
  );
}

function runAsync(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [OKR_BIN, ...args], { cwd, env });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

describe('okr checkin run twice at the same time on one file', () => {
  it('lands both updates, or fails one clearly; the file always loads', async () => {
    const dir = project();
    const rounds = 4;
    let landed = 0;
    for (let round = 0; round < rounds; round++) {
      const results = await Promise.all([
        runAsync(
          ['checkin', 'effortless-checkout/conversion', `2.${round}`, '--note', `a${round}`, ...AS_OF],
          dir,
        ),
        runAsync(
          ['checkin', 'faster-refunds/refund-days', `4.${round}`, '--note', `b${round}`, ...AS_OF],
          dir,
        ),
      ]);
      for (const r of results) {
        if (r.code === 0) landed++;
        else expectOneLineRefusal(r, 1, /is being changed by another okr/);
      }
      const loaded = loadOkrSource(FILE, readOkr(dir));
      expect(loaded.problems).toEqual([]);
      const notes = loaded.file!.data.objectives.flatMap((o) =>
        (o.key_results ?? []).flatMap((k) => (k.checkins ?? []).map((c) => c.note)),
      );
      for (const [i, r] of results.entries())
        expect(notes.includes(`${i === 0 ? 'a' : 'b'}${round}`)).toBe(r.code === 0);
    }
    expect(countCheckins(readOkr(dir))).toBe(countCheckins(MESSY) + landed);
    expect(readdirSync(folderOf(dir)).sort()).toEqual(['checkout.yaml', 'company.yaml']);
  });
});
