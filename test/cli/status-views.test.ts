import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/run/views/status.js';
import { commitAll, gitInit, makeProject, REPO_ROOT, runOkr } from '../helpers.js';

const CHECKOUT = join(REPO_ROOT, 'test', 'fixtures', 'checkout');
const AS_OF = ['--as-of', '2026-11-15'];

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

const LONG_TITLE = 'Answer every support ticket within 48 hours of it being opened by a customer in Europe';

/** One team file whose objective and KR have long titles with numbers in them. */
const LONG = makeProject({
  'okrs/support.yaml': `owner: support
cycle: 2026-Q4
objectives:
  - id: support-o1
    title: ${LONG_TITLE}
    depends_on: [platform-o1]
    key_results:
      - id: first-reply
        title: Cut the median first reply from 36 hours to 12 hours across 14 markets
        start: 36
        target: 12
        current: 20
        unit: hours
        confidence: 0.7
  - id: platform-o1
    title: Keep the ticketing platform fast for every agent at any hour
    key_results:
      - id: uptime
        title: Ticketing availability of at least 99.95% in every month of the quarter
        target: 99.95
        keep: above
        current: 99.97
        unit: "%"
`,
});

const TITLES = [
  LONG_TITLE,
  'Cut the median first reply from 36 hours to 12 hours across 14 markets',
  'Keep the ticketing platform fast for every agent at any hour',
  'Ticketing availability of at least 99.95% in every month of the quarter',
];

function statusJson(args: string[], cwd: string): StatusReport {
  const r = runOkr(['status', '--format', 'json', ...args], { cwd });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as StatusReport;
}

