import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/run/views/status.js';
import { makeProject, REPO_ROOT, runOkr } from '../helpers.js';

const CHECKOUT = join(REPO_ROOT, 'test', 'fixtures', 'checkout');
const golden = (file: string) => readFileSync(join(CHECKOUT, 'expected', file), 'utf8');
const AS_OF = ['--as-of', '2026-11-15'];

function statusJson(args: string[], cwd = CHECKOUT): StatusReport {
  const r = runOkr(['status', '--format', 'json', ...AS_OF, ...args], { cwd });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as StatusReport;
}

describe('okr status', () => {
  it('--format json prints the JSON of SPEC §9, objectives in file order', () => {
    const r = runOkr(['status', '--format', 'json', ...AS_OF], { cwd: CHECKOUT });
    expect(r.stdout).toBe(golden('status.json'));
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as StatusReport;
    expect(report.asOf).toBe('2026-11-15');
    // The fixture lies in this git repository: files are named from its top level (SPEC §1).
    expect(report.objectives.map((o) => o.file)).toEqual([
      'test/fixtures/checkout/okrs/2026-Q4/checkout.yaml',
      'test/fixtures/checkout/okrs/2026-Q4/payments.yaml',
      'test/fixtures/checkout/okrs/company.yaml',
    ]);
  });

  it('the SPEC example: effortless-checkout at 0.5222 of an expected 0.3424, on track', () => {
    const o = statusJson([]).objectives.find((x) => x.id === 'effortless-checkout')!;
    expect(o.progress).toBeCloseTo(0.5222, 4);
    expect(o.expected).toBeCloseTo(0.3424, 4);
    expect(o).toMatchObject({
      status: 'on_track',
      line: 5,
      owner: 'dana',
      parent: 'grow-revenue/new-buyers',
    });
    expect(o.keyResults.map((k) => k.kind)).toEqual(['numeric', 'threshold', 'milestone', 'judged']);
    expect(o.keyResults[0]).toMatchObject({
      id: 'effortless-checkout/conversion',
      start: 2.1,
      target: 3,
      current: 2.6,
      unit: '%',
      weight: 2,
      confidence: 0.6,
    });
  });

  it('a company KR rolls up the objectives aligned to it, and lists them as children', () => {
    const report = statusJson([]);
    const company = report.objectives.find((o) => o.id === 'grow-revenue')!;
    const byId = new Map(report.objectives.map((o) => [o.id, o]));
    const newBuyers = company.keyResults.find((k) => k.id === 'grow-revenue/new-buyers')!;
    expect(newBuyers.kind).toBe('rollup');
    expect(newBuyers.progress).toBeCloseTo(
      (byId.get('effortless-checkout')!.progress + byId.get('payments-o1')!.progress) / 2,
      10,
    );
    expect(company.children).toEqual(['effortless-checkout', 'payments-o1']);
  });

  it('the table shows id, title, owner, cycle, a bar with %, expected % and status', () => {
    // Wide enough for every column: narrower terminals give some up (status-views.test.ts).
    const r = runOkr(['status', ...AS_OF], { cwd: CHECKOUT, env: { COLUMNS: '160' } });
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('effortless-checkout'))!;
    expect(row).toMatch(
      /effortless-checkout.*Make checkout effortless.*dana \(checkout\).*2026-Q4.*█+░+\s+52%.*34%.*on track/,
    );
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--krs lists KRs under each objective', () => {
    const r = runOkr(['status', '--krs', ...AS_OF], { cwd: CHECKOUT });
    const lines = r.stdout.split('\n');
    const objectiveAt = lines.findIndex((l) => l.includes('effortless-checkout'));
    const krAt = lines.findIndex((l) => /\bconversion\b/.test(l));
    expect(krAt).toBeGreaterThan(objectiveAt);
    expect(lines[krAt]).toMatch(/56%.*on track/);
  });

  it('--tree draws the alignment tree with objectives under the KR they align to', () => {
    const r = runOkr(['status', '--tree', '--krs', ...AS_OF], { cwd: CHECKOUT });
    expect(r.stdout).toBe(golden('tree-krs.txt'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^grow-revenue/);
    expect(lines[1]).toMatch(/^├─ KR new-buyers/);
    expect(lines[2]).toMatch(/^│ {2}├─ effortless-checkout/);
  });

  it('--tree without --krs still shows the KRs that objectives align to', () => {
    const r = runOkr(['status', '--tree', ...AS_OF], { cwd: CHECKOUT });
    expect(r.stdout).toContain('KR new-buyers');
    expect(r.stdout).not.toContain('KR revenue');
  });

  it('--format markdown prints a table', () => {
    const r = runOkr(['status', '--format', 'markdown', '--krs', ...AS_OF], { cwd: CHECKOUT });
    expect(r.stdout).toBe(golden('status-krs.md'));
    expect(r.stdout).toContain('| Objective | Title | Owner | Cycle | Progress | Expected | Status |');
  });

  it('--format markdown cuts a very long title', () => {
    const dir = makeProject({
      'okrs/t.yaml': `owner: company\ncycle: 2026\nobjectives:\n  - id: long\n    title: ${'Grow '.repeat(20_000)}\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n`,
    });
    const r = runOkr(['status', '--format', 'markdown', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('**long**'))!;
    expect(row.length).toBeLessThan(400);
    expect(row).toContain('Grow Grow');
  });

  it('filters: --owner, --cycle, --status (repeatable and comma-separated)', () => {
    expect(statusJson(['--owner', 'dana']).objectives.map((o) => o.id)).toEqual(['effortless-checkout']);
    expect(statusJson(['--cycle', '2026']).objectives.map((o) => o.id)).toEqual(['grow-revenue']);
    expect(statusJson(['--status', 'off_track']).objectives.map((o) => o.id)).toEqual(['grow-revenue']);
    expect(statusJson(['--owner', 'dana,payments']).objectives).toHaveLength(2);
    expect(statusJson(['--owner', 'dana', '--owner', 'company']).objectives).toHaveLength(2);
    const bad = runOkr(['status', '--status', 'late'], { cwd: CHECKOUT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status takes');
  });

  it('--as-of changes expected progress and status: not started before the cycle', () => {
    const before = JSON.parse(
      runOkr(['status', '--format', 'json', '--as-of', '2026-09-01'], { cwd: CHECKOUT }).stdout,
    ) as StatusReport;
    expect(before.objectives.find((o) => o.id === 'effortless-checkout')).toMatchObject({
      status: 'not_started',
      expected: 0,
    });
  });

  it('files that fail to load are named on stderr and the rest is still shown', () => {
    const dir = makeProject({
      'okrs/a.yaml': 'owner: [broken\n',
      'okrs/b.yaml':
        'owner: team\ncycle: 2026-Q4\nobjectives:\n  - id: fine\n    title: Make checkout effortless for buyers\n    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n  - id: broken-one\n    title: An objective with a typo in it\n    wieght: 2\n',
    });
    const r = runOkr(['status', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as StatusReport).objectives.map((o) => o.id)).toEqual(['fine']);
    expect(r.stderr).toContain('okrs/a.yaml has 1 error');
    expect(r.stderr).toContain('okrs/b.yaml has 1 error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('colour only when forced or on a TTY; --no-color and NO_COLOR win', () => {
    const forced = runOkr(['status', ...AS_OF], {
      cwd: CHECKOUT,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toMatch(/\u001b\[32m/);
    const off = runOkr(['--no-color', 'status', ...AS_OF], {
      cwd: CHECKOUT,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('okr status --tree on a deep alignment chain', () => {
  it('draws 3,000 levels without exhausting the stack, with bounded indentation', () => {
    let text = 'owner: team\ncycle: 2026\nobjectives:\n';
    for (let i = 0; i < 3000; i++)
      text += `  - id: o${i}\n    title: Link number in a long chain\n${i ? `    parent: o${i - 1}\n` : ''}    key_results:\n      - id: k\n        title: Judged\n        progress: 0.5\n`;
    const r = runOkr(['status', '--tree', ...AS_OF], { cwd: makeProject({ 'okrs/chain.yaml': text }) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(lines[2999]).toContain('o2999');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
  });
});

describe('okr rules', () => {
  it('lists every rule with its default severity and description', () => {
    const r = runOkr(['rules'], { cwd: CHECKOUT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^too-many-krs\s+warning\s+An objective has more than/m);
    expect(r.stdout).toMatch(/^unresolved-parent\s+error\s+/m);
    const json = JSON.parse(runOkr(['rules', '--format', 'json'], { cwd: CHECKOUT }).stdout) as {
      id: string;
    }[];
    expect(r.stdout.trim().split('\n')).toHaveLength(json.length);
  });
});
