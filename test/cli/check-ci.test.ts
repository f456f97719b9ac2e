import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, runOkr, tempDir } from '../helpers.js';

const CONFIG = 'roots: [company]\n';

const GOOD = `owner: company
cycle: 2026-Q4
objectives:
  - id: delight-buyers
    title: Make checkout effortless for first-time buyers
    key_results:
      - id: conversion
        title: Raise first-purchase conversion
        start: 2.1
        target: 3.0
        current: 2.5
        checkins:
          - { date: 2026-11-10, value: 2.5 }
`;

// The cycle is quoted back in the unknown-cycle message: user text that tries to forge annotations.
const HOSTILE_CYCLE = '2026-Q4\\n::error file=x.yaml::forged, line: 1 %0A';
const HOSTILE_CYCLE_TEXT = '2026-Q4\n::error file=x.yaml::forged, line: 1 %0A';
const BAD = `owner: company
cycle: "${HOSTILE_CYCLE}"
objectives:
  - id: grow-revenue
    title: Grow revenue from first-time buyers
    key_results:
      - id: buyers
        title: Win more first-time buyers
        done: false
`;

const AS_OF = ['--as-of', '2026-11-15'];

function project(withProblems: boolean): string {
  return makeProject({
    'okr.config.yaml': CONFIG,
    'okrs/2026-Q4/good.yaml': GOOD,
    ...(withProblems ? { 'okrs/2026-Q4/bad.yaml': BAD } : {}),
  });
}

function check(cwd: string, format: string, env: Record<string, string> = {}) {
  return runOkr(['check', '--format', format, ...AS_OF], {
    cwd,
    env: { GITHUB_STEP_SUMMARY: undefined, ...env },
  });
}

describe('okr check in CI formats (end to end)', () => {
  it('--format sarif: valid SARIF 2.1.0 with the problem, exit 1; exit 0 on a clean project', () => {
    const r = check(project(true), 'sarif');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { version: string } };
        results: { ruleId: string; message: { text: string } }[];
      }[];
    };
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(log.runs[0]!.tool.driver.version).toBe(pkg.version);
    const unknownCycle = log.runs[0]!.results.find((x) => x.ruleId === 'unknown-cycle');
    expect(unknownCycle?.message.text).toContain(`"${HOSTILE_CYCLE_TEXT}"`);

    const clean = check(project(false), 'sarif');
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toEqual([]);
  });

  it('--format github: one escaped annotation line per problem, exit 1; nothing on a clean project', () => {
    const r = check(project(true), 'github');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    const annotation = lines.find((l) => l.includes('title=okr unknown-cycle'));
    expect(annotation).toMatch(/^::error file=okrs\/2026-Q4\/bad\.yaml,line=2,col=8,/);
    expect(annotation).toContain('2026-Q4%0A::error file=x.yaml::forged, line: 1 %250A');

    const clean = check(project(false), 'github');
    expect(clean).toMatchObject({ code: 0, stdout: '' });
  });

  it('--format gitlab: a Code Quality array, exit 1', () => {
    const r = check(project(true), 'gitlab');
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(issues.find((i) => i.check_name === 'unknown-cycle')?.location).toEqual({
      path: 'okrs/2026-Q4/bad.yaml',
      lines: { begin: 2 },
    });
    expect(JSON.parse(check(project(false), 'gitlab').stdout)).toEqual([]);
  });

  it('--format junit: a test case for every checked file, exit 1; all passing on a clean project', () => {
    const r = check(project(true), 'junit');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '<testcase name="okrs/2026-Q4/good.yaml" classname="okrs/2026-Q4/good.yaml"/>',
    );
    const bad = /<testcase name="okrs\/2026-Q4\/bad\.yaml" classname="[^"]*">([\s\S]*?)<\/testcase>/.exec(
      r.stdout,
    );
    expect(bad?.[1]).toMatch(
      /<failure message="[^"]*" type="unknown-cycle">error at okrs\/2026-Q4\/bad\.yaml:2:8: /,
    );
    const clean = check(project(false), 'junit');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('tests="1" failures="0"');
  });

  it('appends a job summary to GITHUB_STEP_SUMMARY, after what was there, whatever the format', () => {
    const summary = join(tempDir(), 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = check(project(true), 'github', { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier step\n## okr check\n')).toBe(true);
    expect(md).toMatch(/✖ \d+ problems? \(1 error, \d+ warnings?\) in 2 OKR files\./);
    const row = md.split('\n').find((l) => l.includes('unknown-cycle'));
    // The hostile cycle stays inside its one row: its newline is gone and its markup escaped.
    expect(row).toContain('| error | okrs/2026-Q4/bad.yaml | 2:8 | unknown-cycle |');
    expect(row).toContain('"2026-Q4 ::error file=x.yaml::forged, line: 1 %0A"');

    const clean = check(project(false), 'stylish', { GITHUB_STEP_SUMMARY: summary });
    expect(clean.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe(`${md}## okr check\n\n✔ No problems in 1 OKR file.\n`);
  });

  it('writes no summary without GITHUB_STEP_SUMMARY, and fails clearly when it cannot write one', () => {
    const dir = project(true);
    expect(check(dir, 'json').code).toBe(1);
    const r = check(dir, 'json', { GITHUB_STEP_SUMMARY: join(dir, 'no', 'such', 'folder', 'summary.md') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^okr: cannot append the job summary to GITHUB_STEP_SUMMARY/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('rejects an unknown format with exit 2', () => {
    const r = check(project(false), 'checkstyle');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('checkstyle');
  });
});
