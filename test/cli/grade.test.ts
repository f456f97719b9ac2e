import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runOkr } from '../helpers.js';

// Two cycles: 2026-Q3, over, with a threshold KR and a KR rolled up from two team objectives, and
// 2026-Q4, running. The expected figures below are worked out by hand from SPEC §5.
const Q3_COMPANY = `owner: company
cycle: 2026-Q3
objectives:
  - id: expand
    title: Expand into the Nordic market this summer
    type: committed
    retro: Deals took longer than planned; start the legal review earlier.
    key_results:
      - id: deals
        title: Signed deals in the Nordics
        start: 0
        target: 10
        current: 4
      - id: launch
        title: Shops live in Sweden and Norway
      - id: p95
        title: Keep p95 checkout latency below 300 ms
        target: 300
        keep: below
        current: 280
        retro: The cache did it.
`;

const Q3_NORDICS = `owner: nordics
cycle: 2026-Q3
objectives:
  - id: sweden-shop
    title: Open the Swedish shop for our buyers
    parent: expand/launch
    key_results:
      - { id: payments, title: Swedish payment methods live, done: true }
      - id: translations
        title: Product pages translated into Swedish
        start: 0
        target: 200
        current: 150
        confidence: 0.8
  - id: norway-shop
    title: Open the Norwegian shop for our buyers
    parent: expand/launch
    key_results:
      - id: payments
        title: Norwegian payment methods judged ready by finance
        progress: 0.3
        checkins:
          - { date: 2026-08-01, value: 0.2, confidence: 0.4 }
          - { date: 2026-09-01, value: 0.3, confidence: 0.5 }
`;

const Q4_COMPANY = `owner: company
cycle: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue from the new Nordic shops
    key_results:
      - { id: arr, title: Nordic revenue in thousands, start: 0, target: 100, current: 30 }
`;

const FILES = {
  'okr.config.yaml': 'roots: [company]\n',
  'okrs/2026-Q3/company.yaml': Q3_COMPANY,
  'okrs/2026-Q3/nordics.yaml': Q3_NORDICS,
  'okrs/2026-Q4/company.yaml': Q4_COMPANY,
};

interface KrJson {
  id: string;
  progress: number;
  score: number;
  grade: string;
  confidence: number | null;
  retro: string | null;
}
interface ObjectiveJson {
  id: string;
  owner: string;
  type: string;
  progress: number;
  score: number;
  grade: string;
  missed: boolean;
  retro: string | null;
  keyResults: KrJson[];
}
interface SheetJson {
  cycle: string;
  asOf: string;
  preliminary: boolean;
  closed: string | null;
  objectives: ObjectiveJson[];
  summary: {
    objectives: number;
    hit: number;
    committed: number;
    committedHit: number;
    owners: { owner: string; objectives: number; averageScore: number; hit: number }[];
  };
}

