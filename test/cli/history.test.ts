import { describe, expect, it } from 'vitest';
import { companyYaml, okrRepo, okrYaml, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, makeProject, runOkr, writeFiles } from '../helpers.js';

interface HistoryJson {
  ref: string;
  points: {
    date: string;
    commit: string | null;
    value: number | boolean;
    progress: number;
    source: string;
  }[];
}

function history(cwd: string, ref: string): HistoryJson {
  const r = runOkr(['history', ref, '--format', 'json'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as HistoryJson;
}

/** A team KR checked in through commits (one a rename, one a title edit) and through check-ins. */
function teamHistoryRepo(): { dir: string; commits: string[] } {
  const dir = okrRepo({ 'okrs/team.yaml': teamYaml({ current: 2 }) }, '2026-10-01T12:00:00Z');
  const commits = [git(dir, ['rev-parse', 'HEAD']).trim()];
  writeFiles(dir, { 'okrs/team.yaml': teamYaml({ current: 2.25 }) });
  commits.push(commitAll(dir, 'value', '2026-10-10T12:00:00Z'));
  git(dir, ['mv', 'okrs/team.yaml', 'okrs/checkout.yaml']);
  commitAll(dir, 'rename: no new value', '2026-10-12T12:00:00Z');
  writeFiles(dir, { 'okrs/checkout.yaml': teamYaml({ current: 2.25 }).replace('Raise the', 'Lift the') });
  commitAll(dir, 'title only', '2026-10-14T12:00:00Z');
  writeFiles(dir, {
    'okrs/checkout.yaml': teamYaml({
      current: 2.5,
      checkins: [
        { date: '2026-10-05', value: 2.1 },
        { date: '2026-10-20', value: 2.5 },
      ],
    }),
  });
  commits.push(commitAll(dir, 'check-ins', '2026-10-20T12:00:00Z'));
  return { dir, commits };
}

describe('okr history', () => {
  it('merges the commits that changed a KR value with its check-ins, one point a recorded value, oldest first', () => {
    const { dir, commits } = teamHistoryRepo();
    // The last commit records both check-ins and sets the value of the newer one: that check-in and
    // the commit are one point, and both check-ins name the commit that recorded them.
    expect(history(dir, 'checkout/conversion')).toEqual({
      ref: 'checkout/conversion',
      points: [
        { date: '2026-10-01', commit: commits[0], value: 2, progress: 0, source: 'git' },
        {
          date: '2026-10-05',
          commit: commits[2],
          value: 2.1,
          progress: expect.closeTo(0.1, 9),
          source: 'checkin',
        },
        { date: '2026-10-10', commit: commits[1], value: 2.25, progress: 0.25, source: 'git' },
        { date: '2026-10-20', commit: commits[2], value: 2.5, progress: 0.5, source: 'checkin' },
      ],
    });
  });

  it("measures each check-in against the target of its time, not today's", () => {
    const kr = (target: number, current: number, checkins: { date: string; value: number }[]) =>
      okrYaml('ops', '2026-Q4', [
        {
          id: 'ops',
          title: 'Keep every service fast for our buyers',
          krs: [{ id: 'fixes', start: 0, target, current, checkins }],
        },
      ]);
    const first = { date: '2026-10-01', value: 2 };
    const dir = okrRepo({ 'okrs/ops.yaml': kr(10, 2, [first]) }, '2026-10-01T12:00:00Z');
    const recorded = git(dir, ['rev-parse', 'HEAD']).trim();
    // The target doubles with the second check-in.
    writeFiles(dir, { 'okrs/ops.yaml': kr(20, 5, [first, { date: '2026-10-15', value: 5 }]) });
    const raised = commitAll(dir, 'new target, check-in', '2026-10-15T12:00:00Z');
    expect(history(dir, 'ops/fixes').points).toEqual([
      { date: '2026-10-01', commit: recorded, value: 2, progress: 0.2, source: 'checkin' },
      { date: '2026-10-15', commit: raised, value: 5, progress: 0.25, source: 'checkin' },
    ]);
  });

  it('stops at --as-of: what came later was not known on that day', () => {
    const { dir, commits } = teamHistoryRepo();
    const r = runOkr(['history', 'checkout/conversion', '--format', 'json', '--as-of', '2026-10-12'], {
      cwd: dir,
    });
    expect((JSON.parse(r.stdout) as HistoryJson).points.map((p) => [p.date, p.commit])).toEqual([
      ['2026-10-01', commits[0]],
      ['2026-10-05', commits[2]],
      ['2026-10-10', commits[1]],
    ]);
  });

  it("follows an objective's progress as its children change, across files", () => {
    const company = okrYaml('company', '2026', [
      { id: 'grow', title: 'Grow revenue through new buyers in every market', krs: [{ id: 'buyers' }] },
    ]);
    const dir = okrRepo({ 'okrs/company.yaml': company }, '2026-10-01T12:00:00Z');
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ current: 2.5 }) });
    const added = commitAll(dir, 'team aligns', '2026-10-03T12:00:00Z');
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ current: 3 }) });
    const done = commitAll(dir, 'team done', '2026-10-09T12:00:00Z');
    const h = history(dir, 'grow');
    expect(h.points.map((p) => [p.date, p.commit, p.progress, p.source])).toEqual([
      ['2026-10-01', expect.any(String), 0, 'git'],
      ['2026-10-03', added, 0.5, 'git'],
      ['2026-10-09', done, 1, 'git'],
    ]);
  });

  it('draws a sparkline and a table in the terminal', () => {
    const { dir } = teamHistoryRepo();
    const r = runOkr(['history', 'checkout/conversion'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('checkout/conversion  ▁▂▃▅  0% → 50% (2026-10-01 … 2026-10-20)');
    expect(r.stdout).toContain('│ 2026-10-05 │ 2.1   │ 10%      │ check-in │');
  });

  it('exits 2 on an unknown id and outside git', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const unknown = runOkr(['history', 'grow/nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no objective or key result "grow/nope"');
    const outside = runOkr(['history', 'grow'], { cwd: makeProject({ 'okrs/company.yaml': companyYaml() }) });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not a git repository: okr history');
  });
});
