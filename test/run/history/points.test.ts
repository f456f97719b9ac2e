import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { parseDay } from '../../../src/dates.js';
import type { LogCommit } from '../../../src/git/log.js';
import { loadTexts } from '../../../src/load/texts.js';
import { analyze } from '../../../src/run/analyze.js';
import { gitPoints, refPoint } from '../../../src/run/history/points.js';
import { okrYaml } from '../../git/okr-repo.js';

const company = okrYaml('company', '2026', [
  { id: 'grow', title: 'Grow revenue through new buyers in every market', krs: [{ id: 'buyers' }] },
]);
const dept = (current: number) =>
  okrYaml('sales', '2026', [
    {
      id: 'sales',
      title: 'Sell to new buyers in every region',
      parent: 'grow/buyers',
      krs: [{ id: 'deals' }, { id: 'calls', start: 0, target: 10, current }],
    },
  ]);
const team = (current: number) =>
  okrYaml('nordics', '2026-Q4', [
    {
      id: 'nordics',
      title: 'Open the Nordic market for our product',
      parent: 'sales/deals',
      krs: [{ id: 'signed', start: 0, target: 4, current }],
    },
  ]);
const other = (current: number) =>
  okrYaml('ops', '2026-Q4', [
    {
      id: 'ops',
      title: 'Keep every service fast for our buyers',
      krs: [{ id: 'uptime', start: 90, target: 99, current }],
    },
  ]);

/** Commits as lists of (path, text); a text stands for its own blob id here. */
function history(...commits: [string, [string, string | null][]][]): {
  log: LogCommit[];
  read: (b: string) => Promise<Buffer>;
} {
  const log = commits.map(([date, changes]) => ({
    sha: `sha-${date}`,
    day: parseDay(date)!,
    parentless: false,
    changes: changes.map(([path, text]) => ({ path, blob: text })),
  }));
  return { log, read: async (blob) => Buffer.from(blob) };
}

/** The graph of the given files, as okr loads them. */
function fullGraph(files: Record<string, string>) {
  const config = defaultConfig('/nonexistent');
  const load = loadTexts(config, new Map(Object.entries(files).map(([p, text]) => [p, { text }])), null);
  return analyze(config, { asOf: parseDay('2026-11-01')!, load }).graph;
}

/** The progress of `ref` rolled up over the whole repository, as okr status computes it. */
function fullProgress(files: Record<string, string>, ref: string): number | undefined {
  const config = defaultConfig('/nonexistent');
  const load = loadTexts(config, new Map(Object.entries(files).map(([p, text]) => [p, { text }])), null);
  const a = analyze(config, { asOf: parseDay('2026-11-01')!, load });
  return refPoint(a.graph, a.rollup, ref)?.progress;
}

describe('history of an objective', () => {
  it('rolls up descendants added in one commit across files, and adds no point for unrelated commits', async () => {
    const { log, read } = history(
      [
        '2026-10-01',
        [
          ['okrs/company.yaml', company],
          ['okrs/ops.yaml', other(95)],
        ],
      ],
      [
        '2026-10-02',
        [
          ['okrs/sales.yaml', dept(5)],
          ['okrs/teams/nordics.yaml', team(2)],
        ],
      ],
      ['2026-10-03', [['okrs/ops.yaml', other(97)]]],
      ['2026-10-04', [['okrs/teams/nordics.yaml', team(4)]]],
      ['2026-10-05', [['okrs/teams/nordics.yaml', null]]],
    );
    const points = await gitPoints(log, read, 'grow', 'krs');
    expect(points.map((p) => [p.date, p.progress])).toEqual([
      ['2026-10-01', 0],
      [
        '2026-10-02',
        fullProgress(
          { 'okrs/company.yaml': company, 'okrs/sales.yaml': dept(5), 'okrs/teams/nordics.yaml': team(2) },
          'grow',
        ),
      ],
      [
        '2026-10-04',
        fullProgress(
          { 'okrs/company.yaml': company, 'okrs/sales.yaml': dept(5), 'okrs/teams/nordics.yaml': team(4) },
          'grow',
        ),
      ],
      ['2026-10-05', fullProgress({ 'okrs/company.yaml': company, 'okrs/sales.yaml': dept(5) }, 'grow')],
    ]);
    // (0.5 + 0.5) / 2 from sales' two KRs: deals (from nordics, 2 of 4) and calls (5 of 10).
    expect(points[1]!.progress).toBeCloseTo(0.5);
    expect(points[2]!.progress).toBeCloseTo(0.75);
  });

  it('follows a KR through a move to another file', async () => {
    const { log, read } = history(
      ['2026-10-01', [['okrs/ops.yaml', other(95)]]],
      [
        '2026-10-02',
        [
          ['okrs/ops.yaml', null],
          ['okrs/teams/ops.yaml', other(95)],
        ],
      ],
      ['2026-10-03', [['okrs/teams/ops.yaml', other(96)]]],
    );
    const points = await gitPoints(log, read, 'ops/uptime', 'krs');
    expect(points.map((p) => [p.date, p.value])).toEqual([
      ['2026-10-01', 95],
      ['2026-10-03', 96],
    ]);
  });
});

