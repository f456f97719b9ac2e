import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit, makeProject, runOkr } from '../helpers.js';

const file = (current: number, checkins = '') =>
  `owner: company\ncycle: 2026\nobjectives:\n  - id: grow\n    title: Grow revenue from first-time buyers\n    key_results:\n      - id: revenue\n        title: Grow yearly revenue\n        start: 40\n        target: 52\n        current: ${current}\n${checkins}`;

function trendsOf(dir: string): Record<string, { date: string; value: number }[]> {
  const r = runOkr(['report', '--out', 'report.html', '--as-of', '2026-11-20'], { cwd: dir });
  expect(r.code).toBe(0);
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  const start = html.indexOf('<script type="application/json" id="okr-data">');
  const json = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
  return (JSON.parse(json) as { trends: Record<string, { date: string; value: number }[]> }).trends;
}

describe('okr report trends from git history', () => {
  it('draws a KR’s values from the commits that changed them, merged with its check-ins, one point a recorded value', () => {
    const dir = makeProject({ 'okrs/company.yaml': file(40) });
    gitInit(dir);
    commitAll(dir, 'start', '2026-09-01T10:00:00Z');
    writeFileSync(join(dir, 'okrs/company.yaml'), file(43));
    commitAll(dir, 'september numbers', '2026-10-01T10:00:00Z');
    writeFileSync(
      join(dir, 'okrs/company.yaml'),
      file(43).replace('Grow yearly revenue', 'Grow the yearly revenue'),
    );
    commitAll(dir, 'title only: no new point', '2026-10-15T10:00:00Z');
    writeFileSync(
      join(dir, 'okrs/company.yaml'),
      file(46, '        checkins:\n          - { date: 2026-11-10, value: 46 }\n'),
    );
    commitAll(dir, 'november check-in', '2026-11-12T10:00:00Z');
    writeFileSync(
      join(dir, 'okrs/company.yaml'),
      file(48, '        checkins:\n          - { date: 2026-11-10, value: 46 }\n'),
    );
    commitAll(dir, 'after the as-of date', '2026-12-01T10:00:00Z');
    expect(trendsOf(dir)['grow/revenue']).toEqual([
      { date: '2026-09-01', value: 40 },
      { date: '2026-10-01', value: 43 },
      { date: '2026-11-10', value: 46 },
    ]);
  });

  it('outside git, trends come from check-ins alone', () => {
    const dir = makeProject({
      'okrs/company.yaml': file(46, '        checkins:\n          - { date: 2026-11-10, value: 46 }\n'),
    });
    expect(trendsOf(dir)['grow/revenue']).toEqual([{ date: '2026-11-10', value: 46 }]);
  });
});
