import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, runOkr, writeFiles } from '../helpers.js';
import { Q3_CHECKOUT, Q3_COMPANY, Q4_CHECKOUT, Q4_COMPANY, snapshot, twoCycleRepo } from './two-cycles.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  target: string | null;
}

function problems(dir: string, args: string[]): { list: Problem[]; code: number } {
  const r = runOkr(['check', '--format', 'json', ...args], { cwd: dir });
  return { list: (JSON.parse(r.stdout) as { problems: Problem[] }).problems, code: r.code };
}

describe('okr close', () => {
  it('adds closed: DATE after cycle: in every file of the cycle, and changes nothing else', () => {
    const dir = twoCycleRepo();
    const r = runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'okrs/2026-Q3/checkout.yaml: closed: 2026-10-02',
        'okrs/2026-Q3/company.yaml: closed: 2026-10-02',
        'cycle "2026-Q3" closed on 2026-10-02: 2 files written; its numbers are final',
        '',
      ].join('\n'),
    );
    // One line added after cycle: (and after its comment); every comment and byte kept.
    expect(read(dir, 'okrs/2026-Q3/company.yaml')).toBe(
      Q3_COMPANY.replace(
        'cycle: 2026-Q3 # July to September\n',
        'cycle: 2026-Q3 # July to September\nclosed: 2026-10-02\n',
      ),
    );
    expect(read(dir, 'okrs/2026-Q3/checkout.yaml')).toBe(
      Q3_CHECKOUT.replace('cycle: 2026-Q3\n', 'cycle: 2026-Q3\nclosed: 2026-10-02\n'),
    );
    // The other cycle is not touched, and no temporary or lock file is left behind.
    expect(read(dir, 'okrs/2026-Q4/company.yaml')).toBe(Q4_COMPANY);
    expect(read(dir, 'okrs/2026-Q4/checkout.yaml')).toBe(Q4_CHECKOUT);
    expect([...snapshot(dir).keys()]).toEqual([
      'okr.config.yaml',
      'okrs/2026-Q3/checkout.yaml',
      'okrs/2026-Q3/company.yaml',
      'okrs/2026-Q4/checkout.yaml',
      'okrs/2026-Q4/company.yaml',
    ]);
    // The closed files still check clean.
    expect(problems(dir, ['--as-of', '2026-10-05'])).toEqual({ list: [], code: 0 });
  });

  it('closing a closed cycle again changes no byte and says so (exit 0); --date defaults to --as-of', () => {
    const dir = twoCycleRepo();
    expect(runOkr(['close', '2026-Q3', '--as-of', '2026-10-03'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'okrs/2026-Q3/checkout.yaml')).toContain('cycle: 2026-Q3\nclosed: 2026-10-03\n');
    const before = snapshot(dir);
    const again = runOkr(['close', '2026-Q3', '--date', '2026-10-09'], { cwd: dir });
    expect(again).toEqual({
      code: 0,
      stdout: 'cycle "2026-Q3" is closed already (closed: 2026-10-03); nothing was written\n',
      stderr: '',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a cycle no file has (exit 2, naming the cycles there are) and a date that is none', () => {
    const dir = twoCycleRepo();
    const before = snapshot(dir);
    expect(runOkr(['close', '2026-Q2'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'okr: no OKR file has cycle "2026-Q2"\n  hint: the cycles of the OKR files are 2026-Q3, 2026-Q4\n',
    });
    const badDate = runOkr(['close', '2026-Q3', '--date', '2026-09-31'], { cwd: dir });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^okr: --date takes .*not "2026-09-31"\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('stops before writing when a file that may belong to the cycle does not load; one of another cycle does not matter', () => {
    const dir = twoCycleRepo();
    writeFiles(dir, { 'okrs/2026-Q3/broken.yaml': 'owner: [sales\ncycle: 2026-Q3\n' });
    const before = snapshot(dir);
    const r = runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'okr: cannot close cycle "2026-Q3": okrs/2026-Q3/broken.yaml did not load, and may belong to it; nothing was written\n  hint: run "okr check" and fix the file first\n',
    );
    expect(snapshot(dir)).toEqual(before);
    // A file with a schema problem that says it is of 2026-Q4 does not stop closing 2026-Q3.
    writeFiles(dir, { 'okrs/2026-Q3/broken.yaml': 'owner: sales\ncycle: 2026-Q4\nobjectives: 3\n' });
    expect(runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'okrs/2026-Q3/broken.yaml')).toBe('owner: sales\ncycle: 2026-Q4\nobjectives: 3\n');
  });

  it('a closed cycle rolls over into open files, where check-ins are taken again', () => {
    const dir = twoCycleRepo();
    expect(runOkr(['close', '2026-Q4', '--date', '2027-01-05'], { cwd: dir }).code).toBe(0);
    expect(runOkr(['rollover', '2026-Q4', '2027-Q1', '--as-of', '2027-01-05'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'okrs/2027-Q1/company.yaml')).not.toContain('closed:');
    const r = runOkr(['checkin', 'grow-revenue-2027-q1/arr', '25', '--date', '2027-01-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read(dir, 'okrs/2027-Q1/company.yaml')).toContain('current: 25 # from the finance report');
  });

  it('okr checkin refuses to write in a closed file (exit 1, naming it), byte for byte; an open file still takes it', () => {
    const dir = twoCycleRepo();
    runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir });
    const closed = read(dir, 'okrs/2026-Q3/company.yaml');
    for (const extra of [[], ['--dry-run']]) {
      const r = runOkr(['checkin', 'open-nordics/deals', '6', '--date', '2026-10-04', ...extra], {
        cwd: dir,
      });
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'okr: okrs/2026-Q3/company.yaml is closed (closed: 2026-10-02): the numbers of a closed cycle are final, so nothing was written; record the value in the next cycle\'s objective, or remove the "closed:" line to reopen the cycle\n',
      });
      expect(read(dir, 'okrs/2026-Q3/company.yaml')).toBe(closed);
    }
    const open = runOkr(['checkin', 'grow-revenue/arr', '24', '--date', '2026-12-05'], { cwd: dir });
    expect(open.code).toBe(0);
    expect(read(dir, 'okrs/2026-Q4/company.yaml')).toContain('current: 24 # from the finance report');
  });

  it('stale-kr is silent in a closed file, even while its cycle still runs', () => {
    const dir = twoCycleRepo();
    const stale = (d: string) =>
      problems(d, ['--as-of', '2026-09-25'])
        .list.filter((p) => p.ruleId === 'stale-kr')
        .map((p) => p.target);
    expect(stale(dir)).toEqual(['faster-checkout/p95', 'open-nordics/deals']);
    expect(runOkr(['close', '2026-Q3', '--date', '2026-09-25'], { cwd: dir }).code).toBe(0);
    expect(stale(dir)).toEqual([]);
  });

  it('okr check --base main reports a pull request that edits a closed cycle as closed-cycle-edit (error)', () => {
    const dir = twoCycleRepo();
    runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir });
    commitAll(dir, 'Close 2026-Q3', '2026-10-02T12:00:00Z');
    git(dir, ['checkout', '-q', '-b', 'lower-the-bar']);
    writeFiles(dir, {
      'okrs/2026-Q3/company.yaml': read(dir, 'okrs/2026-Q3/company.yaml').replace('target: 10', 'target: 5'),
    });
    commitAll(dir, 'Q3 target was too ambitious', '2026-10-20T12:00:00Z');
    const { list, code } = problems(dir, ['--base', 'main', '--as-of', '2026-10-20']);
    expect(code).toBe(1);
    expect(list.filter((p) => p.ruleId === 'closed-cycle-edit')).toEqual([
      {
        ruleId: 'closed-cycle-edit',
        severity: 'error',
        message:
          'key result "open-nordics/deals" changes its target from 10 to 5, but cycle "2026-Q3" was closed on 2026-10-02: a closed cycle\'s numbers are final; undo the change, or reopen the cycle by removing "closed:" in a change of its own',
        file: 'okrs/2026-Q3/company.yaml',
        line: 13,
        column: 17,
        target: 'open-nordics/deals',
      },
    ]);
    // The same kind of edit in the open cycle is no closed-cycle-edit.
    git(dir, ['checkout', '-q', 'main']);
    git(dir, ['checkout', '-q', '-b', 'q4-change']);
    writeFiles(dir, { 'okrs/2026-Q4/company.yaml': Q4_COMPANY.replace('target: 40', 'target: 35') });
    commitAll(dir, 'Q4 target', '2026-10-20T12:00:00Z');
    const open = problems(dir, ['--base', 'main', '--as-of', '2026-10-20']);
    expect(open.list.filter((p) => p.ruleId === 'closed-cycle-edit')).toEqual([]);
    expect(open.code).toBe(0);
  });
});