describe('okr status fits the terminal', () => {
  for (const width of [60, 200])
    it(`no line is wider than COLUMNS=${width}: table, --krs table and tree`, () => {
      for (const args of [[], ['--krs'], ['--tree'], ['--tree', '--krs']]) {
        for (const cwd of [CHECKOUT, LONG]) {
          const r = runOkr(['status', ...args, ...AS_OF], { cwd, env: { COLUMNS: String(width) } });
          expect(r.code).toBe(0);
          expect(widest(r.stdout), `status ${args.join(' ')} at ${width}`).toBeLessThanOrEqual(width);
        }
      }
    });

  it('at 200 columns a long title is shown whole, not cut at 48 characters', () => {
    const r = runOkr(['status', ...AS_OF], { cwd: LONG, env: { COLUMNS: '200' } });
    expect(r.stdout).toContain(LONG_TITLE);
    const tree = runOkr(['status', '--tree', ...AS_OF], { cwd: LONG, env: { COLUMNS: '200' } });
    expect(tree.stdout).toContain(LONG_TITLE);
  });

  it('without COLUMNS and off a terminal, tables fit 100 columns', () => {
    const r = runOkr(['status', '--krs', ...AS_OF], { cwd: LONG, env: { COLUMNS: undefined } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(widest(r.stdout)).toBeGreaterThan(80);
  });

  it('titles are cut with … at a word boundary, never inside a number', () => {
    for (const width of [60, 70, 80, 90, 100]) {
      const r = runOkr(['status', '--krs', ...AS_OF], { cwd: LONG, env: { COLUMNS: String(width) } });
      // The Title column: the second cell of each line.
      const cut = [...r.stdout.matchAll(/^│[^│]*│ ([^│]*?)… *│/gm)].map((m) => m[1]!);
      expect(cut.length, `a title is cut at ${width}`).toBeGreaterThan(0);
      for (const prefix of cut) {
        const title = TITLES.find((t) => t.startsWith(prefix));
        expect(title, `"${prefix}…" is the start of a title`).toBeDefined();
        expect(title![prefix.length]).toMatch(/[\s-]/);
      }
    }
  });
});

describe('every view shows latest update, confidence, stale and depends_on', () => {
  it('okr checkin --confidence is the KR’s confidence in status --format json', () => {
    const dir = makeProject({
      'okrs/t.yaml':
        'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: grow\n    title: Grow revenue from first-time buyers\n    key_results:\n      - id: revenue\n        title: Yearly revenue\n        start: 40\n        target: 52\n        current: 40\n',
    });
    const before = statusJson(AS_OF, dir).objectives[0]!.keyResults[0]!;
    expect(before.confidence).toBeNull();
    expect(before.updated).toBeNull();
    const c = runOkr(['checkin', 'grow/revenue', '44', '--confidence', '0.4', '--date', '2026-11-10'], {
      cwd: dir,
    });
    expect(c.code).toBe(0);
    const kr = statusJson(AS_OF, dir).objectives[0]!.keyResults[0]!;
    expect(kr.confidence).toBe(0.4);
    expect(kr.updated).toEqual({ date: '2026-11-10', source: 'checkin' });
    expect(kr.current).toBe(44);
    const table = runOkr(['status', '--krs', ...AS_OF], { cwd: dir, env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/revenue .*2026-11-10 check-in.*40%/);
  });

  it('a KR’s `confidence` key wins over its check-ins', () => {
    const kr = statusJson(AS_OF, CHECKOUT).objectives[0]!.keyResults[0]!;
    expect(kr.id).toBe('effortless-checkout/conversion');
    expect(kr.confidence).toBe(0.6);
  });

  it('an objective’s owner override is shown with its file’s team and found by either', () => {
    expect(statusJson([...AS_OF, '--owner', 'checkout'], CHECKOUT).objectives.map((o) => o.id)).toEqual([
      'effortless-checkout',
    ]);
    expect(statusJson([...AS_OF, '--owner', 'dana'], CHECKOUT).objectives.map((o) => o.id)).toEqual([
      'effortless-checkout',
    ]);
    const o = statusJson(AS_OF, CHECKOUT).objectives[0]!;
    expect(o).toMatchObject({ owner: 'dana', team: 'checkout' });
    const table = runOkr(['status', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/effortless-checkout .*│ dana \(checkout\) │/);
    const tree = runOkr(['status', '--tree', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '200' } });
    expect(tree.stdout).toContain('dana (checkout)');
    expect(runOkr(['status', '--format', 'markdown', ...AS_OF], { cwd: CHECKOUT }).stdout).toContain(
      '| dana (checkout) |',
    );
    const graph = runOkr(['graph', '--owner', 'checkout', ...AS_OF], { cwd: CHECKOUT });
    expect(graph.stdout).toContain('dana (checkout) · 52% · on track');
    expect(graph.stdout).not.toContain('payments ·');
  });

  it('depends_on is shown by json, table, tree, markdown, graph and report', () => {
    expect(statusJson(AS_OF, CHECKOUT).objectives[0]!.dependsOn).toEqual(['payments-o1']);
    const table = runOkr(['status', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/│ Needs +│/);
    expect(table.stdout).toMatch(/effortless-checkout .*│ payments-o1 +│/);
    const tree = runOkr(['status', '--tree', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '200' } });
    expect(tree.stdout).toMatch(/effortless-checkout .*needs: payments-o1/);
    const md = runOkr(['status', '--format', 'markdown', ...AS_OF], { cwd: CHECKOUT });
    expect(md.stdout).toMatch(/\*\*effortless-checkout\*\* .*\| payments-o1 \|/);
    for (const format of ['mermaid', 'dot'])
      expect(runOkr(['graph', '--format', format, ...AS_OF], { cwd: CHECKOUT }).stdout).toContain(
        'needs: payments-o1',
      );
    const dir = makeProject({});
    const r = runOkr(['report', '--out', join(dir, 'r.html'), ...AS_OF], { cwd: CHECKOUT });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(
      'needs: <a href="#obj-payments-o1">payments-o1</a>',
    );
  });

  it('status --tree --format markdown draws the tree as a nested list with progress', () => {
    const r = runOkr(['status', '--tree', '--format', 'markdown', ...AS_OF], { cwd: CHECKOUT });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).not.toContain('| Objective | Title | Owner | Cycle | Progress | Expected | Status |');
    expect(lines[2]).toMatch(
      /^- \*\*grow-revenue\*\* Grow revenue from first-time buyers — 50% \(expected 87%\)/,
    );
    expect(lines[3]).toMatch(/^ {2}- KR \*\*new-buyers\*\* New buyers convert and come back — 57%/);
    expect(lines[4]).toMatch(
      /^ {4}- \*\*effortless-checkout\*\* .* — 52% .*dana \(checkout\).*needs: payments-o1/,
    );
    expect(lines[5]).toMatch(/^ {4}- \*\*payments-o1\*\* .* — 63%/);
    expect(lines[6]).toBe('');
    const withKrs = runOkr(['status', '--tree', '--krs', '--format', 'markdown', ...AS_OF], {
      cwd: CHECKOUT,
    });
    expect(withKrs.stdout).toMatch(/^ {2}- KR \*\*revenue\*\* .* — 42% · off track · 45 → 52 M€/m);
    expect(withKrs.stdout).toMatch(
      /^ {6}- KR \*\*conversion\*\* .* — 56% · on track · 2\.6% → 3% · updated 2026-11-12 check-in · confidence 60%$/m,
    );
  });

  it('status --krs shows each KR’s current value and target with its unit', () => {
    const r = runOkr(['status', '--krs', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '200' } });
    expect(r.stdout).toMatch(/│ +conversion .*│ 2\.6% → 3% +│/);
    expect(r.stdout).toMatch(/│ +latency .*│ 280 → below 300 +│/);
    const long = runOkr(['status', '--krs', ...AS_OF], { cwd: LONG, env: { COLUMNS: '200' } });
    expect(long.stdout).toMatch(/│ +first-reply .*│ 20 → 12 hours +│/);
    expect(long.stdout).toMatch(/│ +uptime .*│ 99\.97% → above 99\.95% +│/);
    expect(r.stdout).toMatch(/│ +revenue .*│ 45 → 52 M€ +│/);
  });
});

describe('latest update and stale from git, as okr check judges them', () => {
  const file = (a: number, b: number, checkins = '') => `owner: team
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue from first-time buyers
    key_results:
      - id: quiet
        title: Weekly active buyers
        start: 10
        target: 20
        current: ${a}
      - id: busy
        title: Repeat purchases per buyer
        start: 1
        target: 2
        current: ${b}
${checkins}`;

  function repository(): string {
    const dir = makeProject({ 'okrs/team.yaml': file(12, 1.2) });
    gitInit(dir);
    commitAll(dir, 'start', '2026-09-01T10:00:00Z');
    writeFileSync(
      join(dir, 'okrs/team.yaml'),
      file(12, 1.5, '        checkins:\n          - { date: 2026-11-12, value: 1.5, confidence: 0.8 }\n'),
    );
    commitAll(dir, 'check-in', '2026-11-13T10:00:00Z');
    return dir;
  }

  it('json: the commit date of a KR never checked in, its check-in otherwise; stale as in okr check', () => {
    const dir = repository();
    const args = ['--as-of', '2026-11-20'];
    const krs = statusJson(args, dir).objectives[0]!.keyResults;
    expect(krs.map((k) => [k.id, k.updated, k.stale, k.confidence])).toEqual([
      ['grow/quiet', { date: '2026-09-01', source: 'commit' }, true, null],
      ['grow/busy', { date: '2026-11-12', source: 'checkin' }, false, 0.8],
    ]);
    const check = runOkr(['check', '--format', 'json', ...args], { cwd: dir });
    const stale = (JSON.parse(check.stdout) as { problems: { ruleId: string; target: string }[] }).problems
      .filter((p) => p.ruleId === 'stale-kr')
      .map((p) => p.target);
    expect(stale).toEqual(krs.filter((k) => k.stale).map((k) => k.id));
    // Earlier, within 14 days of the cycle's start, nothing is stale yet.
    expect(statusJson(['--as-of', '2026-10-10'], dir).objectives[0]!.keyResults.some((k) => k.stale)).toBe(
      false,
    );
  });

  it('a KR whose stale-kr is silenced by a disable comment is not called stale, as check does not report it', () => {
    const dir = repository();
    const path = join(dir, 'okrs/team.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('- id: quiet', '- id: quiet # okr-disable-line stale-kr'),
    );
    const args = ['--as-of', '2026-11-20'];
    const krs = statusJson(args, dir).objectives[0]!.keyResults;
    expect(krs.map((k) => [k.id, k.stale])).toEqual([
      ['grow/quiet', false],
      ['grow/busy', false],
    ]);
    const check = runOkr(['check', '--format', 'json', ...args], { cwd: dir });
    expect(check.stdout).not.toContain('stale-kr');
    expect(check.code).toBe(0);
  });

  it('table, tree, markdown, graph and report show the update and "stale"', () => {
    const dir = repository();
    const args = ['--as-of', '2026-11-20'];
    const table = runOkr(['status', '--krs', ...args], { cwd: dir, env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/quiet .*│ 2026-09-01 commit, stale +│/);
    expect(table.stdout).toMatch(/busy .*│ 2026-11-12 check-in +│ 80% +│/);
    expect(table.stdout).toMatch(/grow .*│ 1 KR stale +│/);
    const tree = runOkr(['status', '--tree', '--krs', ...args], { cwd: dir, env: { COLUMNS: '200' } });
    expect(tree.stdout).toMatch(/KR quiet .*stale .*updated 2026-09-01 commit/);
    expect(tree.stdout).toMatch(/KR busy .*updated 2026-11-12 check-in {2}confidence 80%$/m);
    expect(tree.stdout).not.toMatch(/KR busy .*stale/);
    const md = runOkr(['status', '--krs', '--format', 'markdown', ...args], { cwd: dir });
    expect(md.stdout).toContain('| 2026-09-01 commit **stale** |');
    const graph = runOkr(['graph', ...args], { cwd: dir });
    expect(graph.stdout).toContain('stale KRs: quiet');
    const out = join(makeProject({}), 'r.html');
    expect(runOkr(['report', '--out', out, ...args], { cwd: dir }).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('updated 2026-09-01 commit · <span class="stale">stale</span>');
    expect(html).toContain('updated 2026-11-12 check-in</div>');
  });
});

describe('empty results say why', () => {
  it('a filter that matches nothing is named, exit 0: status and graph', () => {
    const table = runOkr(['status', '--owner', 'nobody', ...AS_OF], { cwd: CHECKOUT });
    expect(table).toMatchObject({ code: 0, stdout: 'No objectives with owner "nobody".\n' });
    const both = runOkr(['status', '--owner', 'dana', '--cycle', '2030', ...AS_OF], { cwd: CHECKOUT });
    expect(both.stdout).toBe('No objectives with cycle "2030".\n');
    const together = runOkr(['status', '--owner', 'dana', '--cycle', '2026', ...AS_OF], { cwd: CHECKOUT });
    expect(together.stdout).toBe('No objectives with owner "dana" and cycle "2026".\n');
    const json = runOkr(['status', '--format', 'json', '--owner', 'nobody', ...AS_OF], { cwd: CHECKOUT });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as StatusReport).objectives).toEqual([]);
    expect(json.stderr).toBe('okr: no objectives with owner "nobody"\n');
    const graph = runOkr(['graph', '--owner', 'nobody', ...AS_OF], { cwd: CHECKOUT });
    expect(graph).toMatchObject({ code: 0, stdout: '' });
    expect(graph.stderr).toBe('okr: no objectives with owner "nobody"; no graph written\n');
  });

  it('when every OKR file failed to load, it says so rather than that nothing matches', () => {
    const dir = makeProject({
      'okrs/a.yaml': 'owner: [broken\n',
      'okrs/b.yaml': 'owner: team\ncycle: 2026\n',
    });
    const r = runOkr(['status', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('All 2 OKR files failed to load; run "okr check" for details.\n');
    expect(r.stderr).toContain('okrs/a.yaml has 1 error');
    const graph = runOkr(['graph', ...AS_OF], { cwd: dir });
    expect(graph.stderr).toContain('okr: all 2 OKR files failed to load; run "okr check" for details');
  });
});
