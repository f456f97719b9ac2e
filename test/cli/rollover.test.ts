import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, runOkr } from '../helpers.js';
import { Q4_CHECKOUT, Q4_COMPANY, snapshot, twoCycleRepo } from './two-cycles.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

/** What rolling 2026-Q4 over with --carry unfinished writes for okrs/2026-Q4/company.yaml. */
const ROLLED_COMPANY = `# Company goals, fourth quarter
owner: company
cycle: 2027-Q1
objectives:
  # Revenue first: carried over while unfinished
  - id: grow-revenue-2027-q1
    continues: grow-revenue
    title: Grow revenue from new markets abroad
    type: committed
    key_results:
      - id: arr
        title: Recurring revenue in millions
        start: 22
        target: 40
        current: 22 # from the finance report
      - id: p95
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
      # Reached early, and beyond
      - id: nps
        title: Net promoter score of new buyers
        start: 30
        target: 50
        current: 55
`;

/** … and for okrs/2026-Q4/checkout.yaml. */
const ROLLED_CHECKOUT = `owner: checkout
cycle: 2027-Q1
objectives:
  - id: effortless-checkout-2027-q1
    continues: effortless-checkout
    title: Make checkout effortless for first-time buyers
    parent: grow-revenue-2027-q1/arr
    depends_on: [happy-staff]
    key_results:
      # Conversion of first-time buyers, from the shop's analytics
      - id: conversion
        title: First-purchase conversion in percent
        start: 2.6
        target: 3.0
        current: 2.6
        unit: "%"
        weight: 2
      - id: one-click
        title: Buyers reorder with a single click in the EU
        done: false
      - id: support
        title: Support quality judged excellent by the review
        progress: 0
`;

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  target: string | null;
}

function problems(dir: string, asOf: string): Problem[] {
  const r = runOkr(['check', '--format', 'json', '--as-of', asOf], { cwd: dir });
  return (JSON.parse(r.stdout) as { problems: Problem[] }).problems.map(
    ({ ruleId, severity, message, target }) => ({
      ruleId,
      severity,
      message,
      target,
    }),
  );
}

