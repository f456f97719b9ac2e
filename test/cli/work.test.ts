import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyYaml, okrRepo, okrYaml, teamYaml } from '../git/okr-repo.js';
import { commitAll, git, gitInit, runOkr, tempDir, writeFiles } from '../helpers.js';

interface WorkJson {
  since: string | null;
  items: {
    id: string;
    kind: string;
    commits: { sha: string; date: string; author: string; subject: string; repo: string }[];
    total: number;
    last: string | null;
    quiet: boolean;
  }[];
}

const OPS = okrYaml('ops', '2026-Q4', [
  { id: 'ops', krs: [{ id: 'fixes', start: 0, target: 10, current: 2 }] },
]);

/**
 * company grow (KR buyers) ← checkout (KR conversion, aligned to grow/buyers); ops on its own.
 * Commits: c1 one trailer, c2 two trailers, c3 a lowercase key, c4 a trailer-like line mid-body
 * (not a trailer for git), c5 on a branch merged by m (whose own message names a KR), c6 none.
 */
function workRepo() {
  const dir = okrRepo(
    { 'okrs/company.yaml': companyYaml(), 'okrs/team.yaml': teamYaml(), 'okrs/ops.yaml': OPS },
    '2026-10-01T12:00:00Z',
  );
  const c1 = commitAll(dir, 'Cache the cart\n\nOKR: checkout/conversion', '2026-10-05T12:00:00Z');
  const c2 = commitAll(
    dir,
    'Faster sign-up\n\nOKR: checkout/conversion\nOKR: grow/buyers',
    '2026-10-08T12:00:00Z',
  );
  const c3 = commitAll(dir, 'Lowercase key\n\nokr: checkout', '2026-10-10T12:00:00Z');
  const c4 = commitAll(
    dir,
    'Mid-body line\n\nOKR: ops\n\nThis paragraph ends the message.',
    '2026-10-12T12:00:00Z',
  );
  git(dir, ['checkout', '-q', '-b', 'feat']);
  const c5 = commitAll(dir, 'Branch work\n\nOKR: grow', '2026-10-15T12:00:00Z');
  git(dir, ['checkout', '-q', 'main']);
  const c6 = commitAll(dir, 'Main side', '2026-10-16T12:00:00Z');
  git(
    dir,
    ['merge', '-q', '--no-ff', 'feat', '-m', 'Merge feat\n\nOKR: checkout/conversion'],
    '2026-10-17T12:00:00Z',
  );
  const m = git(dir, ['rev-parse', 'HEAD']).trim();
  return { dir, c1, c2, c3, c4, c5, c6, m };
}

/** A product repository: a1 names a team KR, a0 names ops long ago. */
function appRepo() {
  const dir = tempDir('okr-app-');
  gitInit(dir);
  writeFiles(dir, { 'src/app.js': 'export {};\n' });
  const a0 = commitAll(dir, 'Ops fix\n\nOKR: ops', '2026-10-01T12:00:00Z');
  const a1 = commitAll(dir, 'App work\n\nOKR: checkout/conversion', '2026-10-20T12:00:00Z');
  return { dir, a0, a1 };
}

