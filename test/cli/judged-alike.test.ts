import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okrYaml } from '../git/okr-repo.js';
import { commitAll, git, gitInit, makeProject, runOkr, tempDir, writeFiles } from '../helpers.js';

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  target: string | null;
}

const AS_OF = ['--as-of', '2026-11-20'];

const company = (current = 120) =>
  okrYaml('company', '2026-Q4', [
    {
      id: 'grow',
      title: 'Grow revenue through new buyers in every market',
      krs: [{ id: 'buyers', start: 100, target: 200, current }],
    },
  ]);
const ops = (current = 95) =>
  okrYaml('ops', '2026-Q4', [
    {
      id: 'ops',
      title: 'Keep every service fast for our buyers',
      parent: 'grow/buyers',
      krs: [
        { id: 'uptime', start: 90, target: 99, current },
        { id: 'latency', start: 900, target: 300, current: 700 },
      ],
    },
  ]);
// Not valid YAML: a problem that concerns no objective.
const BROKEN = 'owner: broken\ncycle: 2026-Q4\nobjectives: [\n';

/**
 * A repository whose KRs have no check-ins and last changed in commits of October: on 2026-11-20,
 * stale-kr fires for them from git dates alone. The first commit has no OKR file.
 */
function staleRepo(): { dir: string; empty: string } {
  const dir = tempDir('okr-alike-');
  gitInit(dir);
  writeFiles(dir, { 'README.md': 'OKRs\n' });
  const empty = commitAll(dir, 'readme', '2026-09-01T12:00:00Z');
  writeFiles(dir, { 'okrs/company.yaml': company(), 'okrs/ops.yaml': ops() });
  commitAll(dir, 'OKRs', '2026-10-02T12:00:00Z');
  writeFiles(dir, { 'okrs/ops.yaml': ops(96) });
  commitAll(dir, 'uptime check-in', '2026-11-10T12:00:00Z');
  writeFiles(dir, { 'okrs/broken.yaml': BROKEN });
  commitAll(dir, 'a broken file', '2026-11-11T12:00:00Z');
  return { dir, empty };
}

function check(dir: string, args: string[] = []): Problem[] {
  const r = runOkr(['check', '--format', 'json', ...AS_OF, ...args], { cwd: dir });
  expect(r.code).toBe(1);
  return (JSON.parse(r.stdout) as { problems: Problem[] }).problems;
}

