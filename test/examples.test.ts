import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KrStatus, StatusReport } from '../src/run/views/status.js';
import { REPO_ROOT, runOkr } from './helpers.js';

// The example company is the project's showcase: it must stay lint-clean and show every feature.
const ACME = join(REPO_ROOT, 'examples', 'acme');
const AS_OF = '2026-11-20';

function okr(...args: string[]) {
  return runOkr(['-C', ACME, '--as-of', AS_OF, ...args], { cwd: REPO_ROOT });
}

let status: StatusReport | undefined;
/** `okr status --format json`, run once for the tests that read it. */
function statusJson(): StatusReport {
  if (status) return status;
  const r = okr('status', '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  status = JSON.parse(r.stdout) as StatusReport;
  return status;
}

describe('examples/acme', () => {
  it('lints clean: stylish output is empty and the exit code 0', () => {
    const r = okr('check');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('has no problems in JSON and checks at least twelve OKR files', () => {
    const r = okr('check', '--format', 'json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { problems: unknown[]; errorCount: number; fileCount: number };
    expect(result.problems).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.fileCount).toBeGreaterThanOrEqual(12);
  });

  it('stays free of stale key results a few days later', () => {
    const r = runOkr(['-C', ACME, '--as-of', '2026-11-24', 'check', '--format', 'json'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { problems: unknown[] }).problems).toEqual([]);
  });

  it('has a strategy with vision, mission, values and three themes', () => {
    const strategy = parse(readFileSync(join(ACME, 'okrs', 'strategy.yaml'), 'utf8')) as {
      vision?: string;
      mission?: string;
      values?: string[];
      themes?: { id: string }[];
    };
    expect(strategy.vision).toBeTruthy();
    expect(strategy.mission).toBeTruthy();
    expect(strategy.values?.length).toBeGreaterThan(0);
    expect(strategy.themes).toHaveLength(3);
  });

  it('shows every kind of key result, both directions of numeric and threshold KRs, and weights', () => {
    const krs: KrStatus[] = statusJson().objectives.flatMap((o) => o.keyResults);
    const kinds = new Set(krs.map((k) => k.kind));
    for (const kind of ['numeric', 'threshold', 'milestone', 'judged', 'rollup'] as const)
      expect(kinds, `a ${kind} key result`).toContain(kind);
    const numeric = krs.filter((k) => k.kind === 'numeric');
    expect(
      numeric.some((k) => (k.target ?? 0) > (k.start ?? 0)),
      'an increasing numeric KR',
    ).toBe(true);
    expect(
      numeric.some((k) => (k.target ?? 0) < (k.start ?? 0)),
      'a decreasing numeric KR',
    ).toBe(true);
    const keeps = new Set(krs.filter((k) => k.kind === 'threshold').map((k) => k.keep));
    expect([...keeps].sort()).toEqual(['above', 'below']);
    expect(
      krs.some((k) => k.weight !== 1),
      'a weighted KR',
    ).toBe(true);
    expect(
      krs.some((k) => k.confidence !== undefined),
      'a KR with confidence',
    ).toBe(true);
  });

  it('has committed and aspirational objectives and a mix of statuses', () => {
    const { objectives } = statusJson();
    expect(new Set(objectives.map((o) => o.type))).toEqual(new Set(['committed', 'aspirational']));
    expect(new Set(objectives.map((o) => o.status)).size).toBeGreaterThanOrEqual(2);
  });

  it('has at least eight teams with OKRs for 2026-Q4', () => {
    const teams = new Set(
      statusJson()
        .objectives.filter((o) => o.cycle === '2026-Q4')
        .map((o) => o.owner),
    );
    expect(teams.size).toBeGreaterThanOrEqual(8);
  });

  it('aligns a team objective directly to a company key result', () => {
    const { objectives } = statusJson();
    const owners = new Map(objectives.map((o) => [o.id, o.owner]));
    const aligned = objectives.filter(
      (o) =>
        o.cycle === '2026-Q4' &&
        o.parent?.includes('/') &&
        owners.get(o.parent.split('/')[0] ?? '') === 'company',
    );
    expect(aligned.length).toBeGreaterThan(0);
  });

  it('draws the alignment tree with every objective, nested under the company KRs they align to', () => {
    const { objectives } = statusJson();
    const r = okr('status', '--tree');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // An objective's line starts at the margin or right after a tree branch; a KR's reads "KR <id>".
    const objectiveLine = (id: string) => lines.findIndex((l) => new RegExp(`(^|─ )${id}  `).test(l));
    const indent = (i: number) => (lines[i] ?? '').search(/[a-zA-Z0-9]/);
    for (const o of objectives) expect(objectiveLine(o.id), o.id).toBeGreaterThanOrEqual(0);
    const byId = new Map(objectives.map((o) => [o.id, o]));
    const underCompanyKr = objectives.filter((o) => {
      const [parentObjective, kr] = (o.parent ?? '').split('/');
      return kr !== undefined && byId.get(parentObjective ?? '')?.owner === 'company';
    });
    expect(underCompanyKr.length).toBeGreaterThan(0);
    for (const o of underCompanyKr) {
      const [parentObjective = '', kr = ''] = (o.parent ?? '').split('/');
      const parentLine = objectiveLine(parentObjective);
      const krLine = lines.findIndex((l, i) => i > parentLine && l.includes(`KR ${kr}  `));
      const childLine = objectiveLine(o.id);
      expect(krLine, `the line of KR ${o.parent}`).toBeGreaterThan(parentLine);
      expect(childLine).toBeGreaterThan(krLine);
      expect(indent(childLine)).toBeGreaterThan(indent(krLine));
      expect(indent(krLine)).toBeGreaterThan(indent(parentLine));
    }
  });
});
