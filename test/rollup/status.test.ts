import { describe, expect, it } from 'vitest';
import { build, oneObjective } from './helpers.js';

const judged = (p: number, type = 'aspirational', cycle = '2026-Q4') =>
  build(
    oneObjective(
      `      - id: k\n        title: Judged result\n        progress: ${p}\n`,
      `    type: ${type}\n`,
      cycle,
    ),
  );

// 2026-Q4 runs from 2026-10-01 to 2026-12-31: 92 days.
describe('expected progress and status over a cycle', () => {
  it('before the cycle starts: not_started, expected 0', () => {
    const b = judged(0.9);
    expect(b.status('o', '2026-09-30')).toBe('not_started');
    expect(b.expected('o', '2026-09-30')).toBe(0);
  });

  it('on its first day: expected 0, so any progress is on track', () => {
    const b = judged(0);
    expect(b.expected('o', '2026-10-01')).toBe(0);
    expect(b.status('o', '2026-10-01')).toBe('on_track');
  });

  it('on its last day: 91 of 92 days elapsed', () => {
    const b = judged(0.5, 'committed');
    expect(b.expected('o', '2026-12-31')).toBeCloseTo(91 / 92, 10);
  });

  it('after it ends: elapsed is clamped to 1', () => {
    expect(judged(0.5, 'committed').expected('o', '2027-03-01')).toBe(1);
    expect(judged(0.5).expected('o', '2027-03-01')).toBeCloseTo(0.7, 10);
  });

  it('committed expects 100% at the end, aspirational 70%', () => {
    expect(judged(0.6, 'committed').status('o', '2027-01-15')).toBe('off_track');
    expect(judged(0.6, 'aspirational').status('o', '2027-01-15')).toBe('on_track');
  });

  it('done once progress reaches 1, whatever the date within or after the cycle', () => {
    expect(judged(1).status('o', '2026-10-02')).toBe('done');
    expect(judged(1).status('o', '2027-06-01')).toBe('done');
  });

  it('gap boundaries: >= -0.10 on track, >= -0.25 at risk, else off track', () => {
    // After the end, a committed objective expects exactly 1.
    expect(judged(0.9, 'committed').status('o', '2027-01-15')).toBe('on_track');
    expect(judged(0.89, 'committed').status('o', '2027-01-15')).toBe('at_risk');
    expect(judged(0.75, 'committed').status('o', '2027-01-15')).toBe('at_risk');
    expect(judged(0.74, 'committed').status('o', '2027-01-15')).toBe('off_track');
  });

  it('the bounds are configurable', () => {
    const b = build(
      oneObjective(
        '      - id: k\n        title: Judged result\n        progress: 0.85\n',
        '    type: committed\n',
      ),
      (c) => {
        c.status = { atRisk: 0.05, offTrack: 0.2 };
      },
    );
    expect(b.status('o', '2027-01-15')).toBe('at_risk');
  });

  it('a KR uses its objective’s type and cycle; a bare year is the whole year', () => {
    const b = judged(0.3, 'committed', '2026');
    // 2026-07-02 is day 182 of 365.
    expect(b.expected('o', '2026-07-02')).toBeCloseTo(182 / 365, 10);
  });

  it('built-in cycles: halves and months', () => {
    expect(judged(0, 'committed', '2026-H2').expected('o', '2026-10-01')).toBeCloseTo(92 / 184, 10);
    expect(judged(0, 'committed', '2026-02').expected('o', '2026-02-15')).toBeCloseTo(14 / 28, 10);
  });

  it('config cycles win over built-ins', () => {
    const b = build(
      oneObjective(
        '      - id: k\n        title: Judged result\n        progress: 0\n',
        '    type: committed\n',
        'FY27',
      ),
      (c) => {
        c.cycles = { FY27: { start: '2026-07-01', end: '2027-06-30' } };
      },
    );
    expect(b.expected('o', '2026-07-01')).toBe(0);
    expect(b.expected('o', '2027-07-01')).toBe(1);
  });
});