describe('okr rollover', () => {
  it('writes the matching files of the new cycle with the unfinished objectives, comments where they belong', () => {
    const dir = twoCycleRepo();
    const r = runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'okrs/2027-Q1/checkout.yaml: 1 objective carried (effortless-checkout -> effortless-checkout-2027-q1)',
        'okrs/2027-Q1/company.yaml: 1 objective carried (grow-revenue -> grow-revenue-2027-q1)',
        '2 files written, 2 objectives carried from "2026-Q4" into "2027-Q1" (--carry unfinished), 1 objective left behind',
        '',
      ].join('\n'),
    );
    // grow-revenue is at (0.4 + 1 + 1) / 3 = 0.8 and effortless-checkout at (2 × 0.556 + 0 + 0.5) / 4 = 0.40:
    // both carried; happy-staff is done (1.0) and stays behind.
    expect(read(dir, 'okrs/2027-Q1/company.yaml')).toBe(ROLLED_COMPANY);
    expect(read(dir, 'okrs/2027-Q1/checkout.yaml')).toBe(ROLLED_CHECKOUT);
    // The old cycle's files are not touched.
    expect(read(dir, 'okrs/2026-Q4/company.yaml')).toBe(Q4_COMPANY);
    expect(read(dir, 'okrs/2026-Q4/checkout.yaml')).toBe(Q4_CHECKOUT);
  });

  it('okr check reports nothing new after it, and okr status --cycle TO lists the carried objectives restarted', () => {
    const dir = twoCycleRepo();
    const before = [problems(dir, '2026-12-20'), problems(dir, '2027-01-20')];
    expect(runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir }).code).toBe(0);
    expect([problems(dir, '2026-12-20'), problems(dir, '2027-01-20')]).toEqual(before);
    expect(runOkr(['check', '--as-of', '2027-01-20'], { cwd: dir }).code).toBe(0);

    expect(
      runOkr(['checkin', 'grow-revenue-2027-q1/arr', '25', '--date', '2027-01-20'], { cwd: dir }).code,
    ).toBe(0);
    const status = runOkr(
      ['status', '--cycle', '2027-Q1', '--krs', '--format', 'json', '--as-of', '2027-01-20'],
      {
        cwd: dir,
      },
    );
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout) as {
      objectives: {
        id: string;
        cycle: string;
        parent?: string;
        progress: number;
        expected: number;
        status: string;
        keyResults: { id: string; start?: number; current?: number; target?: number; progress: number }[];
      }[];
    };
    // 19 of Q1's 90 days have passed on 2027-01-20.
    const elapsed = 19 / 90;
    const arr = (25 - 22) / (40 - 22);
    expect(json.objectives.map((o) => [o.id, o.cycle, o.parent ?? null])).toEqual([
      ['effortless-checkout-2027-q1', '2027-Q1', 'grow-revenue-2027-q1/arr'],
      ['grow-revenue-2027-q1', '2027-Q1', null],
    ]);
    const [checkout, revenue] = json.objectives;
    // Every KR of effortless-checkout starts again at 0: conversion from 2.6 (its final value) to 3.0.
    expect(checkout!.progress).toBe(0);
    expect(checkout!.expected).toBeCloseTo(0.7 * elapsed, 10);
    expect(checkout!.status).toBe('at_risk');
    expect(checkout!.keyResults.map((k) => [k.id, k.start, k.current, k.target, k.progress])).toEqual([
      ['effortless-checkout-2027-q1/conversion', 2.6, 2.6, 3, 0],
      ['effortless-checkout-2027-q1/one-click', undefined, undefined, undefined, 0],
      ['effortless-checkout-2027-q1/support', undefined, undefined, undefined, 0],
    ]);
    // arr restarted at 22 and checked in at 25; p95 unmet until measured again; nps reached, stays reached.
    expect(revenue!.keyResults.map((k) => [k.id, k.start, k.current, k.target])).toEqual([
      ['grow-revenue-2027-q1/arr', 22, 25, 40],
      ['grow-revenue-2027-q1/p95', undefined, undefined, 300],
      ['grow-revenue-2027-q1/nps', 30, 55, 50],
    ]);
    expect(revenue!.keyResults.map((k) => k.progress)).toEqual([arr, 0, 1]);
    expect(revenue!.progress).toBeCloseTo((arr + 0 + 1) / 3, 10);
    expect(revenue!.expected).toBeCloseTo(elapsed, 10);
    expect(revenue!.status).toBe('on_track');
  });

  it('refuses to run twice, changing no byte (exit 1)', () => {
    const dir = twoCycleRepo();
    expect(runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir }).code).toBe(0);
    const before = snapshot(dir);
    const again = runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^okr: cannot roll over "2026-Q4" into "2027-Q1", nothing was written: .*\n {2}hint: okr rollover never replaces a file/,
    );
    expect(again.stderr).toContain(
      'okrs/2027-Q1/company.yaml exists already (from okrs/2026-Q4/company.yaml)',
    );
    expect(again.stderr).toContain(
      'the id "grow-revenue-2027-q1" for the objective carried from "grow-revenue" is taken already',
    );
    // One error, in the one shape of SPEC §13: "okr: …", then the hint.
    expect(
      again.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, 8)),
    ).toEqual(['okr: can', '  hint: ']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('checks every target before writing: one existing file stops all of them', () => {
    const dir = twoCycleRepo();
    const before = snapshot(dir);
    // okrs/2026-Q4/company.yaml is where 2026-Q3's company file would go.
    const r = runOkr(['rollover', '2026-Q3', '2026-Q4', '--carry', 'all', '--as-of', '2026-10-01'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('okrs/2026-Q4/company.yaml exists already (from okrs/2026-Q3/company.yaml)');
    expect(existsSync(join(dir, 'okrs/2026-Q4/checkout.yaml'))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--carry all carries the finished objectives too; --carry none writes the files with no objectives', () => {
    const all = twoCycleRepo();
    const r = runOkr(['rollover', '2026-Q4', '2027-Q1', '--carry', 'all', '--as-of', '2026-12-20'], {
      cwd: all,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '3 objectives carried from "2026-Q4" into "2027-Q1" (--carry all), 0 objectives left behind',
    );
    const company = read(all, 'okrs/2027-Q1/company.yaml');
    expect(company).toContain(
      '  - id: happy-staff-2027-q1\n    continues: happy-staff\n    title: Keep the staff happy and engaged all quarter\n    key_results:\n      - { id: survey, title: Every team answers the staff survey, done: false }\n',
    );
    expect(runOkr(['check', '--as-of', '2027-01-20'], { cwd: all }).code).toBe(0);

    const none = twoCycleRepo();
    expect(
      runOkr(['rollover', '2026-Q4', '2027-Q1', '--carry', 'none', '--as-of', '2026-12-20'], { cwd: none })
        .code,
    ).toBe(0);
    expect(read(none, 'okrs/2027-Q1/company.yaml')).toBe(
      '# Company goals, fourth quarter\nowner: company\ncycle: 2027-Q1\nobjectives: []\n',
    );
    expect(read(none, 'okrs/2027-Q1/checkout.yaml')).toBe(
      'owner: checkout\ncycle: 2027-Q1\nobjectives: []\n',
    );
    expect(runOkr(['check', '--as-of', '2027-01-20'], { cwd: none }).code).toBe(0);
  });

  it('--dry-run prints each file it would write and writes nothing', () => {
    const dir = twoCycleRepo();
    const before = snapshot(dir);
    const r = runOkr(['rollover', '2026-Q4', '2027-Q1', '--dry-run', '--as-of', '2026-12-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '# okrs/2027-Q1/checkout.yaml: 1 objective carried (effortless-checkout -> effortless-checkout-2027-q1)',
        '--- okrs/2027-Q1/checkout.yaml',
        ROLLED_CHECKOUT,
        '# okrs/2027-Q1/company.yaml: 1 objective carried (grow-revenue -> grow-revenue-2027-q1)',
        '--- okrs/2027-Q1/company.yaml',
        ROLLED_COMPANY,
        'dry run: 2 files would be written, 2 objectives carried from "2026-Q4" into "2027-Q1" (--carry unfinished), 1 objective left behind; nothing was written',
        '',
      ].join('\n'),
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a TO that is no cycle, or not later than FROM (exit 2), and an unknown FROM', () => {
    const dir = twoCycleRepo();
    const before = snapshot(dir);
    const notCycle = runOkr(['rollover', '2026-Q4', 'next'], { cwd: dir });
    expect(notCycle.code).toBe(2);
    expect(notCycle.stderr).toMatch(/^okr: TO "next" is not a known cycle\n {2}hint: /);
    const earlier = runOkr(['rollover', '2026-Q4', '2026-Q3'], { cwd: dir });
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain(
      'okr: cycle "2026-Q3" starts on 2026-07-01, before "2026-Q4" ends on 2026-12-31; a cycle continues only an earlier one\n',
    );
    const unknown = runOkr(['rollover', '2025-Q4', '2026-Q1'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('okr: no OKR file has cycle "2025-Q4"\n');
    expect(snapshot(dir)).toEqual(before);
  });

  it('okr history follows continues: back into the earlier cycle, each point naming its id and cycle', () => {
    const dir = twoCycleRepo();
    const first = git(dir, ['rev-parse', 'HEAD']).trim();
    runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir });
    const rolled = commitAll(dir, 'Start 2027-Q1', '2026-12-20T12:00:00Z');
    runOkr(['checkin', 'grow-revenue-2027-q1/arr', '25', '--date', '2027-01-20'], { cwd: dir });
    const checkin = commitAll(dir, 'Check-in', '2027-01-20T12:00:00Z');
    const r = runOkr(['history', 'grow-revenue-2027-q1/arr', '--format', 'json', '--as-of', '2027-01-25'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const old = { ref: 'grow-revenue/arr', cycle: '2026-Q4' };
    const now = { ref: 'grow-revenue-2027-q1/arr', cycle: '2027-Q1' };
    expect(JSON.parse(r.stdout)).toEqual({
      ref: 'grow-revenue-2027-q1/arr',
      chain: [old, now],
      points: [
        {
          date: '2026-11-01',
          commit: first,
          value: 18,
          progress: (18 - 10) / (40 - 10),
          source: 'checkin',
          ...old,
        },
        {
          date: '2026-12-01',
          commit: first,
          value: 22,
          progress: (22 - 10) / (40 - 10),
          source: 'checkin',
          ...old,
        },
        { date: '2026-12-20', commit: rolled, value: 22, progress: 0, source: 'git', ...now },
        {
          date: '2027-01-20',
          commit: checkin,
          value: 25,
          progress: (25 - 22) / (40 - 22),
          source: 'checkin',
          ...now,
        },
      ],
    });
    const text = runOkr(['history', 'grow-revenue-2027-q1/arr', '--as-of', '2027-01-25'], { cwd: dir });
    expect(text.stdout).toContain(
      'follows continues: grow-revenue/arr (2026-Q4) → grow-revenue-2027-q1/arr (2027-Q1)\n',
    );
    expect(text.stdout).toMatch(/│ 2026-Q4 │ grow-revenue\/arr +│ 2026-11-01 │ 18 /);
    // The objective's own history follows the chain too; the old ref, which continues nothing, is as before.
    const objective = JSON.parse(
      runOkr(['history', 'grow-revenue-2027-q1', '--format', 'json', '--as-of', '2027-01-25'], { cwd: dir })
        .stdout,
    ) as { chain: unknown[] };
    expect(objective.chain).toEqual([
      { ref: 'grow-revenue', cycle: '2026-Q4' },
      { ref: 'grow-revenue-2027-q1', cycle: '2027-Q1' },
    ]);
    const plain = JSON.parse(
      runOkr(['history', 'grow-revenue/arr', '--format', 'json', '--as-of', '2027-01-25'], { cwd: dir })
        .stdout,
    ) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['ref', 'points']);
    expect(plain.points).toEqual([
      { date: '2026-11-01', commit: first, value: 18, progress: (18 - 10) / (40 - 10), source: 'checkin' },
      { date: '2026-12-01', commit: first, value: 22, progress: (22 - 10) / (40 - 10), source: 'checkin' },
    ]);
  });

  it('okr report follows continues: a carried KR’s trend starts in the earlier cycle, and its card names what it continues', () => {
    const dir = twoCycleRepo();
    runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2026-12-20'], { cwd: dir });
    commitAll(dir, 'Start 2027-Q1', '2026-12-20T12:00:00Z');
    runOkr(['checkin', 'grow-revenue-2027-q1/arr', '25', '--date', '2027-01-20'], { cwd: dir });
    commitAll(dir, 'Check-in', '2027-01-20T12:00:00Z');
    const r = runOkr(['report', '-o', 'report.html', '--as-of', '2027-01-25'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = read(dir, 'report.html');
    const start = html.indexOf('<script type="application/json" id="okr-data">');
    const json = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
    const trends = (JSON.parse(json) as { trends: Record<string, { date: string; value: number }[]> }).trends;
    // grow-revenue/arr's own points (Q4), then the rollover's start value and the Q1 check-in.
    const q4 = trends['grow-revenue/arr']!;
    expect(q4.map((p) => p.date)).toContain('2026-12-01');
    expect(q4.every((p) => p.date < '2026-12-20')).toBe(true);
    expect(trends['grow-revenue-2027-q1/arr']).toEqual([
      ...q4,
      { date: '2026-12-20', value: 22 },
      { date: '2027-01-20', value: 25 },
    ]);
    expect(html).toContain('continues <a href="#obj-grow-revenue">grow-revenue</a> (2026-Q4)');
  });
});
