import { describe, expect, it } from 'vitest';
import { applyRollover, carriedObjective, mapRef, restartedKr } from '../../src/edit/rollover.js';

const renamed = new Map([
  ['a', 'a-2027-q1'],
  ['b', 'b-2027-q1'],
]);

describe('applyRollover', () => {
  it('takes out the objectives not carried with their comments, and keeps the others’ where they are', () => {
    const text = [
      'owner: team # the owner',
      'cycle: 2026-Q4',
      'closed: 2027-01-02',
      'objectives:',
      '  # about a, which is done',
      '  - id: a',
      '    title: First objective of the team',
      '    key_results: [{id: x, title: Done thing, done: true}]',
      '  # about b',
      '  - id: b # carried',
      '    title: Second objective of the team',
      '    parent: a/x',
      '    retro: We learned a lot',
      '    key_results:',
      '      - {id: y, title: Measured thing, start: 1, target: 5, current: 3, confidence: 0.4}',
      '      # the threshold',
      '      - id: z',
      '        title: Kept thing',
      '        target: 3',
      '        keep: above',
      '        current: 4',
      '        checkins:',
      '          - {date: 2026-11-01, value: 4}',
      '',
    ].join('\n');
    const result = applyRollover(text, { cycle: '2027-Q1', carried: new Map([[1, 'b-2027-q1']]), renamed });
    expect(result).toBe(
      [
        'owner: team # the owner',
        'cycle: 2027-Q1',
        'objectives:',
        '  # about b',
        '  - id: b-2027-q1 # carried',
        '    continues: b',
        '    title: Second objective of the team',
        '    parent: a-2027-q1/x',
        '    key_results:',
        '      - {id: y, title: Measured thing, start: 3, target: 5, current: 3}',
        '      # the threshold',
        '      - id: z',
        '        title: Kept thing',
        '        target: 3',
        '        keep: above',
        '',
      ].join('\n'),
    );
  });

  it('keeps a bare year a bare year, and adds current to a numeric KR that had none', () => {
    const text =
      'owner: t\ncycle: 2026\nobjectives:\n  - id: a\n    title: T\n    key_results:\n      - id: k\n        title: K\n        start: 1\n        target: 5\n';
    expect(
      applyRollover(text, { cycle: '2027', carried: new Map([[0, 'a-2027']]), renamed: new Map() }),
    ).toBe(
      'owner: t\ncycle: 2027\nobjectives:\n  - id: a-2027\n    continues: a\n    title: T\n    key_results:\n      - id: k\n        title: K\n        start: 1\n        target: 5\n        current: 1\n',
    );
  });
});

describe('the data of a carried objective', () => {
  it('maps references to carried objectives and keeps the others', () => {
    expect(mapRef('a/x', renamed)).toBe('a-2027-q1/x');
    expect(mapRef('c/x', renamed)).toBe('c/x');
    expect(
      carriedObjective(
        { id: 'b', title: 'T', parent: 'c', depends_on: ['a', 'c/k'], continues: 'old' },
        'b-2027-q1',
        renamed,
      ),
    ).toEqual({ id: 'b-2027-q1', continues: 'b', title: 'T', parent: 'c', depends_on: ['a-2027-q1', 'c/k'] });
  });

  it('restarts numeric KRs below their target from the final value; a reached one stays as it ended', () => {
    const kr = { id: 'k', title: 'K', start: 10, target: 40 };
    expect(restartedKr({ ...kr, current: 22, checkins: [{ date: '2026-11-01', value: 22 }] })).toEqual({
      ...kr,
      start: 22,
      current: 22,
    });
    expect(restartedKr({ ...kr, current: 40 })).toEqual({ ...kr, current: 40 });
    expect(restartedKr({ id: 'd', title: 'D', start: 50, target: 20, current: 35 })).toMatchObject({
      start: 35,
      current: 35,
    });
    expect(restartedKr({ id: 't', title: 'T', target: 3, keep: 'below', current: 2 })).toEqual({
      id: 't',
      title: 'T',
      target: 3,
      keep: 'below',
    });
    expect(restartedKr({ id: 'm', title: 'M', done: true, confidence: 0.9 })).toEqual({
      id: 'm',
      title: 'M',
      done: false,
    });
    expect(restartedKr({ id: 'j', title: 'J', progress: 0.8 })).toEqual({ id: 'j', title: 'J', progress: 0 });
    expect(restartedKr({ id: 'r', title: 'Rolled up' })).toEqual({ id: 'r', title: 'Rolled up' });
  });
});
