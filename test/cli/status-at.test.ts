import { describe, expect, it } from 'vitest';
import { companyYaml, okrRepo, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, makeProject, runOkr, writeFiles } from '../helpers.js';

interface StatusJson {
  asOf: string;
  objectives: {
    id: string;
    file: string;
    progress: number;
    keyResults: { id: string; current?: number }[];
  }[];
}

describe('okr status --at', () => {
  it('shows the status as it was at a revision, read from git, leaving the working tree alone', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml({ current: 120 }) });
    const first = git(dir, ['rev-parse', 'HEAD']).trim();
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 150 }), 'okrs/team.yaml': teamYaml() });
    commitAll(dir, 'more', '2026-10-10T12:00:00Z');
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 180 }) });
    const at = (rev: string) => {
      const r = runOkr(['status', '--at', rev, '--format', 'json', '--as-of', '2026-10-20'], { cwd: dir });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as StatusJson;
    };
    const then = at(first);
    expect(then.objectives.map((o) => [o.id, o.keyResults[0]!.current])).toEqual([['grow', 120]]);
    expect(then.objectives[0]!.progress).toBeCloseTo(0.2);
    expect(at('HEAD').objectives.map((o) => [o.id, o.keyResults[0]!.current])).toEqual([
      ['grow', 150],
      ['checkout', 2.5],
    ]);
    // The uncommitted edit is still there, untouched.
    expect(git(dir, ['status', '--porcelain']).trim()).toBe('M okrs/company.yaml');
  });

  it('exits 2 on an unknown revision and outside git', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const unknown = runOkr(['status', '--at', 'v9'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown revision "v9"');
    const outside = runOkr(['status', '--at', 'HEAD'], {
      cwd: makeProject({ 'okrs/company.yaml': companyYaml() }),
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not a git repository: okr status --at');
  });
});
