import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotString } from '../../src/format/dot.js';
import { mermaidText } from '../../src/format/mermaid.js';
import { REPO_ROOT, runOkr } from '../helpers.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'graph');
const AS_OF = '2026-11-15';
const HOSTILE = '<img src=x onerror=alert(1)>';
const hasDot = spawnSync('dot', ['-V']).status === 0;

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it instead (review the diff before committing). */
function expectGolden(actual: string, file: string): void {
  const path = join(FIXTURE, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function graph(format: string, ...extra: string[]) {
  return runOkr(['graph', '--format', format, '--as-of', AS_OF, ...extra], { cwd: FIXTURE });
}

/** The quoted labels of a mermaid flowchart's node lines. */
function mermaidLabels(text: string): string[] {
  return [...text.matchAll(/^ {2}[ok]_\w+\(?\["(.*)"\]\)?:::s_\w+$/gm)].map((m) => m[1]!);
}

describe('okr graph --format mermaid', () => {
  it('matches the golden flowchart of the fixture project', () => {
    const r = graph('mermaid');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(r.stdout, 'expected.mmd');
  });

  it('writes node ids of word characters only, none of them a mermaid keyword', () => {
    const { stdout } = graph('mermaid');
    const ids = [...stdout.matchAll(/^ {2}(\S+?)(?:\(\[|\[)/gm)].map((m) => m[1]!);
    expect(ids).toContain('o_end'); // the fixture has an objective with id "end"
    for (const id of ids) expect(id).toMatch(/^[ok]_\w+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every label inside its quotes: no raw quote, angle bracket or backtick in a label', () => {
    const labels = mermaidLabels(graph('mermaid').stdout);
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) expect(label.replace(/<br\/>/g, '')).not.toMatch(/["<>`]/);
    expect(labels.some((l) => l.startsWith('#lt;img src=x onerror=alert(1)#gt;'))).toBe(true);
  });

  it('draws parents on top by default and top-down with --direction TD', () => {
    expect(graph('mermaid').stdout.split('\n')[0]).toBe('flowchart BT');
    expect(graph('mermaid', '--direction', 'TD').stdout.split('\n')[0]).toBe('flowchart TD');
    const bad = graph('mermaid', '--direction', 'LR');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--direction must be one of BT, TD, not "LR"');
  });
});

describe('okr graph --format dot', () => {
  it('matches the golden graph of the fixture project', () => {
    const r = graph('dot');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(r.stdout, 'expected.dot');
  });

  it.skipIf(!hasDot)('is accepted by graphviz, which shows the hostile title as text', () => {
    const { stdout } = graph('dot');
    const rendered = spawnSync('dot', ['-Tsvg'], { input: stdout, encoding: 'utf8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered.stdout).not.toContain(HOSTILE);
  });
});

describe('okr graph filters', () => {
  it("--owner keeps that owner's objectives and the links among them", () => {
    const { stdout, code } = graph('dot', '--owner', 'platform');
    expect(code).toBe(0);
    const nodes = [...stdout.matchAll(/^ {2}"([^"]+)" \[label/gm)].map((m) => m[1]);
    expect(nodes).toEqual(['reliable-platform', 'end']);
    expect(stdout).toContain('"end" -> "reliable-platform";');
    expect(stdout).not.toContain('"earn-trust"');
  });

  it('--cycle keeps the objectives of that cycle', () => {
    const { stdout } = graph('mermaid', '--cycle', '2026-H2');
    const labels = mermaidLabels(stdout);
    expect(labels).toEqual(['Hire the engineers the platform needs this half<br/>people · 83% · on track']);
    expect(stdout).not.toContain('-->');
  });

  it('refuses an unknown format with exit 2', () => {
    const r = graph('svg');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format|svg/);
    expect(r.stdout).toBe('');
  });
});

describe('escaping user text', () => {
  it('mermaid: quotes, markup, entities and backticks become mermaid entity codes', () => {
    expect(mermaidText('a "b" <c> & #quot; `d`')).toBe('a #quot;b#quot; #lt;c#gt; #amp; #35;quot; #96;d#96;');
    expect(mermaidText('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('dot: quotes and backslashes escaped, line breaks flattened', () => {
    expect(dotString('say "hi" \\N')).toBe('"say \\"hi\\" \\\\N"');
    expect(dotString('a\nb')).toBe('"a b"');
    expect(dotString('ends with \\')).toBe('"ends with \\\\"');
  });
});
