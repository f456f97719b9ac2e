import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/run/views/status.js';
import { commitAll, gitInit, makeProject, runOkr } from '../helpers.js';

interface CheckJson {
  problems: {
    ruleId: string;
    file: string;
    line: number;
    column: number;
    target: string | null;
    message: string;
  }[];
}

function statusJson(dir: string, asOf: string): StatusReport {
  const r = runOkr(['status', '--format', 'json', '--as-of', asOf], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as StatusReport;
}

function check(dir: string, asOf: string): CheckJson {
  const r = runOkr(['check', '--format', 'json', '--as-of', asOf], { cwd: dir });
  return JSON.parse(r.stdout) as CheckJson;
}

const objective = (report: StatusReport, id: string) => report.objectives.find((o) => o.id === id)!;
const kr = (report: StatusReport, id: string) =>
  report.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;

// A committed company objective rolled up with `both`: a numeric KR at 0.3, a KR measured by the
// team objective aligned to it (0.9), and a department objective aligned straight to it (0.27).
const BOTH = {
  'okrs/company.yaml': `owner: company
cycle: 2026
objectives:
  - id: grow
    title: Grow revenue with merchants across Europe
    type: committed
    rollup: both
    key_results:
      - id: revenue
        title: Yearly revenue from 0 to 10 million
        start: 0
        target: 10
        current: 3
      - id: conversion
        title: More first-time shoppers complete their purchase
`,
  'okrs/teams.yaml': `owner: checkout
cycle: 2026
objectives:
  - id: checkout
    title: Make checkout effortless for first-time buyers
    parent: grow/conversion
    key_results:
      - { id: judged, title: Checkout judged effortless by the review, progress: 0.9 }
  - id: sales
    title: Win merchants moving off legacy suites
    parent: grow
    key_results:
      - { id: judged, title: Sales judged on plan by the review, progress: 0.27 }
`,
};

describe('rollup: both counts KRs and direct children, each once (SPEC §5)', () => {
  // 2026-10-20 is day 292 of 365: a committed objective is expected at 0.8.
  const AS_OF = '2026-10-20';

  it('an objective aligned to a KR counts through that KR only: (0.3 + 0.9 + 0.27) / 3 = 0.49, off track', () => {
    const report = statusJson(makeProject(BOTH), AS_OF);
    expect(kr(report, 'grow/conversion').progress).toBeCloseTo(0.9, 10);
    const grow = objective(report, 'grow');
    expect(grow.expected).toBeCloseTo(0.8, 10);
    // Counting "checkout" a second time as a child would give (0.3 + 0.9 + 0.9 + 0.27) / 4 = 0.5925, at risk.
    expect(grow.progress).toBeCloseTo(0.49, 10);
    expect(grow.status).toBe('off_track');
    expect(grow.rollup).toBe('both');
  });

  it('status --tree shows under the objective exactly the three contributions its progress is computed from', () => {
    const r = runOkr(['status', '--tree', '--as-of', AS_OF], { cwd: makeProject(BOTH) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^grow .* 49% {2}off track/);
    const contributions = lines.filter((l) => /^[├└]─ /.test(l)).map((l) => l.replace(/^[├└]─ /, ''));
    expect(contributions.map((l) => l.split('  ')[0])).toEqual(['KR revenue', 'KR conversion', 'sales']);
    // The objective aligned to the KR is drawn under it, once.
    expect(lines.filter((l) => l.includes('checkout  Make checkout'))).toHaveLength(1);
    expect(lines[lines.findIndex((l) => l.includes('KR conversion')) + 1]).toMatch(/^│ {2}└─ checkout /);
    expect(r.stdout).not.toContain('not counted');
  });

  it('status --tree marks a child that a krs objective leaves out as not counted', () => {
    const files = {
      ...BOTH,
      'okrs/company.yaml': BOTH['okrs/company.yaml'].replace('rollup: both', 'rollup: krs'),
    };
    const dir = makeProject(files);
    const grow = objective(statusJson(dir, AS_OF), 'grow');
    expect(grow.progress).toBeCloseTo((0.3 + 0.9) / 2, 10);
    const r = runOkr(['status', '--tree', '--as-of', AS_OF], { cwd: dir });
    expect(r.stdout).toMatch(/^└─ sales .*\(not counted\)$/m);
    const checkoutLine = r.stdout.split('\n').find((l) => l.includes('checkout  Make checkout'));
    expect(checkoutLine).not.toContain('not counted');
    expect(check(dir, AS_OF).problems.map((p) => `${p.ruleId} ${p.target}`)).toEqual([
      'uncounted-objective sales',
    ]);
  });
});

/** A team objective with one threshold KR inside its line (280 ms, keep below 300), checked in on 2026-10-01. */
const THRESHOLD = {
  'okrs/company.yaml': `owner: company
cycle: 2026-Q4
objectives:
  - id: fast
    title: Keep every storefront fast through the peak season
    key_results:
      - id: speed
        title: Storefront pages load fast on mobile networks
`,
  'okrs/team.yaml': `owner: platform
cycle: 2026-Q4
objectives:
  - id: latency
    title: Keep checkout responsive through Black Friday week
    parent: fast/speed
    key_results:
      - id: p95
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
        current: 280
        checkins:
          - { date: 2026-10-01, value: 280 }
`,
};

describe('a threshold KR is done only once its cycle has ended (SPEC §5)', () => {
  it('inside its line during the cycle: on track, and so are the objective and the KR it rolls into', () => {
    const report = statusJson(makeProject(THRESHOLD), '2026-11-20');
    expect(kr(report, 'latency/p95')).toMatchObject({ progress: 1, status: 'on_track' });
    expect(objective(report, 'latency')).toMatchObject({ progress: 1, status: 'on_track' });
    expect(kr(report, 'fast/speed')).toMatchObject({ progress: 1, status: 'on_track' });
    expect(objective(report, 'fast')).toMatchObject({ progress: 1, status: 'on_track' });
  });

  it('after the cycle has ended: done, all the way up', () => {
    const report = statusJson(makeProject(THRESHOLD), '2027-01-05');
    expect(kr(report, 'latency/p95').status).toBe('done');
    expect(objective(report, 'latency').status).toBe('done');
    expect(kr(report, 'fast/speed').status).toBe('done');
    expect(objective(report, 'fast').status).toBe('done');
  });

  it('a milestone reached is done at once; an objective with a threshold KR beside it is not', () => {
    const files = {
      'okrs/team.yaml': `${THRESHOLD['okrs/team.yaml']}      - { id: ready, title: Peak readiness review passed, done: true }\n`,
      'okrs/company.yaml': THRESHOLD['okrs/company.yaml'],
    };
    const report = statusJson(makeProject(files), '2026-11-20');
    expect(kr(report, 'latency/ready').status).toBe('done');
    expect(objective(report, 'latency')).toMatchObject({ progress: 1, status: 'on_track' });
  });

  it('stale-kr fires for it inside its line when its last check-in is old, and not once the cycle has ended', () => {
    const dir = makeProject(THRESHOLD);
    const stale = check(dir, '2026-11-20').problems.filter((p) => p.ruleId === 'stale-kr');
    expect(stale.map((p) => [p.file, p.line, p.target])).toEqual([['okrs/team.yaml', 8, 'latency/p95']]);
    expect(stale[0]!.message).toContain('was last updated 50 days ago (check-in on 2026-10-01)');
    expect(check(dir, '2027-01-05').problems.filter((p) => p.ruleId === 'stale-kr')).toEqual([]);
  });

  it('stale-kr fires for it when git last changed its value long ago (no check-ins)', () => {
    const team = THRESHOLD['okrs/team.yaml'].replace(/ {8}checkins:\n.*\n/, '');
    const dir = makeProject({ ...THRESHOLD, 'okrs/team.yaml': team });
    gitInit(dir);
    commitAll(dir, 'OKRs for the quarter', '2026-10-02T12:00:00Z');
    const stale = check(dir, '2026-11-20').problems.filter((p) => p.ruleId === 'stale-kr');
    expect(stale.map((p) => p.target)).toEqual(['latency/p95']);
    expect(stale[0]!.message).toContain('(change on 2026-10-02)');
  });
});

describe('an objective whose id is a duplicate (SPEC §5)', () => {
  const files = {
    'okr.config.yaml': 'roots: [checkout, payments]\n',
    'okrs/a.yaml': `owner: checkout
cycle: 2026-Q4
objectives:
  - id: effortless
    title: Make checkout effortless for first-time buyers
    key_results:
      - { id: conversion, title: First-purchase conversion from 2% to 3%, start: 2, target: 3 }
`,
    'okrs/b.yaml': `owner: payments
cycle: 2026-Q4
objectives:
  - id: effortless
    title: Let buyers pay the way they prefer in Europe
    key_results:
      - id: flat
        title: Wallet share of payments held where it is
        start: 5
        target: 5
      - id: loose
        title: Buyers trust our payment page
      - id: wallets
        title: Launch Apple Pay in every EU market
        done: false
`,
    'okrs/c.yaml': `owner: wallets
cycle: 2026-Q4
objectives:
  - id: wallet-team
    title: Make paying with a wallet the easy choice
    parent: effortless/loose
    key_results:
      - { id: share, title: Wallet share of payments from 10% to 20%, start: 10, target: 20 }
`,
  };

  it('is reported once and left out of the rollup, but the rules about its KRs’ own fields still check them', () => {
    const dir = makeProject(files);
    const problems = check(dir, '2026-11-15').problems.map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}`,
    );
    expect(problems).toEqual([
      'okrs/b.yaml:4:9 duplicate-id',
      'okrs/b.yaml:7:9 invalid-metric',
      'okrs/b.yaml:11:9 unmeasured-kr',
      'okrs/b.yaml:14:16 output-kr',
      'okrs/c.yaml:6:13 unresolved-parent',
    ]);
    const report = statusJson(dir, '2026-11-15');
    expect(report.objectives.map((o) => `${o.file} ${o.id}`)).toEqual([
      'okrs/a.yaml effortless',
      'okrs/c.yaml wallet-team',
    ]);
  });
});