function report(dir: string): string {
  const r = runOkr(['report', '--out', 'report.html', ...AS_OF], { cwd: dir });
  expect(r.code).toBe(0);
  return readFileSync(join(dir, 'report.html'), 'utf8');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const counts = (problems: readonly Problem[]) =>
  `${plural(problems.filter((p) => p.severity === 'error').length, 'error')}, ${plural(problems.filter((p) => p.severity === 'warning').length, 'warning')}`;

const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The HTML of the objective card with this id. */
function card(html: string, id: string): string {
  const start = html.indexOf(`<article class="obj`, html.indexOf(`id="obj-${id}"`) - 200);
  return html.slice(start, html.indexOf('</article>', start));
}

describe('check, report and diff judge problems alike (git staleness included)', () => {
  it('finds stale KRs from git dates, without check-ins', () => {
    const { dir } = staleRepo();
    const stale = check(dir).filter((p) => p.ruleId === 'stale-kr');
    expect(stale.map((p) => [p.target, p.message.match(/\(change on [\d-]+\)/)?.[0]])).toEqual([
      ['grow/buyers', '(change on 2026-10-02)'],
      ['ops/latency', '(change on 2026-10-02)'],
    ]);
  });

  it('okr report counts what okr check counts on the same files and date, and lists every problem', () => {
    const { dir } = staleRepo();
    const problems = check(dir);
    const html = report(dir);
    expect(html).toContain(`okr check: ${counts(problems)}`);
    expect(html.match(/<li class="p-(error|warning)">/g)).toHaveLength(problems.length);
    for (const p of problems) {
      const where = `${escaped(p.file)}:${p.line}</span> <span class="id">${p.ruleId}</span> <span class="msg">${escaped(p.message)}</span>`;
      // Beside the objective it concerns; a problem of no objective in the Problems section.
      const section =
        p.target === null
          ? html.slice(
              html.indexOf('<section id="problems"'),
              html.indexOf('</section>', html.indexOf('<section id="problems"')),
            )
          : card(html, p.target.split('/')[0]!);
      expect(section).toContain(where);
    }
    expect(card(html, 'grow')).toContain('stale-kr');
    expect(card(html, 'ops')).toContain('key result &quot;ops/latency&quot; was last updated 49 days ago');
  });

  it('okr diff introduces exactly the problems okr check finds, judged on the same day', () => {
    const { dir, empty } = staleRepo();
    const problems = check(dir);
    const r = runOkr(['diff', empty, '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as { problems: { introduced: Problem[]; fixed: Problem[] } };
    expect(diff.problems.introduced).toEqual(problems);
    expect(diff.problems.fixed).toEqual([]);
  });

  it('okr diff judges the base as check judges that revision: a stale KR updated in the change is fixed', () => {
    const { dir } = staleRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    // On 2026-11-20, the base's "grow/buyers" is stale (its value last changed on 2026-10-02).
    git(dir, ['checkout', '-q', base]);
    const atBase = check(dir).filter((p) => p.ruleId === 'stale-kr');
    git(dir, ['checkout', '-q', 'main']);
    expect(atBase.map((p) => p.target)).toEqual(['grow/buyers', 'ops/latency']);
    writeFiles(dir, { 'okrs/company.yaml': company(150) });
    const r = runOkr(['diff', base, '--format', 'json', ...AS_OF], { cwd: dir });
    const diff = JSON.parse(r.stdout) as { problems: { introduced: Problem[]; fixed: Problem[] } };
    expect(diff.problems.fixed.map((p) => [p.ruleId, p.target])).toEqual([['stale-kr', 'grow/buyers']]);
    expect(diff.problems.introduced).toEqual([]);
    // Committed, the head is a revision: judged from the history up to it.
    const head = commitAll(dir, 'buyers check-in', '2026-11-19T12:00:00Z');
    const committed = runOkr(['diff', base, head, '--format', 'json', ...AS_OF], { cwd: dir });
    const json = JSON.parse(committed.stdout) as { problems: { introduced: Problem[]; fixed: Problem[] } };
    expect(json.problems.fixed.map((p) => [p.ruleId, p.target])).toEqual([['stale-kr', 'grow/buyers']]);
  });
});

describe('okr diff reports every field', () => {
  it('reports theme, unit and depends_on changes in JSON, and an objective weight moved after the start', () => {
    const file = (theme: string, unit: string, depends: string, weight: number) => `owner: growth
cycle: 2026-Q4
objectives:
  - id: reach
    title: Reach more first-time buyers across Europe
    theme: ${theme}
    weight: ${weight}
    depends_on: ${depends}
    key_results:
      - id: visits
        title: Raise weekly visits from new buyers
        start: 100
        target: 200
        unit: ${unit}
  - id: pay
    title: Let every buyer pay the way they prefer
    key_results:
      - id: methods
        title: Raise the share of buyers paying by wallet
        start: 10
        target: 30
`;
    const strategy = 'themes:\n  - id: love\n    title: Customers love us\n  - id: scale\n    title: Scale\n';
    const dir = makeProject({
      'okrs/strategy.yaml': strategy,
      'okrs/growth.yaml': file('love', 'visits', '[pay]', 1),
    });
    gitInit(dir);
    const base = commitAll(dir, 'plan', '2026-09-20T12:00:00Z');
    writeFiles(dir, { 'okrs/growth.yaml': file('scale', 'sessions', '[pay, pay/methods]', 2) });
    const r = runOkr(['diff', base, '--format', 'json', '--as-of', '2026-10-20'], { cwd: dir });
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as { changed: unknown[] };
    expect(diff.changed).toEqual([
      { id: 'reach', field: 'theme', from: 'love', to: 'scale', movedGoalpost: false },
      { id: 'reach', field: 'depends_on', from: ['pay'], to: ['pay', 'pay/methods'], movedGoalpost: false },
      { id: 'reach', field: 'weight', from: 1, to: 2, movedGoalpost: true },
      { id: 'reach/visits', field: 'unit', from: 'visits', to: 'sessions', movedGoalpost: false },
    ]);
    const text = runOkr(['diff', base, '--as-of', '2026-10-20'], { cwd: dir }).stdout;
    expect(text).toContain('~ objective reach  depends_on: ["pay"] → ["pay", "pay/methods"]');
    expect(text).toContain('~ objective reach  weight: 1 → 2  (moved goalpost: cycle "2026-Q4" had started)');
    // okr check --base says the same of the weight.
    const checked = runOkr(['check', '--base', base, '--format', 'json', '--as-of', '2026-10-20'], {
      cwd: dir,
    });
    const moved = (JSON.parse(checked.stdout) as { problems: Problem[] }).problems.filter(
      (p) => p.ruleId === 'moved-goalpost',
    );
    expect(moved.map((p) => [p.target, p.line])).toEqual([['reach', 7]]);
    expect(moved[0]!.message).toContain(
      'objective "reach" changes its weight from 1 to 2 after cycle "2026-Q4" started on 2026-10-01',
    );
  });
});

describe('staleness on a shallow clone', () => {
  /** An upstream whose KRs last changed in October, and a clone of its last commit only (November). */
  function shallowClone(): { upstream: string; clone: string } {
    const { dir: upstream } = staleRepo();
    writeFiles(upstream, { 'README.md': 'OKRs of the company\n' });
    commitAll(upstream, 'readme', '2026-11-15T12:00:00Z');
    const clone = tempDir('okr-shallow-');
    git(clone, ['clone', '-q', '--depth', '1', `file://${upstream}`, '.']);
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    return { upstream, clone };
  }

  const NOTE = 'okr: staleness was judged on a shallow history: ';
  const notes = (stderr: string) => stderr.split(NOTE).length - 1;

  it('reports no KR stale whose last change lies beyond the cut, and says so once', () => {
    const { upstream, clone } = shallowClone();
    // With the whole history, both KRs are stale.
    expect(
      check(upstream)
        .filter((p) => p.ruleId === 'stale-kr')
        .map((p) => p.target),
    ).toEqual(['grow/buyers', 'ops/latency']);
    const r = runOkr(['check', '--format', 'json', ...AS_OF], { cwd: clone });
    const problems = (JSON.parse(r.stdout) as { problems: Problem[] }).problems;
    expect(problems.filter((p) => p.ruleId === 'stale-kr')).toEqual([]);
    expect(notes(r.stderr)).toBe(1);
    expect(r.stderr).toContain(
      `${NOTE}3 key results last changed before this clone's first commit are not reported stale (stale-kr)\n  hint: fetch the whole history with "git fetch --unshallow"`,
    );
    // The report and the diff judge alike, and say it once too.
    const rep = runOkr(['report', '--out', 'report.html', ...AS_OF], { cwd: clone });
    expect(notes(rep.stderr)).toBe(1);
    expect(readFileSync(join(clone, 'report.html'), 'utf8')).toContain(`okr check: ${counts(problems)}`);
    const diff = runOkr(['diff', 'HEAD', '--format', 'json', ...AS_OF], { cwd: clone });
    expect(diff.code).toBe(0);
    expect(notes(diff.stderr)).toBe(1);
  });

  it('says it again when the check is answered from its cache', () => {
    const { clone } = shallowClone();
    const folder = join(tempDir(), 'cache');
    const cache = ['--cache-location', folder];
    const cold = runOkr([...cache, 'check', ...AS_OF], { cwd: clone });
    const stored = readFileSync(join(folder, 'results.json'), 'utf8');
    expect(
      (JSON.parse(stored.slice(stored.indexOf('\n') + 1)) as { value: { notes: string[] } }).value.notes,
    ).toHaveLength(1);
    const warm = runOkr([...cache, 'check', ...AS_OF], { cwd: clone });
    expect(notes(cold.stderr)).toBe(1);
    expect(warm).toEqual(cold);
  });

  it('dates the KRs changed after the cut, and says nothing when none lies beyond it', () => {
    const { dir: upstream } = staleRepo();
    writeFiles(upstream, { 'README.md': 'OKRs of the company\n' });
    commitAll(upstream, 'readme', '2026-11-01T12:00:00Z');
    writeFiles(upstream, { 'okrs/company.yaml': company(140) });
    commitAll(upstream, 'buyers', '2026-11-02T12:00:00Z');
    const partly = tempDir('okr-shallow-');
    git(partly, ['clone', '-q', '--depth', '2', `file://${upstream}`, '.']);
    const some = runOkr(['check', '--format', 'json', '--as-of', '2026-11-30'], { cwd: partly });
    const stale = (JSON.parse(some.stdout) as { problems: Problem[] }).problems.filter(
      (p) => p.ruleId === 'stale-kr',
    );
    expect(stale.map((p) => [p.target, p.message.match(/\(change on [\d-]+\)/)?.[0]])).toEqual([
      ['grow/buyers', '(change on 2026-11-02)'],
    ]);
    expect(some.stderr).toContain(`${NOTE}2 key results last changed`);

    writeFiles(upstream, {
      'okrs/company.yaml': company(150),
      'okrs/ops.yaml': ops(97).replace('current: 700', 'current: 650'),
    });
    commitAll(upstream, 'every value', '2026-11-03T12:00:00Z');
    const whole = tempDir('okr-shallow-');
    git(whole, ['clone', '-q', '--depth', '2', `file://${upstream}`, '.']);
    const all = runOkr(['check', '--format', 'json', '--as-of', '2026-11-30'], { cwd: whole });
    const dated = (JSON.parse(all.stdout) as { problems: Problem[] }).problems.filter(
      (p) => p.ruleId === 'stale-kr',
    );
    expect(dated.map((p) => p.target)).toEqual(['grow/buyers', 'ops/uptime', 'ops/latency']);
    expect(all.stderr).toBe('');
  });
});