function work(cwd: string, args: string[]): WorkJson {
  const r = runOkr(['work', '--format', 'json', '--as-of', '2026-11-01', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as WorkJson;
}

const byId = (w: WorkJson) => new Map(w.items.map((i) => [i.id, i]));

describe('okr work', () => {
  it('links commits by trailer (one, several, lowercase key, merges) and rolls counts up the alignment graph', () => {
    const r = workRepo();
    const app = appRepo();
    const w = work(r.dir, ['--repo', app.dir]);
    expect(w.since).toBeNull();
    // File order: company.yaml, ops.yaml, team.yaml (each objective then its KRs).
    expect(w.items.map((i) => i.id)).toEqual([
      'grow',
      'grow/buyers',
      'ops',
      'ops/fixes',
      'checkout',
      'checkout/conversion',
    ]);
    const items = byId(w);
    const conversion = items.get('checkout/conversion')!;
    // Newest first across both repositories: a1 (10-20), m (10-17), c2 (10-08), c1 (10-05).
    expect(conversion.commits.map((c) => [c.sha, c.date, c.repo])).toEqual([
      [app.a1, '2026-10-20', app.dir],
      [r.m, '2026-10-17', '.'],
      [r.c2, '2026-10-08', '.'],
      [r.c1, '2026-10-05', '.'],
    ]);
    expect(conversion.commits[2]).toMatchObject({ author: 'Test', subject: 'Faster sign-up' });
    expect(conversion).toMatchObject({ kind: 'kr', total: 4, last: '2026-10-20', quiet: false });
    // checkout: its own c3 (lowercase key) + the 4 of its KR = 5.
    expect(items.get('checkout')).toMatchObject({ total: 5, last: '2026-10-20', quiet: false });
    expect(items.get('checkout')!.commits.map((c) => c.sha)).toEqual([r.c3]);
    // grow/buyers: its own c2 + checkout's 5, c2 counted once = 5.
    expect(items.get('grow/buyers')).toMatchObject({ total: 5, last: '2026-10-20' });
    // grow: c5 (reached through the merge's second parent, listed once) + buyers' 5 = 6.
    expect(items.get('grow')).toMatchObject({ total: 6, last: '2026-10-20', quiet: false });
    expect(items.get('grow')!.commits.map((c) => c.sha)).toEqual([r.c5]);
    // ops: c4's mid-body line is no trailer; only a0 (2026-10-01) names it. 2026-11-01 − 2026-10-01
    // = 31 days > 21, and 2026-Q4 runs on 2026-11-01: quiet. A KR is never quiet.
    expect(items.get('ops')).toMatchObject({
      commits: [{ sha: app.a0 }],
      total: 1,
      last: '2026-10-01',
      quiet: true,
    });
    expect(items.get('ops/fixes')).toMatchObject({ commits: [], total: 0, last: null, quiet: false });
  });

  it('is quiet from work.quiet_days and follows a renamed trailer key', () => {
    const dir = okrRepo({
      'okr.config.yaml': 'work: { trailer: Goal, quiet_days: 40 }\n',
      'okrs/ops.yaml': OPS,
    });
    commitAll(dir, 'Fix\n\nGoal: ops\nOKR: ops/fixes', '2026-10-01T12:00:00Z');
    const items = byId(work(dir, []));
    // 31 days ≤ 40: not quiet. The OKR: trailer is not the configured key.
    expect(items.get('ops')).toMatchObject({ total: 1, last: '2026-10-01', quiet: false });
    expect(items.get('ops/fixes')).toMatchObject({ total: 0 });
    // At 2026-11-11, 41 days > 40: quiet.
    const later = runOkr(['work', '-f', 'json', '--as-of', '2026-11-11'], { cwd: dir });
    expect(byId(JSON.parse(later.stdout) as WorkJson).get('ops')!.quiet).toBe(true);
    const config = runOkr(['config'], { cwd: dir });
    expect(config.stdout).toContain('work:\n  trailer: Goal\n  quiet_days: 40\n');
  });

  it('takes --since as a day or as a revision', () => {
    const r = workRepo();
    // Day 2026-10-06 on: c2, c3, c5, m. grow: c5 + {c2, c3, m} = 4; grow/buyers: {c2, c3, m} = 3.
    const byDay = byId(work(r.dir, ['--since', '2026-10-06']));
    expect(byDay.get('grow')!.total).toBe(4);
    expect(byDay.get('grow/buyers')!.total).toBe(3);
    // After c3 (c3..HEAD): c4, c5, c6, m. grow: c5 + m = 2; checkout/conversion: m = 1.
    const byRev = work(r.dir, ['--since', r.c3]);
    expect(byRev.since).toBe(r.c3);
    expect(byId(byRev).get('grow')!.total).toBe(2);
    expect(
      byId(byRev)
        .get('checkout/conversion')!
        .commits.map((c) => c.sha),
    ).toEqual([r.m]);
  });

  it('reads a repository again only when its git state changed: a second run runs no git', () => {
    const r = workRepo();
    const app = appRepo();
    /** okr work on both repositories, with the git commands it ran (GIT_TRACE, which git writes). */
    const traced = (): { out: string; gitLogs: string[] } => {
      const trace = join(tempDir('okr-trace-'), 'trace.txt');
      const run = runOkr(['work', '--format', 'json', '--as-of', '2026-11-01', '--repo', app.dir], {
        cwd: r.dir,
        env: { GIT_TRACE: trace },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [];
      return { out: run.stdout, gitLogs: lines.filter((l) => /built-in: git log /.test(l)) };
    };
    const cold = traced();
    expect(cold.gitLogs).toHaveLength(2);
    // Kept in the OKR repository's git folder (it has no node_modules): nothing in the working tree.
    expect(git(r.dir, ['status', '--porcelain'])).toBe('');
    const warm = traced();
    expect(warm.gitLogs).toEqual([]);
    expect(warm.out).toBe(cold.out);
    expect(work(r.dir, ['--repo', app.dir])).toEqual(JSON.parse(cold.out));

    // A new commit in the product repository: that repository alone is read again.
    const a2 = commitAll(app.dir, 'More app work\n\nOKR: ops', '2026-10-25T12:00:00Z');
    const afterApp = traced();
    expect(afterApp.gitLogs).toHaveLength(1);
    expect(
      byId(JSON.parse(afterApp.out) as WorkJson)
        .get('ops')!
        .commits.map((c) => c.sha),
    ).toContain(a2);
    // One in the OKR repository: it is read again, and its new commit counts.
    writeFiles(r.dir, { 'notes.txt': 'notes\n' });
    const c7 = commitAll(r.dir, 'Notes\n\nOKR: ops', '2026-10-26T12:00:00Z');
    const afterOwn = traced();
    expect(afterOwn.gitLogs).toHaveLength(1);
    expect(byId(JSON.parse(afterOwn.out) as WorkJson).get('ops')!.commits[0]!.sha).toBe(c7);
    // The same as a run without any cache.
    const fresh = runOkr(
      ['--no-cache', 'work', '--format', 'json', '--as-of', '2026-11-01', '--repo', app.dir],
      {
        cwd: r.dir,
      },
    );
    expect(fresh.stdout).toBe(traced().out);
  });

  it('after HEAD moves reads only the difference from the commit it last read, and shows what a whole read shows', () => {
    const r = workRepo();
    /** okr work's JSON with the git log runs it made (GIT_TRACE), and the JSON of a --no-cache run. */
    const traced = (): { out: string; fresh: string; gitLogs: string[] } => {
      const trace = join(tempDir('okr-trace-'), 'trace.txt');
      const run = runOkr(['work', '--format', 'json', '--as-of', '2026-11-01'], {
        cwd: r.dir,
        env: { GIT_TRACE: trace },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const fresh = runOkr(['--no-cache', 'work', '--format', 'json', '--as-of', '2026-11-01'], {
        cwd: r.dir,
      });
      const lines = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [];
      return {
        out: run.stdout,
        fresh: fresh.stdout,
        gitLogs: lines.filter((l) => /built-in: git log /.test(l)),
      };
    };
    const shas = (out: string, id: string) =>
      byId(JSON.parse(out) as WorkJson)
        .get(id)!
        .commits.map((c) => c.sha);
    const first = traced();
    expect(first.gitLogs).toHaveLength(1);
    expect(first.gitLogs[0]).not.toContain('...HEAD');

    // A new commit: one git log of the difference from the merge it last read; the stored base (all
    // the commits read whole) is kept byte for byte, the small head file takes the new commit.
    const cache = join(r.dir, '.git', 'okr-cache', '%2E');
    const base = readFileSync(join(cache, 'work.json'));
    const pointer = readFileSync(join(cache, 'work-head.json'));
    writeFiles(r.dir, { 'a.txt': 'a\n' });
    const c7 = commitAll(r.dir, 'Next\n\nOKR: ops', '2026-10-20T12:00:00Z');
    const next = traced();
    expect(next.gitLogs).toHaveLength(1);
    expect(next.gitLogs[0]).toContain(`${r.m}...HEAD`);
    expect(next.out).toBe(next.fresh);
    expect(shas(next.out, 'ops')[0]).toBe(c7);
    expect(readFileSync(join(cache, 'work.json')).equals(base)).toBe(true);
    expect(readFileSync(join(cache, 'work-head.json')).equals(pointer)).toBe(false);

    // A side branch merged, whose commit is older than the last one read, of the same day: it takes
    // its place by date, as in a whole read.
    git(r.dir, ['checkout', '-q', '-b', 'old', r.c6]);
    const c8 = commitAll(r.dir, 'Old side\n\nOKR: ops', '2026-10-20T09:00:00Z');
    git(r.dir, ['checkout', '-q', 'main']);
    git(r.dir, ['merge', '-q', '--no-ff', 'old', '-m', 'Merge old'], '2026-10-21T12:00:00Z');
    const merged = traced();
    expect(merged.gitLogs).toHaveLength(1);
    expect(merged.gitLogs[0]).toContain(`${c7}...HEAD`);
    expect(merged.out).toBe(merged.fresh);
    expect(shas(merged.out, 'ops')).toEqual([c7, c8]);

    // Reset to before both: their commits are gone from the counts.
    git(r.dir, ['reset', '-q', '--hard', r.m]);
    const reset = traced();
    expect(reset.gitLogs).toHaveLength(1);
    expect(reset.gitLogs[0]).toContain('...HEAD');
    expect(reset.out).toBe(reset.fresh);
    expect(reset.out).toBe(first.out);
    // HEAD went back into the history it had read: git does not name it, so the next move reads all.
    const amended = commitAll(r.dir, 'Amended\n\nOKR: grow', '2026-10-22T12:00:00Z');
    const afterReset = traced();
    expect(afterReset.gitLogs).toHaveLength(1);
    expect(afterReset.out).toBe(afterReset.fresh);
    expect(shas(afterReset.out, 'grow')[0]).toBe(amended);

    // Another branch whose history forked early: commits only it has come in, those only main has go.
    git(r.dir, ['checkout', '-q', '-b', 'other', r.c2]);
    const c9 = commitAll(r.dir, 'Other branch\n\nOKR: checkout', '2026-10-23T12:00:00Z');
    const other = traced();
    expect(other.gitLogs).toHaveLength(1);
    expect(other.gitLogs[0]).toContain(`${amended}...HEAD`);
    expect(other.out).toBe(other.fresh);
    expect(shas(other.out, 'checkout')).toEqual([c9]);
    expect(shas(other.out, 'ops')).toEqual([]);

    // The commit it last read no longer exists (its branch deleted, the repository pruned): a whole read.
    git(r.dir, ['checkout', '-q', '--detach', r.c1]);
    git(r.dir, ['branch', '-q', '-D', 'other', 'old', 'feat']);
    git(r.dir, ['branch', '-q', '-f', 'main', r.c1]);
    git(r.dir, ['reflog', 'expire', '--expire=now', '--all']);
    git(r.dir, ['gc', '-q', '--prune=now']);
    expect(() => git(r.dir, ['rev-parse', '--verify', '--quiet', `${c9}^{commit}`])).toThrow();
    const pruned = traced();
    expect(pruned.out).toBe(pruned.fresh);
    expect(pruned.gitLogs.length).toBeGreaterThanOrEqual(1);
    expect(shas(pruned.out, 'checkout/conversion')).toEqual([r.c1]);
  });

  it('stores the commits whole again once those added since the last whole read outgrow the head file', () => {
    const r = workRepo();
    const cache = join(r.dir, '.git', 'okr-cache', '%2E');
    work(r.dir, []);
    const base = readFileSync(join(cache, 'work.json'));
    // More commits than the head file keeps (64 for a history this small), in one move of HEAD.
    const added: string[] = [];
    for (let i = 0; i < 70; i++)
      added.push(
        commitAll(
          r.dir,
          `Step ${i}\n\nOKR: ops`,
          `2026-10-18T${12 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00Z`,
        ),
      );
    const after = work(r.dir, []);
    expect(readFileSync(join(cache, 'work.json')).equals(base)).toBe(false);
    expect(after).toEqual(work(r.dir, ['--no-cache']));
    expect(
      byId(after)
        .get('ops')!
        .commits.map((c) => c.sha),
    ).toEqual(added.reverse());
    // Read back from the new base.
    expect(work(r.dir, [])).toEqual(after);
  });

  it('shows one item and what is aligned below it; an unknown ref or revision is a clear error', () => {
    const r = workRepo();
    expect(work(r.dir, ['grow/buyers']).items.map((i) => i.id)).toEqual([
      'grow/buyers',
      'checkout',
      'checkout/conversion',
    ]);
    const unknown = runOkr(['work', 'grwo'], { cwd: r.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no objective or key result "grwo"');
    const rev = runOkr(['work', '--since', 'no-such-branch'], { cwd: r.dir });
    expect(rev.code).toBe(2);
    expect(rev.stderr).toContain('unknown revision "no-such-branch"');
    const notRepo = tempDir('okr-not-repo-');
    const other = runOkr(['work', '--repo', notRepo], { cwd: r.dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`okr: not a git repository: okr work --repo ${notRepo}`);
  });

  it('prints text and markdown', () => {
    const r = workRepo();
    const text = runOkr(['work', '--as-of', '2026-11-01'], { cwd: r.dir });
    expect(text.code).toBe(0);
    // Without the product repository ops has no linked commit at all: quiet.
    expect(text.stdout).toMatch(/ops {2}0 commits {2}no linked work/);
    expect(text.stdout).toContain(`    ${r.c1.slice(0, 7)} 2026-10-05 Test: Cache the cart`);
    const md = runOkr(['work', '-f', 'markdown', '--as-of', '2026-11-01'], { cwd: r.dir });
    // Without the product repository grow counts c5, c2, c3, m, c1 = 5; its newest is m (10-17).
    expect(md.stdout).toContain('| `grow` | 5 | 2026-10-17 |  |');
    expect(md.stdout).toContain(`### \`grow\`\n\n- \`${r.c5.slice(0, 7)}\` 2026-10-15 Test: Branch work`);
  });
});

describe('okr check --base: unknown-work-ref', () => {
  it('reports a trailer of the pull request range that names nothing, with the commit, the ref and the nearest id', () => {
    const r = workRepo();
    git(r.dir, ['checkout', '-q', '-b', 'pr']);
    const bad = commitAll(
      r.dir,
      'Cart cache\n\nOKR: checkout/convresion\nOKR: checkout',
      '2026-10-20T12:00:00Z',
    );
    commitAll(r.dir, 'Docs\n\nNot a trailer: OKR: nothing here', '2026-10-21T12:00:00Z');
    const out = runOkr(['check', '--base', 'main', '-f', 'json', '--as-of', '2026-11-01'], { cwd: r.dir });
    const problems = (
      JSON.parse(out.stdout) as {
        problems: { ruleId: string; file: string; line: number; column: number; message: string }[];
      }
    ).problems;
    const found = problems.filter((p) => p.ruleId === 'unknown-work-ref');
    // Only the misspelt ref of the range's commit; the commits on main (before the base) are not read.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, column: 1 });
    expect(found[0]!.file).toMatch(/okrs\/company\.yaml$/);
    expect(found[0]!.message).toContain(`commit ${bad.slice(0, 7)} has trailer "OKR: checkout/convresion"`);
    expect(found[0]!.message).toContain('did you mean "checkout/conversion"?');
    // A warning: the check passes.
    expect(out.code).toBe(0);
  });
});

describe('linked work in status and report', () => {
  it('okr status --format json carries work: { commits, last } per objective', () => {
    const r = workRepo();
    const out = runOkr(['status', '-f', 'json', '--as-of', '2026-11-01'], { cwd: r.dir });
    expect(out.code).toBe(0);
    const objectives = (JSON.parse(out.stdout) as { objectives: { id: string; work: unknown }[] }).objectives;
    // Same counts as okr work without --repo: grow c5, c2, c3, m, c1 = 5; checkout c3, m, c2, c1 = 4; ops none.
    expect(Object.fromEntries(objectives.map((o) => [o.id, o.work]))).toEqual({
      grow: { commits: 5, last: '2026-10-17' },
      checkout: { commits: 4, last: '2026-10-17' },
      ops: { commits: 0, last: null },
    });
    // After a new commit, the commits it keeps are brought up to date with the difference alone.
    commitAll(r.dir, 'Ops work\n\nOKR: ops', '2026-10-20T12:00:00Z');
    const trace = join(tempDir('okr-trace-'), 'trace.txt');
    const next = runOkr(['status', '-f', 'json', '--as-of', '2026-11-01'], {
      cwd: r.dir,
      env: { GIT_TRACE: trace },
    });
    expect(next.code).toBe(0);
    const logs = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((l) => /built-in: git log .*trailers/.test(l));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(`${r.m}...HEAD`);
    const work = (JSON.parse(next.stdout) as { objectives: { id: string; work: unknown }[] }).objectives;
    expect(work.find((o) => o.id === 'ops')!.work).toEqual({ commits: 1, last: '2026-10-20' });
  });

  it('okr report shows each objective’s commit count and latest date, and marks one with no linked work', () => {
    const r = workRepo();
    const out = runOkr(['report', '-o', 'report.html', '--as-of', '2026-11-01'], { cwd: r.dir });
    expect(out.code).toBe(0);
    const html = readFileSync(join(r.dir, 'report.html'), 'utf8');
    const card = (id: string) =>
      html.slice(html.indexOf(`id="obj-${id}"`), html.indexOf('</article>', html.indexOf(`id="obj-${id}"`)));
    expect(card('grow')).toContain('5 linked commits, last 2026-10-17');
    expect(card('checkout')).toContain('4 linked commits, last 2026-10-17');
    expect(card('ops')).toContain('<span class="no-work">no linked work</span>');
    expect(card('grow')).not.toContain('no linked work');
  });
});

describe('okr diff --format markdown: linked work', () => {
  it('lists the objectives the commits of BASE..HEAD claim, with how many commits', () => {
    const r = workRepo();
    git(r.dir, ['checkout', '-q', '-b', 'pr']);
    commitAll(r.dir, 'One\n\nOKR: checkout/conversion\nOKR: checkout', '2026-10-20T12:00:00Z');
    commitAll(r.dir, 'Two\n\nOKR: ops/fixes\nOKR: no-such-goal', '2026-10-21T12:00:00Z');
    const out = runOkr(['diff', 'main', 'HEAD', '-f', 'markdown', '--as-of', '2026-11-01'], { cwd: r.dir });
    expect(out.code).toBe(0);
    // checkout: the first commit, named twice, counts once; ops through its KR; the main branch's
    // commits (before the base) are not listed, so grow is not; an unknown id is left out.
    expect(out.stdout).toContain(
      "**Objectives this change's commits claim:** `ops` (1 commit), `checkout` (1 commit)",
    );
  });
});