function gradeJson(dir: string, args: string[]): SheetJson {
  const r = runOkr(['grade', ...args, '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as SheetJson;
}

describe('okr grade', () => {
  it('scores every objective and KR of the cycle as of its end, with figures worked out by hand', () => {
    const dir = makeProject(FILES);
    const sheet = gradeJson(dir, ['2026-Q3', '--as-of', '2026-12-01']);
    expect(sheet.cycle).toBe('2026-Q3');
    // Asked after the cycle ended: graded on its last day, final.
    expect(sheet.asOf).toBe('2026-09-30');
    expect(sheet.preliminary).toBe(false);
    expect(sheet.closed).toBeNull();
    // Only the cycle's objectives, in file order (files sorted by path).
    expect(sheet.objectives.map((o) => o.id)).toEqual(['expand', 'sweden-shop', 'norway-shop']);
    const [expand, sweden, norway] = sheet.objectives as [ObjectiveJson, ObjectiveJson, ObjectiveJson];

    // sweden-shop: payments done → 1; translations (150 − 0) / (200 − 0) = 0.75.
    // Mean (1 + 0.75) / 2 = 0.875 → score 0.9, green; aspirational at or above 0.7: not missed.
    expect(sweden.progress).toBeCloseTo(0.875, 10);
    expect(sweden.keyResults.map((k) => [k.score, k.grade, k.confidence])).toEqual([
      [1, 'green', null],
      [0.8, 'green', 0.8], // 0.75 rounds half up to 0.8
    ]);
    expect([sweden.score, sweden.grade, sweden.missed]).toEqual([0.9, 'green', false]);
    // norway-shop: judged 0.3 → score 0.3, red; aspirational below 0.7: missed. Its confidence is
    // the newest check-in's, 0.5.
    expect([norway.progress, norway.score, norway.grade, norway.missed]).toEqual([0.3, 0.3, 'red', true]);
    expect(norway.keyResults[0]?.confidence).toBe(0.5);

    // expand (committed): deals (4 − 0) / (10 − 0) = 0.4; launch is rolled up from the two shops,
    // (0.875 + 0.3) / 2 = 0.5875; p95 is a threshold KR, 280 <= 300 → 1 (settled: the cycle is over).
    // Mean (0.4 + 0.5875 + 1) / 3 = 0.6625 → score 0.7, green; committed below 1.0: missed.
    const byId = new Map(expand.keyResults.map((k) => [k.id, k]));
    expect(byId.get('expand/deals')).toMatchObject({ progress: 0.4, score: 0.4, grade: 'yellow' });
    expect(byId.get('expand/launch')?.progress).toBeCloseTo(0.5875, 10);
    expect(byId.get('expand/launch')).toMatchObject({ score: 0.6, grade: 'yellow' });
    expect(byId.get('expand/p95')).toMatchObject({
      progress: 1,
      score: 1,
      grade: 'green',
      retro: 'The cache did it.',
    });
    expect(expand.progress).toBeCloseTo(0.6625, 10);
    expect([expand.score, expand.grade, expand.missed]).toEqual([0.7, 'green', true]);
    expect(expand.retro).toBe('Deals took longer than planned; start the legal review earlier.');

    // Summary: company 0.7 over one objective, none hit; nordics (0.9 + 0.3) / 2 = 0.6, one hit.
    expect(sheet.summary).toMatchObject({ objectives: 3, hit: 1, committed: 1, committedHit: 0 });
    expect(sheet.summary.owners.map((o) => [o.owner, o.objectives, o.hit])).toEqual([
      ['company', 1, 0],
      ['nordics', 2, 1],
    ]);
    expect(sheet.summary.owners[0]?.averageScore).toBeCloseTo(0.7, 10);
    expect(sheet.summary.owners[1]?.averageScore).toBeCloseTo(0.6, 10);
  });

  it('gives the same progress as okr status on the same day', () => {
    const dir = makeProject(FILES);
    const sheet = gradeJson(dir, ['2026-Q3', '--as-of', '2026-12-01']);
    const status = JSON.parse(
      runOkr(['status', '--format', 'json', '--cycle', '2026-Q3', '--as-of', '2026-09-30'], { cwd: dir })
        .stdout,
    ) as { objectives: { id: string; progress: number; keyResults: { id: string; progress: number }[] }[] };
    for (const o of status.objectives) {
      const graded = sheet.objectives.find((g) => g.id === o.id);
      expect(graded?.progress).toBe(o.progress);
      expect(graded?.keyResults.map((k) => k.progress)).toEqual(o.keyResults.map((k) => k.progress));
    }
  });

  it('says a grade taken before the cycle ends is preliminary, as of that day', () => {
    const dir = makeProject(FILES);
    const sheet = gradeJson(dir, ['2026-Q4', '--as-of', '2026-11-15']);
    expect(sheet).toMatchObject({ cycle: '2026-Q4', asOf: '2026-11-15', preliminary: true });
    // arr (30 − 0) / (100 − 0) = 0.3 → score 0.3, red; aspirational below 0.7: missed.
    expect(sheet.objectives.map((o) => [o.id, o.score, o.grade, o.missed])).toEqual([
      ['grow', 0.3, 'red', true],
    ]);
    const text = runOkr(['grade', '2026-Q4', '--as-of', '2026-11-15'], { cwd: dir });
    expect(text.stdout.split('\n')[0]).toBe(
      'Preliminary grade of 2026-Q4 as of 2026-11-15: the cycle has not ended, and its numbers may still move.',
    );
  });

  it('prints a terminal sheet: scores, grades, the missed called out, retros and the summary', () => {
    const dir = makeProject(FILES);
    const r = runOkr(['grade', '2026-Q3', '--as-of', '2026-12-01'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Grade of 2026-Q3 as of its end, 2026-09-30; not closed yet.');
    expect(lines).toContain('0.7 green   expand  company, committed  missed: committed, below 1.0');
    expect(lines).toContain(
      '0.3 red     norway-shop  nordics, aspirational  missed: aspirational, below 0.7',
    );
    expect(lines).toContain('0.9 green   sweden-shop  nordics, aspirational');
    expect(lines).toContain('    0.6 yellow  expand/launch');
    expect(lines).toContain('    0.8 green   sweden-shop/translations  confidence 0.8');
    expect(lines).toContain('          retro: The cache did it.');
    expect(lines).toContain('    retro: Deals took longer than planned; start the legal review earlier.');
    expect(lines).toContain('  1 of 3 objectives hit; 0 of 1 committed hit.');
    expect(lines).toContain('  nordics: average score 0.60 over 2 objectives, 1 hit');
  });

  it('writes a markdown retrospective and a self-contained HTML page with -o', () => {
    const dir = makeProject(FILES);
    const md = runOkr(['grade', '2026-Q3', '--as-of', '2026-12-01', '-f', 'markdown', '-o', 'retro.md'], {
      cwd: dir,
    });
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    const doc = readFileSync(join(dir, 'retro.md'), 'utf8');
    expect(doc.startsWith('# Retrospective: 2026-Q3\n')).toBe(true);
    expect(doc).toContain('## Expand into the Nordic market this summer');
    expect(doc).toContain('`expand`, company, committed: **0.7** (green) — missed: committed, below 1.0');
    expect(doc).toContain('| Shops live in Sweden and Norway (`expand/launch`) | 0.6 | yellow |  |');
    expect(doc).toContain('Deals took longer than planned; start the legal review earlier.');
    expect(doc).toContain('| nordics | 2 | 0.60 | 1 |');

    const html = runOkr(['grade', '2026-Q3', '--as-of', '2026-12-01', '-f', 'html', '-o', 'grades.html'], {
      cwd: dir,
    });
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'grades.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    // Nothing may load from elsewhere: the page's policy forbids it.
    expect(page).toMatch(/http-equiv="Content-Security-Policy" content="default-src (&#39;|')none/);
    expect(page).not.toMatch(/<script|https?:\/\//);
    expect(page).toContain('<span class="score g-green">0.7</span>');
    expect(page).toContain('missed: committed, below 1.0');
    expect(page).toContain('<div class="retro">The cache did it.</div>');
  });

  it('says when the cycle was closed', () => {
    const dir = makeProject(FILES);
    expect(runOkr(['close', '2026-Q3', '--date', '2026-10-02'], { cwd: dir }).code).toBe(0);
    const sheet = gradeJson(dir, ['2026-Q3', '--as-of', '2026-12-01']);
    expect(sheet.closed).toBe('2026-10-02');
    expect(runOkr(['grade', '2026-Q3', '--as-of', '2026-12-01'], { cwd: dir }).stdout.split('\n')[0]).toBe(
      'Grade of 2026-Q3 as of its end, 2026-09-30; closed on 2026-10-02, its numbers are final.',
    );
  });

  it('refuses a cycle no file has, naming the cycles there are', () => {
    const dir = makeProject(FILES);
    const r = runOkr(['grade', '2025-Q1'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'okr: no OKR file has cycle "2025-Q1"\n  hint: the cycles of the OKR files are 2026-Q3, 2026-Q4\n',
    );
  });

  it('reports a retro that is not text at its line and column, through okr check', () => {
    const dir = makeProject({
      ...FILES,
      'okrs/2026-Q4/company.yaml': Q4_COMPANY.replace(
        '    key_results:',
        '    retro: [not, text]\n    key_results:',
      ),
    });
    const r = runOkr(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const problems = (
      JSON.parse(r.stdout) as { problems: { ruleId: string; file: string; line: number; column: number }[] }
    ).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ ruleId: 'schema', file: 'okrs/2026-Q4/company.yaml', line: 6, column: 12 }),
    );
  });
});
