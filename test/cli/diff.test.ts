import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyYaml, okrRepo, okrYaml, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, gitInit, makeProject, runOkr, tempDir, writeFiles } from '../helpers.js';

interface DiffJson {
  base: string;
  head: string;
  added: { id: string; kind: string }[];
  removed: { id: string; kind: string }[];
  changed: { id: string; field: string; from: unknown; to: unknown; movedGoalpost: boolean }[];
  progress: { id: string; from: number; to: number }[];
  problems: { introduced: { ruleId: string; target: string | null; line: number }[]; fixed: unknown[] };
}

function diffJson(cwd: string, args: string[] = []): DiffJson {
  const r = runOkr(['diff', '--format', 'json', '--as-of', '2026-10-20', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']).trim();

describe('okr diff on a feature branch', () => {
  it('compares the working tree with the merge-base of the default branch', () => {
    const dir = okrRepo({
      'okrs/company.yaml': companyYaml(),
      'okrs/old.yaml': okrYaml('old', '2026-Q4', [{ id: 'legacy', krs: [{ id: 'a', start: 0, target: 1 }] }]),
    });
    const forkPoint = head(dir);
    git(dir, ['checkout', '-q', '-b', 'feature']);
    git(dir, ['rm', '-q', 'okrs/old.yaml']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    commitAll(dir, 'team OKRs', '2026-10-10T12:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 190 }) });
    commitAll(dir, 'main moves on', '2026-10-11T12:00:00Z');
    git(dir, ['checkout', '-q', 'feature']);
    const diff = diffJson(dir);
    expect(diff.base).toBe(forkPoint);
    expect(diff.head).toBe('WORKTREE');
    expect(diff.added).toEqual([
      { id: 'checkout', kind: 'objective' },
      { id: 'checkout/conversion', kind: 'kr' },
    ]);
    expect(diff.removed).toEqual([
      { id: 'legacy', kind: 'objective' },
      { id: 'legacy/a', kind: 'kr' },
    ]);
    // main's own later change to company.yaml is not part of the feature's diff.
    expect(diff.changed).toEqual([]);
  });

  it('includes uncommitted edits, flagging a target moved after the cycle started', () => {
    const company = okrYaml('company', '2026', [
      { id: 'grow', title: 'Grow revenue through new buyers in every market', krs: [{ id: 'buyers' }] },
    ]);
    const dir = okrRepo({ 'okrs/company.yaml': company, 'okrs/team.yaml': teamYaml() });
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ target: 2.8, current: 2.6 }) });
    const diff = diffJson(dir);
    expect(diff.base).toBe(head(dir));
    expect(diff.changed).toEqual([
      { id: 'checkout/conversion', field: 'target', from: 3, to: 2.8, movedGoalpost: true },
    ]);
    // The team's KR and objective, and the company KR and objective they roll up into.
    expect(diff.progress.map((p) => p.id)).toEqual([
      'grow',
      'grow/buyers',
      'checkout',
      'checkout/conversion',
    ]);
    for (const p of diff.progress) {
      expect(p.from).toBeCloseTo(0.5);
      expect(p.to).toBeCloseTo(0.75);
    }
  });

  it('does not flag the same edit before the cycle starts', () => {
    const dir = okrRepo({ 'okrs/team.yaml': teamYaml() });
    writeFiles(dir, { 'okrs/team.yaml': teamYaml({ target: 2.8 }) });
    const r = runOkr(['diff', '--format', 'json', '--as-of', '2026-09-15'], { cwd: dir });
    expect((JSON.parse(r.stdout) as DiffJson).changed).toEqual([
      { id: 'checkout/conversion', field: 'target', from: 3, to: 2.8, movedGoalpost: false },
    ]);
  });
});

describe('okr diff follows ids, not paths', () => {
  it('sees a renamed file as no change', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml(), 'okrs/team.yaml': teamYaml() });
    const base = head(dir);
    git(dir, ['mv', 'okrs/team.yaml', 'okrs/checkout-team.yaml']);
    commitAll(dir, 'rename', '2026-10-05T12:00:00Z');
    const diff = diffJson(dir, [base, 'HEAD']);
    expect(diff.head).toBe(head(dir));
    expect([diff.added, diff.removed, diff.changed, diff.progress]).toEqual([[], [], [], []]);
  });

  it('sees an objective moved into another file, in another folder, as no addition or removal', () => {
    const both = okrYaml('checkout', '2026-Q4', [
      {
        id: 'checkout',
        title: 'Make checkout effortless for first-time buyers',
        parent: 'grow/buyers',
        krs: [{ id: 'conversion', start: 2, target: 3, current: 2.5 }],
      },
      {
        id: 'payments',
        title: 'Make paying safe for every customer',
        krs: [{ id: 'fraud', start: 5, target: 1, current: 4 }],
      },
    ]);
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml(), 'okrs/team.yaml': both });
    const base = head(dir);
    writeFiles(dir, {
      'okrs/team.yaml': teamYaml(),
      'okrs/payments/payments.yaml': okrYaml('checkout', '2026-Q4', [
        {
          id: 'payments',
          title: 'Make paying safe for every customer',
          krs: [{ id: 'fraud', start: 5, target: 1, current: 4 }],
        },
      ]),
    });
    commitAll(dir, 'split the file', '2026-10-05T12:00:00Z');
    const diff = diffJson(dir, [base]);
    expect([diff.added, diff.removed, diff.changed, diff.progress]).toEqual([[], [], [], []]);
  });

  it('compares across a merge commit', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const base = head(dir);
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'okrs/team.yaml': teamYaml() });
    commitAll(dir, 'team OKRs', '2026-10-04T12:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ current: 150 }) });
    commitAll(dir, 'check-in', '2026-10-05T12:00:00Z');
    git(dir, ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], '2026-10-06T12:00:00Z');
    const diff = diffJson(dir, [base, 'HEAD']);
    expect(diff.added.map((i) => i.id)).toEqual(['checkout', 'checkout/conversion']);
    expect(diff.progress.map((p) => [p.id, p.from, p.to])).toEqual([
      ['grow', 0.2, 0.5],
      ['grow/buyers', 0.2, 0.5],
    ]);
    // Since the merge's first parent, only the feature's files changed.
    const sinceMain = diffJson(dir, ['HEAD^1', 'HEAD']);
    expect(sinceMain.added.map((i) => i.id)).toEqual(['checkout', 'checkout/conversion']);
    expect(sinceMain.progress).toEqual([]);
  });
});

