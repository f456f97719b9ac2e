import { describe, expect, it } from 'vitest';
import { configFromText, defaultConfig } from '../../src/config/config.js';
import { applyReadings, inParallel, type MeasureRow, measureTargets } from '../../src/run/measure.js';
import { okrFile } from '../cli/measure-run.js';
import { makeProject } from '../helpers.js';

describe('inParallel', () => {
  it('runs at most `limit` at a time and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const out = await inParallel([5, 1, 4, 2, 3, 0, 6, 7], 4, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60, 70]);
    expect(most).toBe(4);
  });
});

describe('measureTargets', () => {
  const project = () =>
    makeProject({
      'okrs/platform.yaml': okrFile([
        { id: 'a', measure: '{ file: m.json, path: a }' },
        { id: 'b', measure: '{ command: [x] }', fields: 'target: 10\nkeep: below\ncurrent: 12' },
      ]),
      'okrs/old.yaml': okrFile([{ id: 'c', measure: '{ file: m.json, path: c }' }], 'old', '2026-12-31'),
    });

  it('lists every measured KR of the open files, with its kind and value before; a ref picks KRs or objectives', () => {
    const dir = project();
    const config = defaultConfig(dir);
    expect(measureTargets(config, []).map((t) => [t.ref, t.kind, t.before])).toEqual([
      ['stable/a', 'file', 0],
      ['stable/b', 'command', 12],
    ]);
    expect(measureTargets(config, ['stable/b']).map((t) => t.ref)).toEqual(['stable/b']);
    // A closed file's KRs come only when named, so that the command can refuse them.
    expect(measureTargets(config, ['old']).map((t) => [t.ref, t.closed])).toEqual([['old/c', '2026-12-31']]);
    expect(() => measureTargets(config, ['nope'])).toThrow(
      '"nope" names no objective or key result with a measure',
    );
  });

  it('reads measure.allow from the config, [file] by default', () => {
    const dir = project();
    expect(defaultConfig(dir).measure.allow).toEqual(['file']);
    expect(
      configFromText(defaultConfig(dir), 'okr.config.yaml', 'measure: { allow: [url, command] }\n').measure
        .allow,
    ).toEqual(['url', 'command']);
  });
});

describe('applyReadings', () => {
  it('applies every value of a file to its text one after the other; a failed row changes nothing', () => {
    const text = okrFile([
      { id: 'a', measure: '{ file: m.json, path: a }' },
      { id: 'b', measure: '{ file: m.json, path: b }' },
    ]);
    const row = (id: string, value: number | null): MeasureRow => ({
      ref: `stable/${id}`,
      file: 'okrs/platform.yaml',
      source: 'file',
      before: 0,
      value,
      error: value === null ? 'failed' : null,
      later: null,
    });
    expect(applyReadings('okrs/platform.yaml', text, [row('a', null), row('b', null)], '2026-11-20')).toBe(
      text,
    );
    const next = applyReadings('okrs/platform.yaml', text, [row('a', 3), row('b', null)], '2026-11-20');
    expect(next).toBe(
      okrFile([
        {
          id: 'a',
          fields: 'start: 0\ntarget: 100\ncurrent: 3',
          measure: '{ file: m.json, path: a }',
          after: 'checkins:\n  - { date: 2026-11-20, value: 3, source: measure }',
        },
        { id: 'b', measure: '{ file: m.json, path: b }' },
      ]),
    );
  });
});
