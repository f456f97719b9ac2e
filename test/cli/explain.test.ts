import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, gitInit, makeProject, REPO_ROOT, runOkr, tempDir, writeFiles } from '../helpers.js';

interface ExplainJson {
  id: string;
  kind: string;
  progress: number;
  expected: number;
  gap: number;
  status: string;
  settled: boolean;
  formula: string;
  rollup: string | null;
  inputs: {
    id: string;
    kind: string;
    weight: number;
    progress: number;
    share: number;
    counted: boolean;
    reason?: string;
  }[];
  source: {
    type: string;
    date: string | null;
    commit: string | null;
    author: string | null;
    note: string | null;
    value: number | boolean | null;
    measure: string | null;
  } | null;
  rollsInto: { id: string; share: number }[];
  bounds: { atRisk: number; offTrack: number };
}

const AS_OF = '2026-11-15';
// 2026-Q4 runs 2026-10-01 … 2026-12-31: 92 days. On 2026-11-15, 45 days have passed:
// expected progress of a committed objective = 45 / 92 = 0.48913.
const EXPECTED = 45 / 92;

const COMPANY = (infraProgress = 0.3) => ({
  'okrs/company.yaml': `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue with our merchants across Europe
    type: committed
    rollup: both
    key_results:
      - id: nps
        title: Raise merchant NPS
        start: 2.1
        target: 3.0
        current: 2.6
        checkins:
          - date: 2026-11-10
            value: 2.6
            note: survey is in
      - id: revenue
        title: Raise monthly revenue
        start: 10
        target: 20
        current: 14
        measure:
          file: metrics/revenue.json
          path: total
        checkins:
          - date: 2026-11-14
            value: 14
            source: measure
      - id: uptime
        title: Keep storefront availability at or above 99.9%
        keep: above
        target: 99.9
        current: 99.95
      - id: launch
        title: Launch the new checkout
  - id: platform
    title: Make the platform ready for the peak season
    type: committed
    rollup: children
    key_results:
      - id: legacy
        title: Retire the legacy cart
        done: false
`,
  'okrs/team.yaml': `owner: team-a
cycle: 2026-Q4
objectives:
  - id: checkout
    title: Ship the new checkout to every merchant
    parent: grow/launch
    key_results:
      - id: conversion
        title: Raise checkout conversion
        start: 0
        target: 10
        current: 5
  - id: direct
    title: Sign the first merchants in Spain
    parent: grow
    key_results:
      - id: signed
        title: Sign the launch merchants
        done: true
  - id: infra
    title: Move storefronts to the new cluster
    parent: platform
    key_results:
      - id: moved
        title: Share of storefronts moved
        progress: ${infraProgress}
`,
});

/** The project in a git repository: everything committed on 10-01, infra's progress changed by Dana on 11-01. */
function repo(): { dir: string; sha: string } {
  const dir = tempDir();
  gitInit(dir);
  writeFiles(dir, COMPANY(0.2));
  commitAll(dir, 'OKRs of Q4', '2026-10-01T12:00:00Z');
  writeFiles(dir, COMPANY(0.3));
  git(dir, ['add', '-A']);
  git(
    dir,
    ['commit', '-q', '-m', 'infra moved on', '--author', 'Dana Smith <dana@example.com>'],
    '2026-11-01T12:00:00Z',
  );
  return { dir, sha: git(dir, ['rev-parse', 'HEAD']).trim() };
}

