import { describe, expect, it } from 'vitest';
import { companyYaml, okrRepo, okrYaml, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, makeProject, runOkr, writeFiles } from '../helpers.js';

interface CheckJson {
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    target: string | null;
    file: string;
  }[];
}

function check(cwd: string, args: string[]): { json: CheckJson; code: number; stderr: string } {
  const r = runOkr(['check', '--format', 'json', ...args], { cwd });
  return { json: JSON.parse(r.stdout) as CheckJson, code: r.code, stderr: r.stderr };
}

const only = (json: CheckJson, ruleId: string) => json.problems.filter((p) => p.ruleId === ruleId);

describe('okr check --base (moved-goalpost)', () => {
  it('reports a target changed after the cycle started, at the new value', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ target: 150 }) });
    commitAll(dir, 'lower the bar', '2026-10-20T12:00:00Z');
    const { json, code } = check(dir, ['--base', base, '--as-of', '2026-10-20']);
    expect(code).toBe(0);
    expect(only(json, 'moved-goalpost')).toEqual([
      {
        ruleId: 'moved-goalpost',
        severity: 'warning',
        message: expect.stringContaining(
          'key result "grow/buyers" changes its target from 200 to 150 after cycle "2026-Q4" started on 2026-10-01',
        ),
        file: 'okrs/company.yaml',
        line: 10,
        column: 17,
        target: 'grow/buyers',
      },
    ]);
    // Without --base there is nothing to compare with.
    expect(only(check(dir, ['--as-of', '2026-10-20']).json, 'moved-goalpost')).toEqual([]);
    // Before the cycle starts, a target may still move.
    expect(only(check(dir, ['--base', base, '--as-of', '2026-09-20']).json, 'moved-goalpost')).toEqual([]);
  });

  it('is configurable like every rule: as an error it fails the check', () => {
    const dir = okrRepo({
      'okrs/company.yaml': companyYaml(),
      'okr.config.yaml': 'rules:\n  moved-goalpost: error\n',
    });
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ start: 110 }) });
    const { json, code } = check(dir, ['--base', 'HEAD', '--as-of', '2026-10-20']);
    expect(only(json, 'moved-goalpost').map((p) => [p.severity, p.target])).toEqual([
      ['error', 'grow/buyers'],
    ]);
    expect(code).toBe(1);
  });

  it('follows an objective into another file and can be silenced on the line', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    git(dir, ['rm', '-q', 'okrs/company.yaml']);
    writeFiles(dir, { 'okrs/top/company.yaml': companyYaml({ target: 250 }) });
    const moved = check(dir, ['--base', 'main', '--as-of', '2026-10-20']).json;
    expect(only(moved, 'moved-goalpost').map((p) => [p.file, p.target])).toEqual([
      ['okrs/top/company.yaml', 'grow/buyers'],
    ]);
    writeFiles(dir, {
      'okrs/top/company.yaml': companyYaml({ target: 250 }).replace(
        'target: 250',
        'target: 250 # okr-disable-line moved-goalpost',
      ),
    });
    expect(only(check(dir, ['--base', 'main', '--as-of', '2026-10-20']).json, 'moved-goalpost')).toEqual([]);
  });

  it('exits 2 on an unknown base, and outside git', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const unknown = runOkr(['check', '--base', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown revision "nope"');
    const outside = runOkr(['check', '--base', 'main'], {
      cwd: makeProject({ 'okrs/company.yaml': companyYaml() }),
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not a git repository: okr check --base');
  });
});

describe('stale-kr from git dates', () => {
  it('dates a KR without check-ins by the last commit that changed its value', () => {
    const dir = okrRepo(
      { 'okrs/company.yaml': companyYaml(), 'okrs/team.yaml': teamYaml() },
      '2026-10-02T12:00:00Z',
    );
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ current: 2.7 }) });
    commitAll(dir, 'team check-in', '2026-11-10T12:00:00Z');
    // A change to the title is not a change of value.
    writeFiles(dir, {
      'okrs/company.yaml': companyYaml().replace('Raise the buyers rate', 'Lift the buyers rate'),
    });
    commitAll(dir, 'retitle', '2026-11-12T12:00:00Z');
    const { json } = check(dir, ['--as-of', '2026-11-20']);
    expect(
      only(json, 'stale-kr').map((p) => [p.target, p.message.match(/\(change on [\d-]+\)/)?.[0]]),
    ).toEqual([['grow/buyers', '(change on 2026-10-02)']]);
  });

  it('does not count a KR moved to another file or a renamed file as a change', () => {
    const dir = okrRepo({ 'okrs/team.yaml': teamYaml() }, '2026-10-02T12:00:00Z');
    git(dir, ['mv', 'okrs/team.yaml', 'okrs/checkout.yaml']);
    commitAll(dir, 'rename', '2026-11-15T12:00:00Z');
    const { json } = check(dir, ['--as-of', '2026-11-20']);
    expect(only(json, 'stale-kr').map((p) => p.target)).toEqual(['checkout/conversion']);
  });

  it('counts a value edited in the working tree, not yet committed, as fresh', () => {
    const dir = okrRepo({ 'okrs/team.yaml': teamYaml() }, '2026-10-02T12:00:00Z');
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ current: 2.9 }) });
    expect(only(check(dir, ['--as-of', '2026-11-20']).json, 'stale-kr')).toEqual([]);
  });

  it('prefers a later check-in, and is silent outside git without check-ins', () => {
    const withCheckin = teamYaml({ checkins: [{ date: '2026-11-18', value: 2.5 }] });
    const dir = okrRepo({ 'okrs/team.yaml': withCheckin }, '2026-10-02T12:00:00Z');
    expect(only(check(dir, ['--as-of', '2026-11-20']).json, 'stale-kr')).toEqual([]);
    const outside = makeProject({ 'okrs/team.yaml': teamYaml() });
    const r = check(outside, ['--as-of', '2026-11-20']);
    expect(only(r.json, 'stale-kr')).toEqual([]);
    expect(r.stderr).toBe('');
  });

  it('does not date values by the cut of a shallow clone', () => {
    const ops = (current: number) =>
      okrYaml('ops', '2026-Q4', [
        {
          id: 'ops',
          title: 'Keep every service fast for our buyers',
          krs: [{ id: 'uptime', start: 90, target: 99, current }],
        },
      ]);
    const upstream = okrRepo(
      { 'okrs/team.yaml': teamYaml(), 'okrs/ops.yaml': ops(95) },
      '2026-10-02T12:00:00Z',
    );
    writeFiles(upstream, { 'README.md': 'OKRs of the company\n' });
    commitAll(upstream, 'readme', '2026-10-20T12:00:00Z');
    writeFiles(upstream, { 'okrs/ops.yaml': ops(96) });
    commitAll(upstream, 'ops check-in', '2026-11-15T12:00:00Z');
    const clone = makeProject({});
    git(clone, ['clone', '-q', '--depth', '2', `file://${upstream}`, '.']);
    const { json } = check(clone, ['--as-of', '2026-12-10']);
    // The clone starts at the readme commit: that is not when "conversion" last changed, so only
    // "uptime", changed inside the clone's history, has a date.
    expect(
      only(json, 'stale-kr').map((p) => [p.target, p.message.match(/\(change on [\d-]+\)/)?.[0]]),
    ).toEqual([['ops/uptime', '(change on 2026-11-15)']]);
  });
});