describe('okr diff failure modes', () => {
  it('says plainly that a folder outside git has no history, exit 2', () => {
    const dir = makeProject({ 'okrs/company.yaml': companyYaml() });
    const r = runOkr(['diff'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^okr: not a git repository: okr diff reads OKR files from git history/);
    expect(r.stdout).toBe('');
  });

  it('says that git cannot be run when it is not on the PATH, exit 2', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const r = runOkr(['diff'], { cwd: dir, env: { PATH: tempDir('okr-no-git-') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'okr: cannot run git: okr diff reads OKR files from git history; install git, or put it on the PATH\n',
    );
    // okr check runs without git: stale-kr then has no history, nothing else changes.
    const check = runOkr(['check', '--as-of', '2026-11-20'], {
      cwd: dir,
      env: { PATH: tempDir('okr-no-git-') },
    });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('names an unknown revision, exit 2', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    const r = runOkr(['diff', 'no-such-branch'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown revision "no-such-branch"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('tells a shallow clone without the base to fetch more history, exit 2', () => {
    const upstream = okrRepo({ 'okrs/company.yaml': companyYaml() });
    writeFiles(upstream, { 'okrs/company.yaml': companyYaml({ current: 130 }) });
    commitAll(upstream, 'check-in', '2026-10-05T12:00:00Z');
    git(upstream, ['checkout', '-q', '-b', 'feature']);
    writeFiles(upstream, { 'okrs/team.yaml': teamYaml() });
    commitAll(upstream, 'team', '2026-10-06T12:00:00Z');
    git(upstream, ['checkout', '-q', 'main']);
    writeFiles(upstream, { 'okrs/company.yaml': companyYaml({ current: 140 }) });
    commitAll(upstream, 'main moves on', '2026-10-07T12:00:00Z');
    // As CI checks out a pull request: the default branch and the branch, one commit each.
    const clone = tempDir('okr-shallow-');
    git(clone, ['clone', '-q', '--depth', '1', `file://${upstream}`, '.']);
    git(clone, ['fetch', '-q', '--depth', '1', 'origin', 'feature:feature']);
    git(clone, ['checkout', '-q', 'feature']);
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    const byDefault = runOkr(['diff'], { cwd: clone });
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toContain('HEAD and "origin/main" have no common commit in this clone');
    expect(byDefault.stderr).toContain('fetch-depth: 0');
    expect(byDefault.stderr).toContain('git fetch --deepen');
    expect(byDefault.stdout).toBe('');
    const named = runOkr(['diff', 'HEAD~1'], { cwd: clone });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/revision "HEAD~1" is not in this repository; this is a shallow clone/);
    // Deepened, the same command works.
    git(clone, ['fetch', '-q', '--unshallow', 'origin', 'feature', 'main']);
    expect(runOkr(['diff'], { cwd: clone }).code).toBe(0);
  });

  it('says a repository without commits has nothing to compare with, exit 2', () => {
    const dir = tempDir('okr-git-');
    gitInit(dir);
    writeFiles(dir, { 'okrs/company.yaml': companyYaml() });
    const r = runOkr(['diff'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('okr: the repository has no commits yet; commit the OKR files first\n');
  });

  it('treats a base without OKR files as everything added, exit 0', () => {
    const dir = tempDir('okr-git-');
    gitInit(dir);
    writeFiles(dir, { 'README.md': 'plans to come\n' });
    const base = commitAll(dir, 'readme', '2026-09-01T12:00:00Z');
    writeFiles(dir, { 'okrs/company.yaml': companyYaml() });
    const diff = diffJson(dir, [base]);
    expect(diff.added).toEqual([
      { id: 'grow', kind: 'objective' },
      { id: 'grow/buyers', kind: 'kr' },
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.progress).toEqual([]);
  });
});

describe('okr diff formats', () => {
  it('writes markdown for a pull request: summary table first, details folded, user text escaped', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    writeFiles(dir, {
      'okrs/company.yaml': companyYaml({ target: 180 }),
      'okrs/evil.yaml': okrYaml('<img src=x onerror=alert(1)>', '2026-Q4', [
        {
          id: 'evil',
          title: 'Win | break <b>tables</b> and **bold** claims',
          krs: [{ id: 'k', start: 0, target: 1 }],
        },
      ]),
    });
    const r = runOkr(['diff', '--format', 'markdown', '--as-of', '2026-10-20'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    const table = out.indexOf('| Change | Count |');
    expect(table).toBeGreaterThan(-1);
    expect(table).toBeLessThan(out.indexOf('<details>'));
    expect(out).toContain('| Moved goalposts | **1** ⚠️ |');
    expect(out).toContain('<details><summary>Added (2)</summary>');
    expect(out).toContain('Win \\| break &lt;b&gt;tables&lt;/b&gt; and \\*\\*bold\\*\\* claims');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
  });

  it('appends its markdown to the GitHub Actions job summary when GITHUB_STEP_SUMMARY names one', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ target: 180 }), 'summary.md': '# earlier step\n' });
    const summary = join(dir, 'summary.md');
    const r = runOkr(['diff', '--as-of', '2026-10-20'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ key result grow/buyers  target: 200 → 180');
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n### OKR changes\n')).toBe(true);
    expect(written).toContain('| Moved goalposts | **1** ⚠️ |');
  });

  it('writes text with one section a kind of change and the moved goalpost marked', () => {
    const dir = okrRepo({ 'okrs/company.yaml': companyYaml() });
    writeFiles(dir, { 'okrs/company.yaml': companyYaml({ target: 180, current: 150 }) });
    const r = runOkr(['diff', '--as-of', '2026-10-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '~ key result grow/buyers  target: 200 → 180  (moved goalpost: cycle "2026-Q4" had started)',
    );
    expect(r.stdout).toContain('↑ company objective grow  20% → 63%');
    const unchanged = runOkr(['diff'], { cwd: okrRepo({ 'okrs/company.yaml': companyYaml() }) });
    expect(unchanged.stdout).toMatch(/^OKR changes from [0-9a-f]{7} to the working tree: none\.\n$/);
  });
});