function explain(cwd: string, ref: string): ExplainJson {
  const r = runOkr(['explain', ref, '--as-of', AS_OF, '--format', 'json'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ExplainJson;
}

describe('okr explain', () => {
  const { dir, sha } = repo();

  it('explains a numeric KR from its newest check-in: the formula with its values, expected, gap, status, chain', () => {
    const e = explain(dir, 'grow/nps');
    // (2.6 − 2.1) / (3.0 − 2.1) = 0.5 / 0.9 = 0.5556
    expect(e.progress).toBeCloseTo(0.5 / 0.9, 9);
    expect(e.formula).toBe('(2.6 − 2.1) / (3 − 2.1) = 0.556');
    expect(e.expected).toBeCloseTo(EXPECTED, 9);
    // gap = 0.5556 − 0.4891 = +0.0664 ≥ −0.10: on track
    expect(e.gap).toBeCloseTo(0.5 / 0.9 - EXPECTED, 9);
    expect(e.status).toBe('on_track');
    expect(e.settled).toBe(true);
    expect(e.source).toEqual({
      type: 'checkin',
      date: '2026-11-10',
      commit: null,
      author: null,
      note: 'survey is in',
      value: 2.6,
      measure: null,
    });
    // grow (rollup: both) counts 4 KRs and 1 direct child, weight 1 each: nps decides 1/5 of it.
    expect(e.rollsInto).toEqual([{ id: 'grow', share: 0.2 }]);
    expect(e.bounds).toEqual({ atRisk: 0.1, offTrack: 0.25 });
  });

  it('says a value recorded by okr measure came from the measure', () => {
    const e = explain(dir, 'grow/revenue');
    // (14 − 10) / (20 − 10) = 0.4
    expect(e.progress).toBeCloseTo(0.4, 9);
    expect(e.formula).toBe('(14 − 10) / (20 − 10) = 0.4');
    expect(e.source).toEqual({
      type: 'measure',
      date: '2026-11-14',
      commit: null,
      author: null,
      note: null,
      value: 14,
      measure: 'file metrics/revenue.json, path total',
    });
    const text = runOkr(['explain', 'grow/revenue', '--as-of', AS_OF], { cwd: dir }).stdout;
    expect(text).toContain(
      'current   from okr measure of 2026-11-14 (file metrics/revenue.json, path total), value 14\n',
    );
  });

  it('a threshold KR that is met is not settled before its cycle ends, so it is on track, not done', () => {
    const e = explain(dir, 'grow/uptime');
    // 99.95 ≥ 99.9: met, progress 1; the cycle ends 12-31 > 11-15: not settled, so not done.
    expect(e.progress).toBe(1);
    expect(e.settled).toBe(false);
    // gap = 1 − 0.4891 = +0.511
    expect(e.status).toBe('on_track');
    expect(e.formula).toBe('99.95 ≥ 99.9 (keep above) is met = 1');
  });

  it('a both objective counts its KRs and direct children, and a KR-aligned child once, through its KR', () => {
    const e = explain(dir, 'grow');
    // KRs: nps 0.5556, revenue 0.4, uptime 1, launch = checkout's 5/10 = 0.5; direct child: direct 1.
    // (0.5556 + 0.4 + 1 + 0.5 + 1) / 5 = 3.4556 / 5 = 0.69111
    const progress = (0.5 / 0.9 + 0.4 + 1 + 0.5 + 1) / 5;
    expect(e.progress).toBeCloseTo(progress, 9);
    expect(e.rollup).toBe('both');
    expect(e.formula).toBe('(0.556×1 + 0.4×1 + 1×1 + 0.5×1 + 1×1) / (1 + 1 + 1 + 1 + 1) = 0.691');
    expect(e.inputs.filter((i) => i.counted).map((i) => [i.id, i.share])).toEqual([
      ['grow/nps', 0.2],
      ['grow/revenue', 0.2],
      ['grow/uptime', 0.2],
      ['grow/launch', 0.2],
      ['direct', 0.2],
    ]);
    // checkout is aligned to grow/launch: it counts through that KR, listed once as left out of grow.
    const checkout = e.inputs.filter((i) => i.id === 'checkout');
    expect(checkout).toEqual([
      {
        id: 'checkout',
        kind: 'objective',
        weight: 1,
        progress: 0.5,
        share: 0,
        counted: false,
        reason: 'counts through key result "grow/launch"',
      },
    ]);
    // uptime is not settled, so grow is not either.
    expect(e.settled).toBe(false);
    expect(e.status).toBe('on_track');
    expect(e.rollsInto).toEqual([]);
  });

  it('a child aligned to a rolled-up KR rolls into the KR, then its objective, with its share of each', () => {
    const e = explain(dir, 'checkout');
    // checkout is all of grow/launch (share 1), which is 1/5 of grow: 1 × 0.2 = 0.2.
    expect(e.rollsInto).toEqual([
      { id: 'grow/launch', share: 1 },
      { id: 'grow', share: 0.2 },
    ]);
  });

  it('a children objective leaves its own KRs out and says why', () => {
    const e = explain(dir, 'platform');
    // progress = infra's 0.3 alone; gap = 0.3 − 0.4891 = −0.189: between −0.10 and −0.25, at risk.
    expect(e.progress).toBeCloseTo(0.3, 9);
    expect(e.gap).toBeCloseTo(0.3 - EXPECTED, 9);
    expect(e.status).toBe('at_risk');
    expect(e.inputs).toEqual([
      { id: 'infra', kind: 'objective', weight: 1, progress: 0.3, share: 1, counted: true },
      {
        id: 'platform/legacy',
        kind: 'milestone',
        weight: 1,
        progress: 0,
        share: 0,
        counted: false,
        reason: "rollup: children leaves the objective's key results out",
      },
    ]);
  });

  it('a KR changed only by commits names the commit that last changed it, with its author', () => {
    const e = explain(dir, 'infra/moved');
    expect(e.source).toEqual({
      type: 'commit',
      date: '2026-11-01',
      commit: sha,
      author: 'Dana Smith <dana@example.com>',
      note: null,
      value: null,
      measure: null,
    });
    const text = runOkr(['explain', 'infra/moved', '--as-of', AS_OF], { cwd: dir });
    expect(text.stdout).toContain(
      `current   from commit ${sha.slice(0, 12)} by Dana Smith <dana@example.com> on 2026-11-01`,
    );
  });

  it('a KR never checked in outside git was written in the file', () => {
    const plain = makeProject(COMPANY());
    const e = explain(plain, 'checkout/conversion');
    expect(e.source).toEqual({
      type: 'file',
      date: null,
      commit: null,
      author: null,
      note: null,
      value: null,
      measure: null,
    });
    // (5 − 0) / (10 − 0) = 0.5
    expect(e.progress).toBe(0.5);
  });

  it('prints the same explanation as text', () => {
    const r = runOkr(['explain', 'grow/nps', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'grow/nps  numeric key result  Raise merchant NPS',
        'progress  (2.6 − 2.1) / (3 − 2.1) = 0.556',
        'current   from check-in of 2026-11-10, value 2.6: "survey is in"',
        'settled   yes',
        // 45 / 92 = 0.489 of the cycle, × 1 for a committed objective
        'expected  0.489 of 2026-Q4 (2026-10-01 … 2026-12-31) elapsed × 1 = 0.489',
        // 0.5556 − 0.4891 = +0.066
        'gap       0.556 − 0.489 = +0.066',
        'status    on_track (on_track when gap ≥ −0.1, at_risk when ≥ −0.25, else off_track; done at 1 when settled)',
        'rolls into grow (share 0.2)',
        '',
      ].join('\n'),
    );
  });

  it('an unknown ref is an error naming the nearest id (exit 2)', () => {
    const r = runOkr(['explain', 'grow/npss', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('okr: no objective or key result "grow/npss"\n  hint: did you mean "grow/nps"?\n');
  });
});

describe('okr explain and okr status', () => {
  it('shows the progress, expected progress and status okr status shows, for every objective of examples/acme and one KR of each', () => {
    const dir = tempDir();
    cpSync(join(REPO_ROOT, 'examples', 'acme'), dir, { recursive: true });
    const status = runOkr(['status', '--format', 'json', '--as-of', '2026-11-20'], { cwd: dir });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as {
      objectives: {
        id: string;
        progress: number;
        expected: number;
        status: string;
        keyResults: { id: string; progress: number; status: string }[];
      }[];
    };
    expect(report.objectives.length).toBeGreaterThan(5);
    for (const o of report.objectives) {
      const r = runOkr(['explain', o.id, '--as-of', '2026-11-20', '--format', 'json'], { cwd: dir });
      const e = JSON.parse(r.stdout) as ExplainJson;
      expect([e.id, e.progress, e.expected, e.status]).toEqual([o.id, o.progress, o.expected, o.status]);
      // One KR of each objective, a different one each time: every kind of KR in the example is met
      // without a process for each of its KRs.
      const kr = o.keyResults[report.objectives.indexOf(o) % Math.max(1, o.keyResults.length)];
      if (kr) {
        const k = JSON.parse(
          runOkr(['explain', kr.id, '--as-of', '2026-11-20', '-f', 'json'], { cwd: dir }).stdout,
        ) as ExplainJson;
        expect([k.id, k.progress, k.expected, k.status]).toEqual([kr.id, kr.progress, o.expected, kr.status]);
      }
    }
  }, 240_000);
});
