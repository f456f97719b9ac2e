import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  applyCheckin,
  CheckinEditError,
  type CheckinRequest,
  CheckinValueError,
  checkinSource,
} from '../../src/edit/checkin.js';
import { diffLines } from '../../src/edit/diff.js';
import { loadOkrSource } from '../../src/load/load.js';
import { REPO_ROOT } from '../helpers.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'checkin');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

interface GoldenCase {
  name: string;
  request: CheckinRequest;
  /** Lines changed in place: each removed line, with these replacements made, is the added line. */
  edits: [string, string][];
  /** Lines that are new, trimmed: the new field (when it was missing) and the check-in entry. */
  newLines: string[];
}

const DATE = '2026-11-20';
const kr = (o: number, k: number) => ['objectives', o, 'key_results', k];

const CASES: GoldenCase[] = [
  {
    name: 'numeric',
    request: {
      krPath: kr(0, 0),
      kind: 'numeric',
      value: 2.7,
      date: DATE,
      confidence: 0.7,
      note: 'Guest checkout "live"',
    },
    edits: [
      ['current: 2.6', 'current: 2.7'],
      ['confidence: 0.6', 'confidence: 0.7'],
    ],
    newLines: ['- {date: 2026-11-20, value: 2.7, confidence: 0.7, note: "Guest checkout \\"live\\""}'],
  },
  {
    name: 'threshold',
    request: { krPath: kr(0, 1), kind: 'threshold', value: 280, date: DATE },
    edits: [],
    newLines: ['current: 280', 'checkins:', '- {date: 2026-11-20, value: 280}'],
  },
  {
    name: 'milestone',
    request: { krPath: kr(0, 2), kind: 'milestone', value: true, date: DATE, note: 'live in DE' },
    edits: [['done: False', 'done: True']],
    newLines: ['-   date: 2026-11-20', 'value: true', 'note: "live in DE"'],
  },
  {
    name: 'judged',
    request: { krPath: kr(1, 0), kind: 'judged', value: 0.6, date: DATE },
    edits: [
      ['progress: 0.5', 'progress: 0.6'],
      ['{date: 2026-10-10, value: 0.4}', '{date: 2026-10-10, value: 0.4}, {date: 2026-11-20, value: 0.6}'],
    ],
    newLines: [],
  },
  {
    name: 'flow-kr',
    request: { krPath: kr(1, 1), kind: 'threshold', value: 41, date: DATE },
    edits: [['current: 35', 'current: 41, checkins: [{date: 2026-11-20, value: 41}]']],
    newLines: [],
  },
  {
    name: 'flow-list',
    request: { krPath: kr(2, 0), kind: 'numeric', value: 3.5, date: DATE },
    edits: [],
    newLines: ['current: 3.5', '{ date: 2026-11-20, value: 3.5 },'],
  },
];

describe('applyCheckin on a file written by hand (golden files)', () => {
  const input = read('messy.yaml');

  for (const c of CASES) {
    it(`${c.name}: matches messy.${c.name}.expected.yaml`, () => {
      const output = applyCheckin(input, c.request);
      const goldenName = `messy.${c.name}.expected.yaml`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(join(FIXTURES, goldenName), output);
      expect(output).toBe(read(goldenName));
    });

    it(`${c.name}: changes only the value and the new check-in`, () => {
      const lines = diffLines(input, applyCheckin(input, c.request));
      const removed = lines.filter((l) => l.op === '-').map((l) => l.text);
      const added = lines.filter((l) => l.op === '+').map((l) => l.text);
      // Each edit touches exactly one old line, and every old line that changed is explained by them.
      for (const [from] of c.edits) expect(removed.filter((line) => line.includes(from))).toHaveLength(1);
      for (const line of removed) {
        const edited = c.edits.reduce((text, [from, to]) => text.replace(from, to), line);
        expect(edited, `an old line changed that the case does not expect: ${line}`).not.toBe(line);
        expect(added).toContain(edited);
        added.splice(added.indexOf(edited), 1);
      }
      expect(added.map((l) => l.trim())).toEqual(c.newLines);
    });
  }

  it('keeps the rest of the data: only the KR changes', () => {
    const before = parseDocument(input).toJS();
    const after = parseDocument(applyCheckin(input, CASES[0]!.request)).toJS();
    const krBefore = before.objectives[0].key_results[0];
    expect(after.objectives[0].key_results[0]).toEqual({
      ...krBefore,
      current: 2.7,
      confidence: 0.7,
      checkins: [
        ...krBefore.checkins,
        { date: DATE, value: 2.7, confidence: 0.7, note: 'Guest checkout "live"' },
      ],
    });
    after.objectives[0].key_results[0] = krBefore;
    expect(after).toEqual(before);
  });
});

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