describe('history of a KR with check-ins', () => {
  // The target moves from 10 to 20 between the two check-ins.
  const v1 = okrYaml('ops', '2026-Q4', [
    {
      id: 'ops',
      title: 'Keep every service fast for our buyers',
      krs: [{ id: 'fixes', start: 0, target: 10, current: 2, checkins: [{ date: '2026-10-01', value: 2 }] }],
    },
  ]);
  const v2 = okrYaml('ops', '2026-Q4', [
    {
      id: 'ops',
      title: 'Keep every service fast for our buyers',
      krs: [
        {
          id: 'fixes',
          start: 0,
          target: 20,
          current: 5,
          checkins: [
            { date: '2026-10-01', value: 2 },
            { date: '2026-10-15', value: 5 },
          ],
        },
      ],
    },
  ]);

  it('makes a check-in and the commit that recorded it one point, measured against the target of its time', async () => {
    const { log, read } = history(
      ['2026-10-01', [['okrs/ops.yaml', v1]]],
      ['2026-10-16', [['okrs/ops.yaml', v2]]],
    );
    const points = await gitPoints(log, read, 'ops/fixes', 'krs');
    expect(points).toEqual([
      // 2 of 0 → 10, as the file stood when it was recorded; against today's 20 it would be 0.1.
      { date: '2026-10-01', commit: 'sha-2026-10-01', value: 2, progress: 0.2, source: 'checkin' },
      { date: '2026-10-15', commit: 'sha-2026-10-16', value: 5, progress: 0.25, source: 'checkin' },
    ]);
  });

  it('adds a check-in only in the working tree without a commit, measured against the working tree', async () => {
    const { log, read } = history(['2026-10-01', [['okrs/ops.yaml', v1]]]);
    const worktree = fullGraph({ 'okrs/ops.yaml': v2 });
    const points = await gitPoints(log, read, 'ops/fixes', 'krs', { kr: worktree.krs.get('ops/fixes') });
    expect(points.map((p) => [p.date, p.commit, p.value, p.progress, p.source])).toEqual([
      ['2026-10-01', 'sha-2026-10-01', 2, 0.2, 'checkin'],
      ['2026-10-15', null, 5, 0.25, 'checkin'],
    ]);
  });

  it('keeps a commit that sets a value no check-in recorded as a point of its own', async () => {
    const edited = v1.replace('current: 2', 'current: 4');
    const { log, read } = history(
      ['2026-10-01', [['okrs/ops.yaml', v1]]],
      ['2026-10-05', [['okrs/ops.yaml', edited]]],
    );
    const points = await gitPoints(log, read, 'ops/fixes', 'krs');
    expect(points.map((p) => [p.date, p.commit, p.value, p.progress, p.source])).toEqual([
      ['2026-10-01', 'sha-2026-10-01', 2, 0.2, 'checkin'],
      ['2026-10-05', 'sha-2026-10-05', 4, 0.4, 'git'],
    ]);
  });
});
