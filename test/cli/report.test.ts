import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runOkr } from '../helpers.js';

const PROJECT = {
  'okrs/2026-Q4/team.yaml': `owner: team
cycle: 2026-Q4
objectives:
  - id: delight-buyers
    title: Delight the buyers who order from us every week
    key_results:
      - id: nps
        title: Raise buyer satisfaction from 30 to 50
        start: 30
        target: 50
        current: 40
`,
};

describe('okr report', () => {
  it('writes one HTML file with --out and prints nothing on stdout', () => {
    const dir = makeProject(PROJECT);
    const r = runOkr(['report', '--out', 'okrs.html', '--as-of', '2026-11-15'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('okr: wrote okrs.html (1 objective)\n');
    const html = readFileSync(join(dir, 'okrs.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Delight the buyers who order from us every week');
    expect(html).toContain('OKR report as of 2026-11-15');
  });

  it('without --out is a usage error (exit 2) that writes nothing', () => {
    const dir = makeProject(PROJECT);
    const r = runOkr(['report'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'okr: report needs the file to write the dashboard to\n  hint: give it with -o FILE.html (or --out FILE.html)\n',
    );
    expect(readdirSync(dir)).toEqual(['okrs']);
  });

  it('says which folder is missing, with exit 2 and no stack trace', () => {
    const dir = makeProject(PROJECT);
    const r = runOkr(['report', '--out', 'site/okrs.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'okr: cannot write site/okrs.html: no such folder "site"\n  hint: create the folder first (mkdir -p site), or write somewhere else\n',
    );
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  it('replaces an existing report atomically, leaving no temporary file behind', () => {
    const dir = makeProject(PROJECT);
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'okrs.html'), 'old');
    const r = runOkr(['report', '--out', 'site/okrs.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'site'))).toEqual(['okrs.html']);
    expect(readFileSync(join(dir, 'site', 'okrs.html'), 'utf8')).toContain('delight-buyers');
  });

  it('still reports the files that load, naming the ones that do not', () => {
    const dir = makeProject({ ...PROJECT, 'okrs/2026-Q4/broken.yaml': 'owner: [unclosed\n' });
    const r = runOkr(['report', '--out', 'okrs.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('okrs/2026-Q4/broken.yaml has 1 error');
    const html = readFileSync(join(dir, 'okrs.html'), 'utf8');
    expect(html).toContain('delight-buyers');
    expect(html).toMatch(
      /1 file has errors, and what they concern is not shown: <span class="id">okrs\/2026-Q4\/broken.yaml/,
    );
  });

  it('draws a very deep alignment chain without overflowing, nesting at most 16 levels', () => {
    const count = 3000;
    const objectives = Array.from(
      { length: count },
      (_, i) => `  - id: step-${i}
    title: Take step number ${i} of the long chain${i === 0 ? '' : `\n    parent: step-${i - 1}`}
    key_results:
      - { id: done, title: Step taken, done: true }
`,
    ).join('');
    const dir = makeProject({ 'okrs/chain.yaml': `owner: company\ncycle: 2026\nobjectives:\n${objectives}` });
    const r = runOkr(['report', '--out', 'chain.html'], { cwd: dir });
    expect(r.stderr).toBe(`okr: wrote chain.html (${count} objectives)\n`);
    const html = readFileSync(join(dir, 'chain.html'), 'utf8');
    const tree = html.slice(html.indexOf('<section id="tree"'), html.indexOf('<section id="owners"'));
    let depth = 0;
    let deepest = 0;
    for (const tag of tree.matchAll(/<(\/?)details/g)) {
      depth += tag[1] ? -1 : 1;
      deepest = Math.max(deepest, depth);
    }
    expect(depth).toBe(0);
    expect(deepest).toBe(16);
    expect(tree.match(/<li class="node"/g)).toHaveLength(count);
  });

  it('exits 2 when no OKR files match', () => {
    const r = runOkr(['report', '--out', 'okrs.html'], { cwd: makeProject({ 'README.md': '# none\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no OKR files matched');
  });
});

describe('okr graph --output', () => {
  it('writes the graph to a file instead of stdout', () => {
    const dir = makeProject(PROJECT);
    const r = runOkr(['graph', '--output', 'graph.mmd'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'graph.mmd'), 'utf8')).toMatch(/^flowchart BT\n[\s\S]*o_delight_buyers\["/);
  });
});