describe('applyCheckin on the edges of a file', () => {
  const okr = (body: string) =>
    `owner: t\ncycle: 2026-Q4\nobjectives:\n  - id: o\n    title: Customers reach support within minutes\n    key_results:\n${body}`;
  const numeric = { krPath: kr(0, 0), kind: 'numeric' as const, value: 4, date: DATE };

  it('keeps Windows line breaks', () => {
    const text = okr('      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n').replace(
      /\n/g,
      '\r\n',
    );
    const out = applyCheckin(text, numeric);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toContain(
      '        current: 4\r\n        checkins:\r\n          - { date: 2026-11-20, value: 4 }\r\n',
    );
  });

  it('keeps a byte-order mark and a last line without a line break', () => {
    const text = `\ufeff${okr('      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n        checkins:\n          - {date: 2026-10-01, value: 9}')}`;
    const out = applyCheckin(text, numeric);
    expect(out.startsWith('\ufeffowner: t\n')).toBe(true);
    expect(
      out.endsWith('          - {date: 2026-10-01, value: 9}\n          - {date: 2026-11-20, value: 4}'),
    ).toBe(true);
  });

  it('appends after a block scalar that keeps its trailing blank lines', () => {
    const text = okr(
      '      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n        checkins:\n          - date: 2026-10-01\n            value: 9\n            note: |+\n              long\n\n# end\n',
    );
    const out = applyCheckin(text, { ...numeric, note: 'x' });
    expect(parseDocument(out).toJS().objectives[0].key_results[0].checkins).toEqual([
      { date: '2026-10-01', value: 9, note: 'long\n\n' },
      { date: DATE, value: 4, note: 'x' },
    ]);
    expect(out.endsWith('# end\n')).toBe(true);
  });

  it('fills an empty flow list and follows zero-indented lists', () => {
    const text = okr(
      '      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n        checkins: []\n',
    );
    expect(applyCheckin(text, numeric)).toContain('        checkins: [{ date: 2026-11-20, value: 4 }]\n');
    const flat =
      'owner: t\ncycle: 2026-Q4\nobjectives:\n- id: o\n  title: Customers reach support within minutes\n  key_results:\n  - id: k\n    title: Cut wait\n    done: false\n';
    expect(applyCheckin(flat, { krPath: kr(0, 0), kind: 'milestone', value: true, date: DATE })).toBe(
      flat.replace('done: false\n', 'done: true\n    checkins:\n    - { date: 2026-11-20, value: true }\n'),
    );
  });

  it('adds to any layout and removes nothing', () => {
    const layouts = [
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        description: |-\n          text\n\n\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        description: >\n          text\n\n...\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        # trailing\n      # another\n      - id: j\n        title: U\n        done: false\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        checkins:\n        - {date: 2026-10-01, value: 9}\n        # c\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        checkins: [\n          {date: 2026-10-01, value: 9}]\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        checkins: [{date: 2026-10-01, value: 9}, # c\n        ]\n',
      '      - { id: k, title: T, start: 9, target: 1, }\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1\n        checkins:\n          -\n            date: 2026-10-01\n            value: 9\n',
      '      -   id: k\n          title: T\n          start: 9\n          target: 1\n',
      '      - id: k\n        title: T\n        start: 9\n        target: 1 # c',
    ];
    for (const layout of layouts) {
      const text = okr(layout);
      const out = applyCheckin(text, { ...numeric, note: 'n' });
      // Only insertions: every character of the old text is still there, in order.
      expect(isSubsequence(text, out), layout).toBe(true);
      const kr = loadOkrSource('x.yaml', out).file!.data.objectives[0]!.key_results![0]!;
      expect(kr.current).toBe(4);
      expect(kr.checkins!.at(-1)).toEqual({ date: DATE, value: 4, note: 'n' });
    }
  });

  it('refuses rather than change a value shared through an anchor', () => {
    const text = okr(
      '      - id: k\n        title: Cut wait\n        start: &v 9\n        target: 1\n        current: *v\n      - id: j\n        title: Other\n        start: *v\n        target: 2\n',
    );
    expect(() =>
      applyCheckin(text, { ...numeric, krPath: ['objectives', 0, 'key_results', 0] }),
    ).not.toThrow();
    const anchored = okr(
      '      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n        current: &v 5\n      - id: j\n        title: Other\n        start: *v\n        target: 2\n',
    );
    expect(() => applyCheckin(anchored, numeric)).toThrow(CheckinEditError);
  });

  it('quotes notes so that any text reads back as written', () => {
    const note = 'a: b, [c] {d} # e \'f\' "g" \\ h\n\ttab \u2028 \u0085 é';
    const text = okr('      - id: k\n        title: Cut wait\n        start: 9\n        target: 1\n');
    const out = applyCheckin(text, { ...numeric, note });
    expect(parseDocument(out).toJS().objectives[0].key_results[0].checkins[0].note).toBe(note);
  });
});

describe('checkinSource', () => {
  const text = read('messy.yaml');
  const input = { objectiveId: 'effortless-checkout', krId: 'conversion', date: DATE };

  it('finds the KR by id, edits and loads the result again', () => {
    const result = checkinSource('okrs/x.yaml', text, { ...input, value: '2.75' });
    expect(result).toMatchObject({ kind: 'numeric', field: 'current', before: 2.6, value: 2.75 });
    const loaded = loadOkrSource('okrs/x.yaml', result.text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.file!.data.objectives[0]!.key_results![0]!.current).toBe(2.75);
  });

  it('refuses a value of the wrong kind, and a KR without a measure', () => {
    expect(() => checkinSource('x.yaml', text, { ...input, value: 'done' })).toThrow(
      /"done" is not a value for key result "effortless-checkout\/conversion", which is numeric/,
    );
    const rollup =
      'owner: c\ncycle: 2026-Q4\nobjectives:\n  - id: o\n    title: Grow revenue from new buyers\n    key_results:\n      - id: r\n        title: Teams deliver\n';
    expect(() =>
      checkinSource('x.yaml', rollup, { objectiveId: 'o', krId: 'r', value: '1', date: DATE }),
    ).toThrow(CheckinValueError);
  });

  it('refuses a file that does not load', () => {
    expect(() => checkinSource('x.yaml', 'owner: [', { ...input, value: '1' })).toThrow(/does not load/);
  });
});
